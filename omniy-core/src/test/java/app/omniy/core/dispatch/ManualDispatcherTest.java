package app.omniy.core.dispatch;

import static app.omniy.core.dispatch.DispatchFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import app.omniy.core.quota.QuotaPolicy;
import app.omniy.core.retry.RetryPolicy;
import app.omniy.testkit.ManualDispatcher;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.ScriptedPublisher.Operation;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManualDispatcherTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(60);

  private final InMemoryPostStore store = new InMemoryPostStore();
  private final ScriptedPublisher publisher = new ScriptedPublisher();
  private final SettableClock clock = SettableClock.at(T0);
  private final List<String> events = new ArrayList<>();
  private final DispatchListener recorder =
      new DispatchListener() {
        @Override
        public void published(PostRecord post, String mediaId) {
          events.add("published " + post.id() + " " + mediaId);
        }

        @Override
        public void failed(PostRecord post, String reason) {
          events.add("failed " + post.id() + " " + reason);
        }

        @Override
        public void missedWindow(PostRecord post) {
          events.add("missed " + post.id());
        }

        @Override
        public void deferred(PostRecord post, Instant until, String reason) {
          events.add("deferred " + post.id() + " until " + until + " " + reason);
        }

        @Override
        public void needsReauth(PostRecord post, String reason) {
          events.add("reauth " + post.id());
        }

        @Override
        public void reauthWarning(PostRecord post, Instant publishAt) {
          events.add("warning " + post.id() + " at " + publishAt);
        }
      };

  private ManualDispatcher dispatcher(String owner) {
    return ManualDispatcher.builder(store, publisher, clock)
        .settings(DispatchSettings.defaults(owner).withLeaseDuration(LEASE))
        .listener(recorder)
        .build();
  }

  @Test
  void publishes_a_due_post_once_and_tells_the_listener_the_media_id() {
    store.insert(post("p1", "acct", T0.plusSeconds(30)), T0);
    var manual = dispatcher("w1");

    assertThat(manual.runDue()).isEmpty();
    manual.tick(Duration.ofMinutes(1));

    PostRecord r = store.find("p1").orElseThrow();
    assertThat(r.state()).isEqualTo(PostState.PUBLISHED);
    assertThat(r.lease()).isNull();
    assertThat(publisher.published()).hasSize(1);
    assertThat(events).containsExactly("published p1 " + publisher.published().get(0).mediaId());
    assertThat(publisher.calls())
        .containsExactly("CREATE:p1", "STATUS:container-1", "PUBLISH:container-1");
  }

  @Test
  void the_accounts_live_publish_limit_holds_back_what_the_default_would_let_go() {
    publisher.publishLimit("acct", 1);
    store.insert(post("p1", "acct", T0.plusSeconds(30)), T0);
    store.insert(post("p2", "acct", T0.plusSeconds(30)), T0);
    store.insert(post("q1", "other", T0.plusSeconds(30)), T0);
    var manual = dispatcher("w1");

    manual.tick(Duration.ofMinutes(1));

    assertThat(publisher.published())
        .extracting(ScriptedPublisher.PublishedMedia::accountId)
        .containsExactlyInAnyOrder("acct", "other");
    assertThat(publisher.publishLimitReads()).isEqualTo(2); // once per account, not per post
    PostRecord heldBack =
        store
            .find(store.find("p1").orElseThrow().state() == PostState.PUBLISHED ? "p2" : "p1")
            .orElseThrow();
    assertThat(heldBack.lastTransition().orElseThrow().reason()).contains("1 of 1 posts published");
  }

  @Test
  void a_crash_between_publish_and_record_is_reconciled_by_the_next_worker_not_republished() {
    store.insert(post("p1", "acct", T0), T0);
    // worker-1 gets as far as publishing, then dies before recording the outcome (POST-7).
    PostRecord claimed = store.claimDue(T0, 1, "worker-1", LEASE).get(0);
    PostRecord publishing =
        store.recordTransition(claimed.token(), PostState.PUBLISHING, "ATTEMPT_STARTED", T0, T0);
    String container = publisher.createContainer(publishing.post(), T0).value();
    store.recordContainer(publishing.token(), container, T0);
    assertThat(publisher.publish("acct", container, T0).isSuccess()).isTrue();

    var restarted = dispatcher("worker-2");
    restarted.tick(LEASE.plusSeconds(2));

    PostRecord r = store.find("p1").orElseThrow();
    assertThat(r.state()).isEqualTo(PostState.PUBLISHED);
    assertThat(r.lastTransition().orElseThrow().reason())
        .isEqualTo(Reasons.of(Reasons.RECONCILED_PUBLISHED, container));
    assertThat(r.history()).extracting(t -> t.reasonCode()).contains(Dispatcher.LEASE_EXPIRED);
    assertThat(publisher.published()).hasSize(1);
    assertThat(publisher.containersCreatedFor("p1")).isEqualTo(1);
  }

  @Test
  void finished_posts_left_leased_by_a_dead_worker_are_released_and_never_crowd_out_recovery() {
    // Three posts whose worker recorded PUBLISHED but died before releasing them, then one whose
    // worker died in PUBLISHING: recovery takes two expired leases per pass here.
    for (int i = 0; i < 3; i++) {
      store.insert(post("done-" + i, "acct-" + i, T0), T0);
      PostRecord r = store.claimDue(T0, 1, "worker-1", LEASE).get(0);
      r = store.recordTransition(r.token(), PostState.PUBLISHING, "ATTEMPT_STARTED", T0, T0);
      store.recordTransition(r.token(), PostState.PUBLISHED, Reasons.PUBLISHED, T0, T0);
    }
    store.insert(post("stuck", "acct-9", T0.plusSeconds(1)), T0);
    PostRecord stuck = store.claimDue(T0.plusSeconds(1), 1, "worker-1", LEASE).get(0);
    store.recordTransition(stuck.token(), PostState.PUBLISHING, "ATTEMPT_STARTED", T0, T0);
    Dispatcher recovering = dispatcher("worker-2").dispatcher();
    Instant later = T0.plus(LEASE).plusSeconds(5);

    List<PostRecord> recovered = new ArrayList<>(recovering.recoverExpired(later, 2));
    recovered.addAll(recovering.recoverExpired(later, 2));
    recovered.addAll(recovering.recoverExpired(later, 2));

    for (int i = 0; i < 3; i++) {
      PostRecord done = store.find("done-" + i).orElseThrow();
      assertThat(done.state()).isEqualTo(PostState.PUBLISHED);
      assertThat(done.lease()).isNull();
    }
    assertThat(recovered).extracting(PostRecord::id).containsExactly("stuck");
    assertThat(store.find("stuck").orElseThrow().state()).isEqualTo(PostState.RETRY_WAIT);
    assertThat(store.findExpiredLeases(later, 10)).isEmpty();
  }

  @Test
  void an_unknown_publish_outcome_is_reconciled_before_the_retry_publishes() {
    store.insert(post("p1", "acct", T0), T0);
    publisher
        .script(Operation.PUBLISH, PublisherResult.failure(OutcomeClass.TRANSIENT, "t", "timeout"))
        .script(
            Operation.RECONCILE, PublisherResult.failure(OutcomeClass.TRANSIENT, "t", "timeout"));
    var manual = dispatcher("w1");

    manual.runDue();
    assertThat(store.find("p1").orElseThrow().state()).isEqualTo(PostState.RETRY_WAIT);
    manual.tick(Duration.ofMinutes(2));

    assertThat(store.find("p1").orElseThrow().state()).isEqualTo(PostState.PUBLISHED);
    assertThat(publisher.calls())
        .containsExactly(
            "CREATE:p1",
            "STATUS:container-1",
            "PUBLISH:container-1",
            "RECONCILE:container-1",
            // the retry asks first, and reuses the container it learns was not published
            "RECONCILE:container-1",
            "STATUS:container-1",
            "PUBLISH:container-1");
    assertThat(publisher.published()).hasSize(1);
  }

  @Test
  void an_expired_container_is_replaced_on_the_retry() {
    store.insert(post("p1", "acct", T0), T0);
    publisher
        .script(Operation.STATUS, PublisherResult.success(ContainerStatus.EXPIRED))
        .script(Operation.RECONCILE, PublisherResult.success(Reconciliation.CONTAINER_EXPIRED));
    var manual = dispatcher("w1");

    manual.tick(Duration.ofMinutes(2));

    assertThat(store.find("p1").orElseThrow().state()).isEqualTo(PostState.PUBLISHED);
    assertThat(publisher.containersCreatedFor("p1")).isEqualTo(2);
    assertThat(store.find("p1").orElseThrow().containerId()).isEqualTo("container-2");
  }

  @Test
  void paused_publishing_claims_nothing_and_loses_nothing() {
    store.insert(post("p1", "acct", T0.plusSeconds(10)), T0);
    var manual = dispatcher("w1");
    manual.dispatcher().pause("INC-4: Instagram outage");

    manual.tick(Duration.ofMinutes(10));
    assertThat(store.find("p1").orElseThrow().state()).isEqualTo(PostState.SCHEDULED);
    assertThat(manual.dispatcher().paused()).contains("INC-4: Instagram outage");

    manual.dispatcher().resume();
    manual.runDue();
    assertThat(store.find("p1").orElseThrow().state()).isEqualTo(PostState.PUBLISHED);
  }

  @Test
  void a_pause_longer_than_the_window_fails_the_post_as_missed() {
    store.insert(post("p1", "acct", T0), T0);
    var manual = dispatcher("w1");
    manual.dispatcher().pause("maintenance");
    manual.tick(Duration.ofMinutes(61));
    manual.dispatcher().resume();

    manual.runDue();

    PostRecord r = store.find("p1").orElseThrow();
    assertThat(r.state()).isEqualTo(PostState.FAILED);
    assertThat(r.lastTransition().orElseThrow().reasonCode()).isEqualTo(Reasons.MISSED_WINDOW);
    assertThat(events)
        .containsExactly("failed p1 " + r.lastTransition().orElseThrow().reason(), "missed p1");
    assertThat(publisher.calls()).isEmpty();
  }

  @Test
  void an_auth_failure_parks_the_account_and_warns_about_its_upcoming_posts() {
    store.insert(post("p1", "acct", T0), T0);
    store.insert(post("p2", "acct", T0.plus(Duration.ofMinutes(90))), T0);
    store.insert(post("other", "other", T0.plus(Duration.ofMinutes(90))), T0);
    publisher.script(
        Operation.CREATE, PublisherResult.failure(OutcomeClass.AUTH, "190", "token expired"));
    var manual = dispatcher("w1");

    manual.runDue();
    assertThat(store.find("p1").orElseThrow().state()).isEqualTo(PostState.NEEDS_REAUTH);
    assertThat(events).containsExactly("reauth p1");

    manual.tick(Duration.ofMinutes(29));
    assertThat(events).hasSize(1); // p2 is still more than the 1 h lead away (POST-11)
    manual.tick(Duration.ofMinutes(2));
    manual.tick(Duration.ofMinutes(10));
    assertThat(events)
        .containsExactly("reauth p1", "warning p2 at " + T0.plus(Duration.ofMinutes(90)));

    manual.tick(Duration.ofMinutes(60));
    assertThat(store.find("p2").orElseThrow().state()).isEqualTo(PostState.NEEDS_REAUTH);
    assertThat(store.find("other").orElseThrow().state()).isEqualTo(PostState.PUBLISHED);
    assertThat(publisher.calls()).doesNotContain("CREATE:p2");
  }

  @Test
  void a_quota_deferral_says_why_and_when() {
    var tight =
        DispatchSettings.defaults("w1")
            .withQuotaPolicy(new QuotaPolicy(1, 400, Duration.ofHours(24)))
            .withRetryPolicy(RetryPolicy.DEFAULTS.withGrace("acct", Duration.ofDays(2)));
    store.insert(post("p1", "acct", T0), T0);
    store.insert(post("p2", "acct", T0), T0);
    var manual =
        ManualDispatcher.builder(store, publisher, clock)
            .settings(tight)
            .listener(recorder)
            .build();

    manual.runDue();

    assertThat(events).hasSize(2);
    assertThat(events.get(1))
        .startsWith(
            "deferred p2 until "
                + T0.plus(Duration.ofHours(24))
                + " QUOTA_DEFERRED: 1 of 1 posts published");
    assertThat(store.find("p2").orElseThrow().state()).isEqualTo(PostState.SCHEDULED);
  }

  @Test
  void a_listener_that_throws_does_not_stop_publishing() {
    store.insert(post("p1", "acct", T0), T0);
    store.insert(post("p2", "acct", T0), T0);
    var manual =
        ManualDispatcher.builder(store, publisher, clock)
            .listener(
                new DispatchListener() {
                  @Override
                  public void published(PostRecord post, String mediaId) {
                    throw new IllegalStateException("host bug");
                  }
                })
            .build();

    manual.runDue();

    assertThat(store.findByAccount("acct", Set.of(PostState.PUBLISHED))).hasSize(2);
  }

  @Test
  void a_publisher_that_always_asks_for_no_wait_is_retried_once_per_step_not_forever() {
    store.insert(post("p1", "acct", T0), T0);
    for (int i = 0; i < 5; i++) {
      publisher.script(
          Operation.CREATE,
          PublisherResult.throttled(OutcomeClass.RATE_LIMITED, "4", "limit", Duration.ZERO));
    }
    var manual = dispatcher("w1");

    assertThat(manual.runDue()).hasSize(1);
    assertThat(store.find("p1").orElseThrow().state()).isEqualTo(PostState.RETRY_WAIT);
    manual.tick(Duration.ofSeconds(5));

    assertThat(store.find("p1").orElseThrow().state()).isEqualTo(PostState.PUBLISHED);
    assertThat(manual.history()).hasSize(6);
  }

  @Test
  void rejects_a_negative_tick_and_a_zero_step() {
    var manual = dispatcher("w1");
    assertThatThrownBy(() -> manual.tick(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> ManualDispatcher.builder(store, publisher, clock).step(Duration.ZERO))
        .isInstanceOf(InvalidValueException.class);
  }
}
