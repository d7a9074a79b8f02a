package app.omniy.core.dispatch;

import app.omniy.core.post.Post;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import app.omniy.testkit.SamplePosts;
import java.time.Instant;
import java.util.Set;

/** Posts and a per-account fault for the dispatcher tests. */
final class DispatchFixtures {
  private DispatchFixtures() {}

  static Post post(String id, String account, Instant publishAt) {
    return SamplePosts.image(id, account, publishAt);
  }

  /**
   * A publisher whose container creation fails with {@code outcome} for some accounts, as an
   * account-specific outage would, and otherwise is {@code delegate}.
   */
  record FailingAccounts(Publisher delegate, Set<String> accounts, OutcomeClass outcome)
      implements Publisher {
    @Override
    public PublisherResult<String> comment(
        String accountId, String mediaId, String text, Instant now) {
      return delegate.comment(accountId, mediaId, text, now);
    }

    @Override
    public PublisherResult<String> createContainer(Post post, Instant now) {
      if (accounts.contains(post.accountId())) {
        return PublisherResult.failure(outcome, "2", "scripted failure of " + post.accountId());
      }
      return delegate.createContainer(post, now);
    }

    @Override
    public PublisherResult<ContainerStatus> status(
        String accountId, String containerId, Instant now) {
      return delegate.status(accountId, containerId, now);
    }

    @Override
    public PublisherResult<String> publish(String accountId, String containerId, Instant now) {
      return delegate.publish(accountId, containerId, now);
    }

    @Override
    public PublisherResult<Reconciliation> reconcile(
        String accountId, String containerId, Instant now) {
      return delegate.reconcile(accountId, containerId, now);
    }
  }
}
