package app.omniy.core.dispatch;

import static app.omniy.core.dispatch.DispatchFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import app.omniy.testkit.ManualDispatcher;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Leases while an attempt runs and after its worker is gone (POST-8). */
class LeaseRenewalTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(60);

  private final InMemoryPostStore store = new InMemoryPostStore();
  private final ScriptedPublisher instagram = new ScriptedPublisher();
  private final SettableClock clock = SettableClock.at(T0);

  /** Every call takes 40 s of the settable clock, so one attempt outlasts a 60 s lease. */
  private final Publisher slow =
      new Publisher() {
        @Override
        public PublisherResult<String> createContainer(Post post, Instant now) {
          clock.advance(Duration.ofSeconds(40));
          return instagram.createContainer(post, now);
        }

        @Override
        public PublisherResult<ContainerStatus> status(String a, String c, Instant now) {
          clock.advance(Duration.ofSeconds(40));
          return instagram.status(a, c, now);
        }

        @Override
        public PublisherResult<String> publish(String a, String c, Instant now) {
          clock.advance(Duration.ofSeconds(40));
          return instagram.publish(a, c, now);
        }

        @Override
        public PublisherResult<Reconciliation> reconcile(String a, String c, Instant now) {
          return instagram.reconcile(a, c, now);
        }
      };

  @Test
  void an_attempt_longer_than_the_lease_renews_it_and_records_its_outcome() {
    store.insert(post("p1", "acct", T0), T0);
    var manual =
        ManualDispatcher.builder(store, slow, clock)
            .settings(DispatchSettings.defaults("w1").withLeaseDuration(LEASE))
            .build();

    List<Dispatched> done = manual.runDue();

    assertThat(done).singleElement().satisfies(d -> assertThat(d.leaseLost()).isFalse());
    PostRecord r = store.find("p1").orElseThrow();
    assertThat(r.state()).isEqualTo(PostState.PUBLISHED);
    assertThat(r.lease()).isNull();
    assertThat(clock.instant()).isAfter(T0.plus(LEASE));
  }

  @Test
  void a_post_left_publishing_without_a_container_past_its_window_is_failed_as_missed() {
    store.insert(post("p1", "acct", T0), T0);
    PostRecord claimed = store.claimDue(T0, 1, "dead-worker", LEASE).get(0);
    store.recordTransition(claimed.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);
    clock.advance(Duration.ofMinutes(61));
    var manual =
        ManualDispatcher.builder(store, instagram, clock)
            .settings(DispatchSettings.defaults("w2").withLeaseDuration(LEASE))
            .build();

    manual.runDue();

    PostRecord r = store.find("p1").orElseThrow();
    assertThat(r.state()).isEqualTo(PostState.FAILED);
    assertThat(r.lastTransition().orElseThrow().reason())
        .startsWith(Reasons.MISSED_WINDOW)
        .contains("dead-worker");
    assertThat(r.lease()).isNull();
    assertThat(instagram.calls()).isEmpty();
  }
}
