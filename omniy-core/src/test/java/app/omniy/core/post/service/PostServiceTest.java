package app.omniy.core.post.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.*;
import app.omniy.core.post.spi.*;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import app.omniy.core.retry.RetryRefusedException;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.ScriptedPublisher.Operation;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The host-facing post service on the in-memory store and the scripted publisher: edits only while
 * not publishing, and a safe retry of FAILED posts (POST-7).
 */
class PostServiceTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final SettableClock clock = SettableClock.at(T0);
  private final InMemoryPostStore store = new InMemoryPostStore();
  private final ScriptedPublisher publisher = new ScriptedPublisher();
  private final PostService service =
      new PostService(store, publisher, PostValidator.withDefaults(), clock);

  private static Post post(String id, String account) {
    return Post.builder(id, account)
        .media(Media.image(MediaItem.image("https://cdn.example/a.jpg", "JPEG", 1080, 1350, 500)))
        .caption("spring #sale")
        .publishAt(T0.plus(Duration.ofHours(1)))
        .zone(ZoneId.of("Asia/Tokyo"))
        .build();
  }

  /** Drives {@code id} through a claimed attempt that ends in {@code end}, as a worker would. */
  private PostRecord attemptEndingIn(String id, PostState end, boolean withContainer) {
    Instant due = store.find(id).orElseThrow().nextAttemptAt();
    clock.set(due);
    PostRecord r = store.claimDue(due, 10, "worker", LEASE).get(0);
    r = store.recordTransition(r.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, due, due);
    if (withContainer) {
      String container = publisher.createContainer(r.post(), due).value();
      r = store.recordContainer(r.token(), container, due);
      publisher.publish(r.accountId(), container, due);
    }
    if (end != PostState.PUBLISHING) {
      r = store.recordTransition(r.token(), end, "RETRIES_EXHAUSTED: timeout", due, due);
      r = store.release(r.token(), due);
    }
    return r;
  }

  @Test
  void scheduling_validates_and_stores_nothing_when_rejected() {
    Post bad = post("p1", "acct").toBuilder().publishAt(T0.plusSeconds(60)).build();

    assertThatThrownBy(() -> service.schedule(bad))
        .isInstanceOf(PostRejectedException.class)
        .satisfies(
            e ->
                assertThat(((PostRejectedException) e).violations())
                    .extracting(v -> v.code())
                    .containsExactly(ViolationCode.PUBLISH_TIME_TOO_SOON));
    assertThat(service.find("p1")).isEmpty();
  }

  @Test
  void a_scheduled_post_is_listed_by_account_and_state() {
    service.schedule(post("p1", "acct"));
    service.schedule(post("p2", "other"));
    service.cancel("p2");

    assertThat(service.list("acct", EnumSet.of(PostState.SCHEDULED)))
        .extracting(PostRecord::id)
        .containsExactly("p1");
    assertThat(service.list("other", EnumSet.of(PostState.CANCELLED)))
        .extracting(PostRecord::id)
        .containsExactly("p2");
    assertThat(service.list("other", EnumSet.of(PostState.SCHEDULED))).isEmpty();
  }

  @Test
  void cancelling_records_who_and_when_and_a_cancelled_post_is_never_claimed() {
    service.schedule(post("p1", "acct"));
    clock.advance(Duration.ofMinutes(5));

    PostRecord cancelled = service.cancel("p1");

    assertThat(cancelled.state()).isEqualTo(PostState.CANCELLED);
    assertThat(cancelled.history())
        .containsExactly(
            new Transition(
                T0.plus(Duration.ofMinutes(5)),
                PostState.SCHEDULED,
                PostState.CANCELLED,
                Reasons.CANCELLED,
                0));
    assertThat(store.claimDue(T0.plus(Duration.ofDays(1)), 10, "w", LEASE)).isEmpty();
  }

  @Test
  void a_post_a_worker_holds_cannot_be_cancelled_or_edited() {
    service.schedule(post("p1", "acct"));
    clock.set(T0.plus(Duration.ofHours(1)));
    store.claimDue(clock.instant(), 10, "worker", LEASE);

    assertThatThrownBy(() -> service.cancel("p1"))
        .isInstanceOf(StaleWriteException.class)
        .hasMessageContaining("worker");
    assertThatThrownBy(() -> service.edit("p1", p -> p.toBuilder().caption("new").build()))
        .isInstanceOf(StaleWriteException.class);
  }

  @Test
  void a_post_left_publishing_cannot_be_changed_even_after_its_lease_expired() {
    service.schedule(post("p1", "acct"));
    attemptEndingIn("p1", PostState.PUBLISHING, false);
    clock.advance(LEASE.multipliedBy(2));

    assertThatThrownBy(() -> service.cancel("p1"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("PUBLISHING → CANCELLED");
    assertThatThrownBy(() -> service.reschedule("p1", clock.instant().plus(Duration.ofHours(1))))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("PUBLISHING");
  }

  @Test
  void rescheduling_moves_the_due_time_and_checks_the_lead() {
    service.schedule(post("p1", "acct"));
    Instant later = T0.plus(Duration.ofHours(5));

    PostRecord moved = service.reschedule("p1", later);

    assertThat(moved.post().publishAt()).isEqualTo(later);
    assertThat(moved.nextAttemptAt()).isEqualTo(later);
    assertThat(moved.lastTransition().orElseThrow().reasonCode()).isEqualTo(Reasons.RESCHEDULED);
    assertThat(store.claimDue(T0.plus(Duration.ofHours(2)), 10, "w", LEASE)).isEmpty();
    assertThatThrownBy(() -> service.reschedule("p1", T0.plusSeconds(30)))
        .isInstanceOf(PostRejectedException.class)
        .hasMessageContaining("publishAt PUBLISH_TIME_TOO_SOON");
  }

  @Test
  void rescheduling_a_post_waiting_for_a_retry_starts_it_afresh() {
    service.schedule(post("p1", "acct"));
    attemptEndingIn("p1", PostState.RETRY_WAIT, false);
    Instant later = clock.instant().plus(Duration.ofHours(2));

    PostRecord moved = service.reschedule("p1", later);

    assertThat(moved.state()).isEqualTo(PostState.SCHEDULED);
    assertThat(moved.attempt()).isZero();
  }

  @Test
  void editing_validates_the_result_and_keeps_the_stored_post_when_rejected() {
    service.schedule(post("p1", "acct"));

    PostRecord edited = service.edit("p1", p -> p.toBuilder().caption("summer #sale").build());
    assertThat(edited.post().caption()).isEqualTo("summer #sale");
    assertThat(edited.lastTransition().orElseThrow().reasonCode()).isEqualTo(Reasons.EDITED);

    assertThatThrownBy(
            () -> service.edit("p1", p -> p.toBuilder().caption("#a ".repeat(31)).build()))
        .isInstanceOf(PostRejectedException.class)
        .hasMessageContaining("TOO_MANY_HASHTAGS");
    assertThat(service.find("p1").orElseThrow().post().caption()).isEqualTo("summer #sale");
  }

  @Test
  void a_post_waiting_for_a_retry_can_be_edited_though_its_publish_time_has_passed() {
    service.schedule(post("p1", "acct"));
    PostRecord waiting = attemptEndingIn("p1", PostState.RETRY_WAIT, false);
    clock.advance(Duration.ofMinutes(1));

    PostRecord edited = service.edit("p1", p -> p.toBuilder().caption("fixed").build());

    assertThat(edited.state()).isEqualTo(PostState.RETRY_WAIT);
    assertThat(edited.post().caption()).isEqualTo("fixed");
    assertThat(edited.nextAttemptAt()).isEqualTo(waiting.nextAttemptAt());
  }

  @Test
  void a_post_whose_attempt_created_a_container_cannot_be_edited() {
    service.schedule(post("p1", "acct"));
    publisher.script(
        Operation.PUBLISH, PublisherResult.failure(OutcomeClass.TRANSIENT, "2207001", "error"));
    attemptEndingIn("p1", PostState.RETRY_WAIT, true);

    assertThatThrownBy(() -> service.edit("p1", p -> p.toBuilder().caption("new").build()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("container");
  }

  @Test
  void an_edit_cannot_move_a_post_to_another_account() {
    service.schedule(post("p1", "acct"));

    assertThatThrownBy(() -> service.edit("p1", p -> post("p1", "other")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("must keep the id and the account");
  }

  @Test
  void retrying_a_failed_post_without_a_container_is_a_fresh_attempt_due_now() {
    service.schedule(post("p1", "acct"));
    attemptEndingIn("p1", PostState.FAILED, false);
    clock.advance(Duration.ofHours(3));

    PostRecord retried = service.retryFailed("p1");

    assertThat(retried.state()).isEqualTo(PostState.SCHEDULED);
    assertThat(retried.attempt()).isZero();
    assertThat(retried.nextAttemptAt()).isEqualTo(clock.instant());
    assertThat(retried.post().publishAt()).isEqualTo(clock.instant());
    assertThat(retried.lastTransition().orElseThrow().reason())
        .isEqualTo("RETRY_REQUESTED: no container was created");
    assertThat(store.claimDue(clock.instant(), 10, "w", LEASE)).hasSize(1);
  }

  @Test
  void retrying_a_failed_post_whose_container_went_out_marks_it_published_and_publishes_nothing() {
    service.schedule(post("p1", "acct"));
    attemptEndingIn("p1", PostState.FAILED, true); // the publish went out, the worker saw a failure
    assertThat(publisher.published()).hasSize(1);

    PostRecord retried = service.retryFailed("p1");

    assertThat(retried.state()).isEqualTo(PostState.PUBLISHED);
    assertThat(retried.lastTransition().orElseThrow().reasonCode())
        .isEqualTo(Reasons.RECONCILED_PUBLISHED);
    assertThat(publisher.published()).hasSize(1);
    assertThat(store.claimDue(clock.instant().plus(Duration.ofDays(1)), 10, "w", LEASE)).isEmpty();
  }

  @Test
  void retrying_when_the_old_container_was_not_published_drops_it_for_a_new_one() {
    service.schedule(post("p1", "acct"));
    publisher.script(
        Operation.PUBLISH, PublisherResult.failure(OutcomeClass.TRANSIENT, "2207001", "error"));
    PostRecord failed = attemptEndingIn("p1", PostState.FAILED, true);

    PostRecord retried = service.retryFailed("p1");

    assertThat(retried.state()).isEqualTo(PostState.SCHEDULED);
    assertThat(retried.containerId()).isNull();
    assertThat(retried.lastTransition().orElseThrow().reason())
        .contains(failed.containerId())
        .contains("NOT_PUBLISHED");
  }

  @Test
  void a_retry_is_refused_when_the_old_containers_fate_is_unknown() {
    service.schedule(post("p1", "acct"));
    PostRecord failed = attemptEndingIn("p1", PostState.FAILED, true);
    publisher.script(
        Operation.RECONCILE, PublisherResult.failure(OutcomeClass.TRANSIENT, "2", "unavailable"));

    assertThatThrownBy(() -> service.retryFailed("p1"))
        .isInstanceOf(RetryRefusedException.class)
        .hasMessageContaining(failed.containerId());
    assertThat(service.find("p1").orElseThrow()).isEqualTo(failed);
  }

  @Test
  void only_a_failed_post_can_be_retried() {
    service.schedule(post("p1", "acct"));

    assertThatThrownBy(() -> service.retryFailed("p1"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("only a FAILED post");
    assertThatThrownBy(() -> service.retryFailed("nope")).hasMessageContaining("nope");
  }

  @Test
  void a_post_waiting_for_reauthorisation_is_rescheduled_once_the_account_is_reconnected() {
    service.schedule(post("p1", "acct"));
    attemptEndingIn("p1", PostState.NEEDS_REAUTH, false);
    clock.advance(Duration.ofMinutes(30));

    PostRecord back = service.reauthorised("p1");

    assertThat(back.state()).isEqualTo(PostState.SCHEDULED);
    assertThat(back.nextAttemptAt()).isEqualTo(clock.instant());
  }

  @Test
  void a_worker_crash_after_publishing_is_recovered_without_a_second_post() {
    service.schedule(post("p1", "acct"));
    PostRecord stuck = attemptEndingIn("p1", PostState.PUBLISHING, true);
    Instant later = clock.advance(LEASE.plusSeconds(1));

    PostRecord expired = store.findExpiredLeases(later, 10).get(0);
    PostRecord recovering =
        store
            .claimExpired(expired.id(), expired.version(), "recoverer", later, LEASE)
            .orElseThrow();
    Reconciliation fate =
        publisher.reconcile(recovering.accountId(), recovering.containerId(), later).value();
    PostRecord done =
        store.recordTransition(
            recovering.token(), PostState.PUBLISHED, Reasons.RECONCILED_PUBLISHED, later, later);

    assertThat(stuck.containerId()).isNotNull();
    assertThat(fate).isEqualTo(Reconciliation.PUBLISHED);
    assertThat(done.state()).isEqualTo(PostState.PUBLISHED);
    assertThat(publisher.published()).hasSize(1);
    assertThat(publisher.calls()).filteredOn(c -> c.startsWith("PUBLISH:")).hasSize(1);
    assertThat(List.of(done.history().get(0).to(), done.history().get(1).to()))
        .containsExactly(PostState.PUBLISHING, PostState.PUBLISHED);
  }
}
