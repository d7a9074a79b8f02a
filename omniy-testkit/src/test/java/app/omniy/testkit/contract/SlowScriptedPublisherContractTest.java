package app.omniy.testkit.contract;

import app.omniy.core.post.Post;
import app.omniy.core.post.spi.Publisher;
import app.omniy.testkit.ScriptedPublisher;
import java.time.Instant;

/** The contract also holds when containers need several polls before they finish (videos). */
class SlowScriptedPublisherContractTest extends PublisherContract {
  @Override
  protected Publisher newPublisher() {
    return new ScriptedPublisher().processingPolls(3);
  }

  @Override
  protected Post publishablePost(String id) {
    return PostStoreContract.post(id, "acct", Instant.parse("2026-04-01T01:00:00Z"));
  }

  @Override
  protected int maxPollsUntilFinished() {
    return 4;
  }
}
