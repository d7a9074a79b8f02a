package app.omniy.testkit.contract;

import app.omniy.core.post.Post;
import app.omniy.core.post.spi.Publisher;
import app.omniy.testkit.ScriptedPublisher;
import java.time.Instant;

/** The scripted test publisher meets the {@link Publisher} contract, so tests using it are fair. */
class ScriptedPublisherContractTest extends PublisherContract {
  @Override
  protected Publisher newPublisher() {
    return new ScriptedPublisher();
  }

  @Override
  protected Post publishablePost(String id) {
    return PostStoreContract.post(id, "acct", Instant.parse("2026-04-01T01:00:00Z"));
  }
}
