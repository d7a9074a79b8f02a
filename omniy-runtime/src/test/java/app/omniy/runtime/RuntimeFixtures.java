package app.omniy.runtime;

import app.omniy.core.post.Post;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import app.omniy.testkit.SamplePosts;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/** Posts and a slow publisher, for the runtime tests. */
final class RuntimeFixtures {
  private RuntimeFixtures() {}

  static Post post(String id, String account, Instant publishAt) {
    return SamplePosts.image(id, account, publishAt);
  }

  /** Delegates, taking {@code delay} per publish as a real API call would. */
  record SlowPublisher(Publisher delegate, Duration delay) implements Publisher {
    @Override
    public PublisherResult<String> createContainer(Post post, Instant now) {
      return delegate.createContainer(post, now);
    }

    @Override
    public PublisherResult<ContainerStatus> status(
        String accountId, String containerId, Instant now) {
      return delegate.status(accountId, containerId, now);
    }

    @Override
    public PublisherResult<String> publish(String accountId, String containerId, Instant now) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return delegate.publish(accountId, containerId, now);
    }

    @Override
    public PublisherResult<Reconciliation> reconcile(
        String accountId, String containerId, Instant now) {
      return delegate.reconcile(accountId, containerId, now);
    }
  }

  /** Delegates; a publish to {@code account} waits until {@code unblock} opens, as a hung call. */
  record HangingAccount(Publisher delegate, String account, CountDownLatch unblock)
      implements Publisher {
    @Override
    public PublisherResult<String> createContainer(Post post, Instant now) {
      return delegate.createContainer(post, now);
    }

    @Override
    public PublisherResult<ContainerStatus> status(
        String accountId, String containerId, Instant now) {
      return delegate.status(accountId, containerId, now);
    }

    @Override
    public PublisherResult<String> publish(String accountId, String containerId, Instant now) {
      if (accountId.equals(account)) {
        try {
          unblock.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return delegate.publish(accountId, containerId, now);
    }

    @Override
    public PublisherResult<Reconciliation> reconcile(
        String accountId, String containerId, Instant now) {
      return delegate.reconcile(accountId, containerId, now);
    }
  }
}
