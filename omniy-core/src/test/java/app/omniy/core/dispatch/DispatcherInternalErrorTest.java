package app.omniy.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.LeaseToken;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Posts;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An attempt that throws an Error ends on the retry path with INTERNAL_ERROR, its lease released,
 * and the caller goes on; only the JVM's own failures are thrown on (POST-5, POST-8).
 */
class DispatcherInternalErrorTest {
  private static final Instant T0 = Posts.IN_ONE_HOUR;

  private final InMemoryPostStore store = new InMemoryPostStore();
  private final List<OutcomeClass> ended = new ArrayList<>();
  private final DispatchListener counting =
      new DispatchListener() {
        @Override
        public void attemptEnded(PostRecord post, OutcomeClass outcome) {
          ended.add(outcome);
        }
      };

  /** Publishes everything, except that {@code publish} throws what {@code publishThrows} gives. */
  private static final class Throwing implements Publisher {
    Supplier<? extends Throwable> publishThrows;
    Supplier<? extends Throwable> limitThrows;
    int published;

    Throwing(Supplier<? extends Throwable> publishThrows) {
      this.publishThrows = publishThrows;
    }

    @Override
    public PublisherResult<String> createContainer(Post post, Instant now) {
      return PublisherResult.success("c-" + post.id());
    }

    @Override
    public PublisherResult<ContainerStatus> status(String accountId, String c, Instant now) {
      return PublisherResult.success(ContainerStatus.FINISHED);
    }

    @Override
    public PublisherResult<String> publish(String accountId, String containerId, Instant now) {
      Throwable t = publishThrows == null ? null : publishThrows.get();
      if (t != null) {
        sneaky(t);
      }
      published++;
      return PublisherResult.success("m-" + containerId);
    }

    @Override
    public PublisherResult<Reconciliation> reconcile(String accountId, String c, Instant now) {
      return PublisherResult.success(Reconciliation.NOT_PUBLISHED);
    }

    @Override
    public OptionalInt publishLimit(String accountId, Instant now) {
      Throwable t = limitThrows == null ? null : limitThrows.get();
      if (t != null) {
        sneaky(t);
      }
      return OptionalInt.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneaky(Throwable t) throws T {
    throw (T) t;
  }

  private Dispatcher dispatcher(Publisher publisher) {
    return new Dispatcher(
        store, publisher, DispatchSettings.defaults("w1"), counting, new SplittableRandom(7));
  }

  private static Clock at(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  private Dispatched attemptDue(Dispatcher dispatcher, Instant now) {
    List<PostRecord> claimed = dispatcher.claim(now, 1);
    assertThat(claimed).hasSize(1);
    return dispatcher.process(claimed.get(0), at(now));
  }

  static Stream<Supplier<Throwable>> survivable() {
    return Stream.of(
        () -> new AssertionError("publisher invariant broken"),
        () -> new NoClassDefFoundError("com/example/Missing"),
        () -> new OutOfMemoryError("Java heap space"),
        () -> new StackOverflowError(),
        () -> new Exception("a checked exception thrown undeclared"));
  }

  @ParameterizedTest
  @MethodSource("survivable")
  void an_attempt_whose_publisher_throws_an_error_ends_in_retry_wait_with_the_reason(
      Supplier<Throwable> error) {
    store.insert(Posts.image().build(), Posts.NOW);
    Throwable thrown = error.get();
    Dispatched done = attemptDue(dispatcher(new Throwing(() -> thrown)), T0);

    assertThat(done.internalError()).containsSame(thrown);
    assertThat(done.leaseLost()).isFalse();
    PostRecord r = store.find("p1").orElseThrow();
    assertThat(r.state()).isEqualTo(PostState.RETRY_WAIT);
    assertThat(r.lease()).isNull();
    assertThat(r.containerId()).isEqualTo("c-p1"); // the next attempt reconciles it (POST-7)
    assertThat(r.lastTransition().orElseThrow().reasonCode()).isEqualTo(Reasons.INTERNAL_ERROR);
    assertThat(r.lastTransition().orElseThrow().reason())
        .contains(thrown.getClass().getSimpleName());
    assertThat(r.nextAttemptAt()).isAfterOrEqualTo(T0);
    assertThat(ended).containsExactly(OutcomeClass.TRANSIENT); // a failed attempt (ALERT-C4)
  }

  @Test
  void a_post_whose_every_attempt_throws_is_retried_then_fails_with_the_internal_error_reason() {
    store.insert(Posts.image().build(), Posts.NOW);
    Dispatcher dispatcher = dispatcher(new Throwing(() -> new AssertionError("always")));
    Instant now = T0;
    int attempts = 0;
    PostRecord r = store.find("p1").orElseThrow();
    while (r.state() != PostState.FAILED && attempts < 10) {
      now = r.nextAttemptAt().isAfter(now) ? r.nextAttemptAt() : now;
      attemptDue(dispatcher, now);
      attempts++;
      r = store.find("p1").orElseThrow();
    }

    int max = DispatchSettings.defaults("w1").retryPolicy().maxAttempts();
    assertThat(attempts).isEqualTo(max);
    assertThat(r.state()).isEqualTo(PostState.FAILED);
    assertThat(r.lease()).isNull();
    assertThat(r.lastTransition().orElseThrow().reasonCode()).isEqualTo(Reasons.INTERNAL_ERROR);
    assertThat(r.lastTransition().orElseThrow().reason()).contains("attempt " + max + " of " + max);
    assertThat(ended).hasSize(max).allMatch(o -> o != OutcomeClass.SUCCESS);
  }

  @Test
  void the_retry_after_an_error_publishes_once_the_error_is_gone() {
    store.insert(Posts.image().build(), Posts.NOW);
    Throwing publisher = new Throwing(() -> new AssertionError("once"));
    Dispatcher dispatcher = dispatcher(publisher);
    attemptDue(dispatcher, T0);
    publisher.publishThrows = null;

    Instant next = store.find("p1").orElseThrow().nextAttemptAt();
    Dispatched done = attemptDue(dispatcher, next.isAfter(T0) ? next : T0);

    assertThat(done.internalError()).isEmpty();
    assertThat(done.record().state()).isEqualTo(PostState.PUBLISHED);
    assertThat(publisher.published).isEqualTo(1);
  }

  @Test
  void an_error_before_the_attempt_started_defers_the_post_in_its_state() {
    store.insert(Posts.image().build(), Posts.NOW);
    Throwing publisher = new Throwing(null);
    publisher.limitThrows = () -> new LinkageError("broken quota client");
    Dispatched done = attemptDue(dispatcher(publisher), T0);

    assertThat(done.internalError()).isPresent();
    PostRecord r = store.find("p1").orElseThrow();
    assertThat(r.state()).isEqualTo(PostState.SCHEDULED);
    assertThat(r.lease()).isNull();
    assertThat(r.lastTransition().orElseThrow().reasonCode()).isEqualTo(Reasons.INTERNAL_ERROR);
  }

  @Test
  void an_error_thrown_by_the_store_ends_the_attempt_with_the_lease_released() {
    store.insert(Posts.image().build(), Posts.NOW);
    PostStore failingOnce = new ContainerWriteFailsOnce(store);
    Dispatcher dispatcher =
        new Dispatcher(
            failingOnce,
            new Throwing(null),
            DispatchSettings.defaults("w1"),
            counting,
            new SplittableRandom(7));

    List<PostRecord> claimed = dispatcher.claim(T0, 1);
    Dispatched done = dispatcher.process(claimed.get(0), at(T0));

    assertThat(done.internalError()).isPresent();
    PostRecord r = store.find("p1").orElseThrow();
    assertThat(r.state()).isEqualTo(PostState.RETRY_WAIT);
    assertThat(r.lease()).isNull();
    assertThat(r.lastTransition().orElseThrow().reasonCode()).isEqualTo(Reasons.INTERNAL_ERROR);
  }

  /** The in-memory store, whose first container write throws an AssertionError. */
  private static final class ContainerWriteFailsOnce implements PostStore {
    private final PostStore store;
    private boolean thrown;

    ContainerWriteFailsOnce(PostStore store) {
      this.store = store;
    }

    @Override
    public PostRecord recordContainer(LeaseToken token, String containerId, Instant now) {
      if (!thrown) {
        thrown = true;
        throw new AssertionError("store invariant broken");
      }
      return store.recordContainer(token, containerId, now);
    }

    @Override
    public PostRecord insert(Post post, Instant now) {
      return store.insert(post, now);
    }

    @Override
    public Optional<PostRecord> find(String postId) {
      return store.find(postId);
    }

    @Override
    public List<PostRecord> findByAccount(String accountId, Set<PostState> states) {
      return store.findByAccount(accountId, states);
    }

    @Override
    public List<PostRecord> claimDue(Instant now, int limit, String owner, Duration lease) {
      return store.claimDue(now, limit, owner, lease);
    }

    @Override
    public Optional<PostRecord> claimExpired(
        String postId, long version, String owner, Instant now, Duration lease) {
      return store.claimExpired(postId, version, owner, now, lease);
    }

    @Override
    public PostRecord renew(LeaseToken token, Instant now, Duration lease) {
      return store.renew(token, now, lease);
    }

    @Override
    public PostRecord release(LeaseToken token, Instant now) {
      return store.release(token, now);
    }

    @Override
    public PostRecord recordTransition(
        LeaseToken token, PostState to, String reason, Instant next, Instant now) {
      return store.recordTransition(token, to, reason, next, now);
    }

    @Override
    public PostRecord finishAttempt(
        LeaseToken token, PostState to, String reason, Instant next, Instant now) {
      return store.finishAttempt(token, to, reason, next, now);
    }

    @Override
    public PostRecord replace(PostRecord expected, PostRecord changed, Instant now) {
      return store.replace(expected, changed, now);
    }

    @Override
    public List<PostRecord> findExpiredLeases(Instant now, int limit) {
      return store.findExpiredLeases(now, limit);
    }

    @Override
    public Optional<Instant> oldestDue(Instant now) {
      return store.oldestDue(now);
    }

    @Override
    public Map<String, Instant> publishSlots(String accountId, Instant since) {
      return store.publishSlots(accountId, since);
    }
  }

  @Test
  void the_jvms_own_failures_are_thrown_on() {
    store.insert(Posts.image().build(), Posts.NOW);
    Dispatcher dispatcher = dispatcher(new Throwing(() -> new InternalError("JVM broken")));
    List<PostRecord> claimed = dispatcher.claim(T0, 1);

    assertThatThrownBy(() -> dispatcher.process(claimed.get(0), at(T0)))
        .isInstanceOf(InternalError.class);
    assertThat(Survivable.survivable(new InternalError())).isFalse();
    assertThat(Survivable.survivable(new UnknownError())).isFalse();
    assertThat(Survivable.survivable(new OutOfMemoryError())).isTrue();
    assertThat(Survivable.survivable(new StackOverflowError())).isTrue();
    assertThat(Survivable.survivable(new AssertionError())).isTrue();
    assertThat(Survivable.survivable(new IllegalStateException())).isTrue();
  }
}
