package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.post.IllegalTransitionException;
import app.omniy.core.post.LeaseToken;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.StaleWriteException;
import app.omniy.core.post.Transition;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.post.spi.PostStoreRules;
import app.omniy.testkit.SamplePosts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PostStore} must have (POST-4, POST-7, POST-8, POST-10). Extend it and
 * return a fresh, empty store from {@link #newStore()}:
 *
 * <pre>{@code
 * class InMemoryPostStoreContractTest extends PostStoreContract {
 *   protected PostStore newStore() { return new InMemoryPostStore(); }
 * }
 * }</pre>
 */
public abstract class PostStoreContract {
  /** A fixed instant the tests count from. */
  protected static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

  private static final Duration LEASE = Duration.ofMinutes(1);

  /** The store under test. */
  protected PostStore store;

  /** A fresh, empty store for each test. */
  protected abstract PostStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /** A valid image post of {@code account} due at {@code publishAt}. */
  protected static Post post(String id, String account, Instant publishAt) {
    return SamplePosts.image(id, account, publishAt);
  }

  private PostRecord insert(String id, String account, Instant publishAt) {
    return store.insert(post(id, account, publishAt), T0.minusSeconds(3600));
  }

  private static List<String> ids(List<PostRecord> records) {
    return records.stream().map(PostRecord::id).toList();
  }

  private PostRecord claimOne(String id, String owner, Instant now) {
    List<PostRecord> claimed = store.claimDue(now, 1_000, owner, LEASE);
    return claimed.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  private PostRecord current(String id) {
    return store.find(id).orElseThrow();
  }

  @Nested
  class Saving {
    @Test
    void a_new_post_is_scheduled_at_version_1_and_due_at_its_publish_time() {
      PostRecord r = insert("p1", "acct", T0);

      assertThat(r.state()).isEqualTo(PostState.SCHEDULED);
      assertThat(r.version()).isEqualTo(1);
      assertThat(r.nextAttemptAt()).isEqualTo(T0);
      assertThat(r.attempt()).isZero();
      assertThat(r.lease()).isNull();
      assertThat(store.find("p1")).contains(r);
    }

    @Test
    void a_second_post_with_the_same_id_is_rejected_naming_the_id() {
      insert("p1", "acct", T0);

      assertThatThrownBy(() -> insert("p1", "other", T0.plusSeconds(60)))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageStartingWith("id = 'p1'");
    }

    @Test
    void an_unknown_id_is_not_found() {
      assertThat(store.find("nope")).isEmpty();
    }

    @Test
    void listing_by_account_returns_only_that_accounts_posts_in_the_given_states_by_due_time() {
      insert("b", "acct", T0.plusSeconds(120));
      insert("a", "acct", T0.plusSeconds(60));
      insert("x", "other", T0);
      store.replace(
          current("b"), current("b").moved(PostState.CANCELLED, Reasons.CANCELLED, T0, T0), T0);

      assertThat(ids(store.findByAccount("acct", EnumSet.of(PostState.SCHEDULED))))
          .containsExactly("a");
      assertThat(ids(store.findByAccount("acct", EnumSet.allOf(PostState.class))))
          .containsExactlyInAnyOrder("a", "b");
      assertThat(store.findByAccount("nobody", EnumSet.allOf(PostState.class))).isEmpty();
    }
  }

  /** POST-3: the account's waiting posts in a time range, which scheduling checks quota against. */
  @Nested
  class PlannedPublishes {
    @Test
    void waiting_posts_of_the_account_in_the_half_open_range_are_listed_with_their_due_time() {
      insert("before", "acct", T0.minusNanos(1));
      insert("first", "acct", T0);
      insert("inside", "acct", T0.plusSeconds(3_600));
      insert("end", "acct", T0.plus(Duration.ofHours(24)));
      insert("other", "other", T0.plusSeconds(60));

      assertThat(store.plannedPublishes("acct", T0, T0.plus(Duration.ofHours(24))))
          .containsOnly(Map.entry("first", T0), Map.entry("inside", T0.plusSeconds(3_600)));
      assertThat(store.plannedPublishes("nobody", T0, T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void a_retry_counts_at_its_next_attempt_and_final_or_reauth_posts_not_at_all() {
      insert("retry", "acct", T0);
      insert("cancelled", "acct", T0.plusSeconds(60));
      insert("reauth", "acct", T0.plusSeconds(120));
      store.replace(
          current("cancelled"),
          current("cancelled").moved(PostState.CANCELLED, Reasons.CANCELLED, T0, T0),
          T0);
      store.replace(
          current("reauth"),
          current("reauth").moved(PostState.NEEDS_REAUTH, Reasons.NEEDS_REAUTH, T0, T0),
          T0);
      PostRecord claimed = claimOne("retry", "w1", T0);
      PostRecord publishing =
          store.recordTransition(
              claimed.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);
      Instant retryAt = T0.plusSeconds(300);
      store.finishAttempt(
          publishing.token(), PostState.RETRY_WAIT, Reasons.of("TRANSIENT", "5xx"), retryAt, T0);

      assertThat(store.plannedPublishes("acct", T0, T0.plus(Duration.ofHours(1))))
          .containsOnly(Map.entry("retry", retryAt));
    }

    @Test
    void a_post_in_publishing_is_not_planned_but_holds_its_publishing_slot() {
      insert("p", "acct", T0);
      PostRecord claimed = claimOne("p", "w1", T0);
      store.recordTransition(
          claimed.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0.plusSeconds(1));

      assertThat(store.plannedPublishes("acct", T0.minusSeconds(60), T0.plusSeconds(60))).isEmpty();
      assertThat(store.publishSlots("acct", T0.minusSeconds(60)))
          .containsOnly(Map.entry("p", T0.plusSeconds(1)));
    }

    @Test
    void a_rescheduled_post_is_listed_at_its_new_time_only() {
      insert("moved", "acct", T0.plusSeconds(60));
      PostRecord r = current("moved");
      Instant later = T0.plus(Duration.ofHours(30));
      store.replace(
          r,
          r.withPost(r.post().withPublishAt(later))
              .moved(PostState.SCHEDULED, Reasons.RESCHEDULED, later, T0),
          T0);

      assertThat(store.plannedPublishes("acct", T0, T0.plus(Duration.ofHours(24)))).isEmpty();
      assertThat(store.plannedPublishes("acct", T0, T0.plus(Duration.ofHours(48))))
          .containsOnly(Map.entry("moved", later));
    }
  }

  @Nested
  class Ordering {
    @Test
    void claiming_returns_due_posts_earliest_first_and_never_a_future_one() {
      List<Integer> minutes = new ArrayList<>(List.of(5, 1, 4, 2, 3, 6, 7));
      Collections.shuffle(minutes, new Random(7));
      for (int m : minutes) {
        insert("p" + m, "acct", T0.plus(Duration.ofMinutes(m)));
      }

      List<PostRecord> claimed = store.claimDue(T0.plus(Duration.ofMinutes(5)), 100, "w", LEASE);

      assertThat(ids(claimed)).containsExactly("p1", "p2", "p3", "p4", "p5");
    }

    @Test
    void a_post_due_exactly_now_is_claimed_and_one_a_nanosecond_later_is_not() {
      insert("now", "acct", T0);
      insert("later", "acct", T0.plusNanos(1));

      assertThat(ids(store.claimDue(T0, 10, "w", LEASE))).containsExactly("now");
    }

    @Test
    void the_limit_takes_the_earliest_and_leaves_the_rest_for_the_next_claim() {
      for (int i = 0; i < 5; i++) {
        insert("p" + i, "acct", T0.plusSeconds(i));
      }
      Instant now = T0.plusSeconds(10);

      assertThat(ids(store.claimDue(now, 2, "w", LEASE))).containsExactly("p0", "p1");
      assertThat(ids(store.claimDue(now, 2, "w", LEASE))).containsExactly("p2", "p3");
      assertThat(ids(store.claimDue(now, 2, "w", LEASE))).containsExactly("p4");
      assertThat(store.claimDue(now, 2, "w", LEASE)).isEmpty();
    }

    @Test
    void posts_due_at_the_same_instant_are_ordered_by_id() {
      insert("b", "acct", T0);
      insert("a", "acct", T0);

      assertThat(ids(store.claimDue(T0, 10, "w", LEASE))).containsExactly("a", "b");
    }

    @Test
    void a_limit_of_zero_claims_nothing() {
      insert("p", "acct", T0);

      assertThat(store.claimDue(T0, 0, "w", LEASE)).isEmpty();
      assertThat(current("p").lease()).isNull();
    }
  }

  @Nested
  class Fairness {
    @Test
    void a_contended_batch_gives_every_account_an_equal_share_even_if_one_was_due_first() {
      for (int i = 0; i < 100; i++) {
        insert(String.format("busy-%03d", i), "busy", T0.plusSeconds(i));
      }
      for (int i = 0; i < 5; i++) {
        insert("b-" + i, "b", T0.plusSeconds(200 + i));
        insert("c-" + i, "c", T0.plusSeconds(300 + i));
      }

      List<PostRecord> claimed = store.claimDue(T0.plusSeconds(400), 9, "w", LEASE);

      Map<String, Long> perAccount =
          claimed.stream()
              .collect(Collectors.groupingBy(PostRecord::accountId, Collectors.counting()));
      assertThat(perAccount)
          .containsEntry("busy", 3L)
          .containsEntry("b", 3L)
          .containsEntry("c", 3L);
      assertThat(ids(claimed)).startsWith("busy-000", "busy-001", "busy-002");
    }

    @Test
    void an_account_with_fewer_due_posts_than_its_share_leaves_the_rest_to_others() {
      for (int i = 0; i < 10; i++) {
        insert("a-" + i, "a", T0.plusSeconds(i));
      }
      insert("b-0", "b", T0.plusSeconds(50));

      List<PostRecord> claimed = store.claimDue(T0.plusSeconds(60), 6, "w", LEASE);

      assertThat(ids(claimed)).containsExactly("a-0", "a-1", "a-2", "a-3", "a-4", "b-0");
    }

    @Test
    void an_uncontended_batch_takes_every_due_post_in_due_order() {
      insert("a-0", "a", T0);
      insert("b-0", "b", T0.plusSeconds(1));
      insert("a-1", "a", T0.plusSeconds(2));

      assertThat(ids(store.claimDue(T0.plusSeconds(5), 10, "w", LEASE)))
          .containsExactly("a-0", "b-0", "a-1");
    }
  }

  @Nested
  class Leases {
    @Test
    void a_claimed_post_carries_the_owners_lease_and_a_new_version() {
      insert("p", "acct", T0);

      PostRecord r = claimOne("p", "w1", T0);

      assertThat(r.lease()).isNotNull();
      assertThat(r.lease().owner()).isEqualTo("w1");
      assertThat(r.lease().expiresAt()).isEqualTo(T0.plus(LEASE));
      assertThat(r.version()).isEqualTo(2);
      assertThat(current("p")).isEqualTo(r);
    }

    @Test
    void a_leased_post_is_not_claimed_again_while_the_lease_holds() {
      insert("p", "acct", T0);
      claimOne("p", "w1", T0);

      assertThat(store.claimDue(T0.plus(LEASE).minusNanos(1), 10, "w2", LEASE)).isEmpty();
    }

    @Test
    void renewing_extends_the_lease_from_now() {
      insert("p", "acct", T0);
      PostRecord r = claimOne("p", "w1", T0);

      PostRecord renewed = store.renew(r.token(), T0.plusSeconds(30), Duration.ofMinutes(5));

      assertThat(renewed.lease().expiresAt())
          .isEqualTo(T0.plusSeconds(30).plus(Duration.ofMinutes(5)));
      assertThat(store.claimDue(T0.plus(Duration.ofMinutes(2)), 10, "w2", LEASE)).isEmpty();
    }

    @Test
    void a_released_post_is_claimable_again_at_once() {
      insert("p", "acct", T0);
      PostRecord r = claimOne("p", "w1", T0);

      store.release(r.token(), T0);

      assertThat(ids(store.claimDue(T0, 10, "w2", LEASE))).containsExactly("p");
    }

    @Test
    void concurrent_claimers_never_get_the_same_post_and_together_get_every_post()
        throws Exception {
      int posts = 2_000;
      for (int i = 0; i < posts; i++) {
        insert(String.format("p-%05d", i), "acct-" + (i % 7), T0.plusMillis(i));
      }
      int threads = 8;
      Instant now = T0.plusSeconds(10);
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Callable<List<String>>> claimers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String owner = "w" + t;
        claimers.add(
            () -> {
              start.await(10, TimeUnit.SECONDS);
              List<String> mine = new ArrayList<>();
              List<PostRecord> batch;
              while (!(batch = store.claimDue(now, 13, owner, LEASE)).isEmpty()) {
                batch.forEach(r -> assertThat(r.lease().owner()).isEqualTo(owner));
                mine.addAll(ids(batch));
              }
              return mine;
            });
      }

      List<String> all = Concurrently.runAll(claimers).stream().flatMap(List::stream).toList();

      assertThat(all).hasSize(posts).doesNotHaveDuplicates();
    }

    @Test
    void two_recoverers_racing_for_the_same_expired_lease_never_both_win() throws Exception {
      for (int round = 0; round < 50; round++) {
        String id = "p" + round;
        insert(id, "acct", T0);
        PostRecord claimed = claimOne(id, "dead", T0);
        PostRecord publishing =
            store.recordTransition(
                claimed.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);
        Instant later = T0.plus(LEASE).plusSeconds(1);
        CyclicBarrier start = new CyclicBarrier(2);
        List<Callable<Optional<PostRecord>>> racers = new ArrayList<>();
        for (String owner : List.of("r1", "r2")) {
          racers.add(
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return store.claimExpired(id, publishing.version(), owner, later, LEASE);
              });
        }

        List<Optional<PostRecord>> results = Concurrently.runAll(racers);

        assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(1);
      }
    }
  }

  @Nested
  class Fencing {
    private PostRecord leased;

    @BeforeEach
    void claimAPost() {
      insert("p", "acct", T0);
      leased = claimOne("p", "w1", T0);
    }

    @Test
    void another_owner_cannot_write() {
      LeaseToken foreign = new LeaseToken("p", "w2", leased.version());

      assertThatThrownBy(() -> store.recordContainer(foreign, "c1", T0))
          .isInstanceOf(StaleWriteException.class)
          .hasMessageContaining("w2");
      assertThat(current("p").containerId()).isNull();
    }

    @Test
    void a_write_at_an_old_version_is_refused() {
      PostRecord renewed = store.renew(leased.token(), T0, LEASE);

      assertThatThrownBy(() -> store.recordContainer(leased.token(), "c1", T0))
          .isInstanceOf(StaleWriteException.class)
          .hasMessageContaining("version");
      assertThat(current("p")).isEqualTo(renewed);
    }

    @Test
    void the_owner_cannot_write_once_its_lease_expired_even_if_nobody_took_over() {
      Instant expiry = T0.plus(LEASE);

      assertThatThrownBy(
              () ->
                  store.recordTransition(
                      leased.token(), PostState.PUBLISHING, "late", expiry, expiry))
          .isInstanceOf(StaleWriteException.class)
          .hasMessageContaining("expired");
      assertThatThrownBy(() -> store.renew(leased.token(), expiry, LEASE))
          .isInstanceOf(StaleWriteException.class);
      assertThat(current("p").state()).isEqualTo(PostState.SCHEDULED);
    }

    @Test
    void a_worker_whose_post_was_taken_over_cannot_write() {
      Instant later = T0.plus(LEASE).plusSeconds(1);
      PostRecord taken = claimOne("p", "w2", later);

      assertThatThrownBy(() -> store.release(leased.token(), later))
          .isInstanceOf(StaleWriteException.class);
      assertThat(current("p")).isEqualTo(taken);
    }

    @Test
    void host_changes_are_refused_while_a_worker_holds_the_post() {
      PostRecord cancelled = leased.moved(PostState.CANCELLED, Reasons.CANCELLED, T0, T0);

      assertThatThrownBy(() -> store.replace(leased, cancelled, T0))
          .isInstanceOf(StaleWriteException.class)
          .hasMessageContaining("w1");
    }

    @Test
    void a_post_in_publishing_cannot_be_released() {
      PostRecord publishing =
          store.recordTransition(
              leased.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);

      assertThatThrownBy(() -> store.release(publishing.token(), T0))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining("PUBLISHING");
    }
  }

  @Nested
  class FinishingAnAttempt {
    private PostRecord publishing;

    @BeforeEach
    void startAnAttempt() {
      insert("p", "acct", T0);
      PostRecord leased = claimOne("p", "w1", T0);
      publishing =
          store.recordTransition(
              leased.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);
    }

    @Test
    void the_last_move_is_recorded_and_the_post_released() {
      PostRecord done =
          store.finishAttempt(
              publishing.token(), PostState.PUBLISHED, Reasons.PUBLISHED, T0, T0.plusSeconds(1));

      assertThat(done.state()).isEqualTo(PostState.PUBLISHED);
      assertThat(done.lease()).isNull();
      assertThat(done.version()).isGreaterThan(publishing.version());
      assertThat(done.lastTransition().orElseThrow())
          .isEqualTo(
              new Transition(
                  T0.plusSeconds(1),
                  PostState.PUBLISHING,
                  PostState.PUBLISHED,
                  Reasons.PUBLISHED,
                  1));
      assertThat(current("p")).isEqualTo(done);
      assertThat(store.claimDue(T0.plusSeconds(60), 10, "w2", LEASE)).isEmpty();
      assertThat(store.publishSlots("acct", T0.minusSeconds(1)))
          .containsExactly(Map.entry("p", T0.plusSeconds(1)));
    }

    @Test
    void a_post_finished_into_a_retry_is_claimable_at_its_next_attempt_time_and_not_before() {
      Instant retryAt = T0.plusSeconds(30);
      store.finishAttempt(
          publishing.token(), PostState.RETRY_WAIT, Reasons.of("TRANSIENT", "5xx"), retryAt, T0);

      assertThat(store.claimDue(retryAt.minusNanos(1), 10, "w2", LEASE)).isEmpty();
      // A store that cannot tell its next due time cheaply says nothing (the default).
      store.nextDueAt().ifPresent(next -> assertThat(next).isEqualTo(retryAt));
      assertThat(ids(store.claimDue(retryAt, 10, "w2", LEASE))).containsExactly("p");
      assertThat(store.publishSlots("acct", T0.minusSeconds(1))).isEmpty();
    }

    @Test
    void finishing_in_publishing_or_with_a_foreign_token_is_refused_and_writes_nothing() {
      PostRecord leasedAgain = current("p");

      assertThatThrownBy(
              () -> store.finishAttempt(publishing.token(), PostState.PUBLISHING, "again", T0, T0))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining("PUBLISHING");
      assertThatThrownBy(
              () ->
                  store.finishAttempt(
                      new LeaseToken("p", "w2", publishing.version()),
                      PostState.PUBLISHED,
                      Reasons.PUBLISHED,
                      T0,
                      T0))
          .isInstanceOf(StaleWriteException.class);
      assertThatThrownBy(
              () ->
                  store.finishAttempt(
                      publishing.token(), PostState.CANCELLED, Reasons.CANCELLED, T0, T0))
          .isInstanceOf(IllegalTransitionException.class);
      assertThat(current("p")).isEqualTo(leasedAgain);
    }
  }

  @Nested
  class ManyAccounts {
    @Test
    void claims_over_many_accounts_and_host_edits_take_every_due_post_once_in_due_order() {
      Random random = new Random(42);
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        String id = String.format("p%03d", i);
        insert(id, "acct-" + (i % 37), T0.plusSeconds(random.nextInt(100)));
      }
      // The host moves every tenth post an hour later: it must leave the due order in between.
      for (int i = 0; i < 150; i += 10) {
        String id = String.format("p%03d", i);
        PostRecord r = current(id);
        PostRecord moved =
            r.withPost(post(id, r.accountId(), T0.plus(Duration.ofHours(1))))
                .moved(PostState.SCHEDULED, "rescheduled", T0.plus(Duration.ofHours(1)), T0);
        store.replace(r, moved, T0);
      }
      for (int i = 0; i < 150; i++) {
        if (i % 10 != 0) {
          expected.add(String.format("p%03d", i));
        }
      }

      List<String> claimed = new ArrayList<>();
      for (int round = 0; round < 50; round++) {
        List<PostRecord> batch = store.claimDue(T0.plusSeconds(200), 7, "w", LEASE);
        assertThat(batch).isSortedAccordingTo(PostStoreRules.DUE_ORDER);
        claimed.addAll(ids(batch));
      }

      assertThat(claimed).containsExactlyInAnyOrderElementsOf(expected);
      store.nextDueAt().ifPresent(next -> assertThat(next).isEqualTo(T0.plus(Duration.ofHours(1))));
      List<String> moved = new ArrayList<>();
      for (int i = 0; i < 150; i += 10) {
        moved.add(String.format("p%03d", i));
      }
      // The first claims' leases expired too by then; the moved posts are among the due ones.
      assertThat(ids(store.claimDue(T0.plus(Duration.ofHours(1)), 1_000, "w2", LEASE)))
          .containsAll(moved);
    }
  }

  @Nested
  class ExpiryRecovery {
    @Test
    void a_claimed_post_whose_worker_vanished_is_claimable_by_another_after_the_lease_expires() {
      insert("p", "acct", T0);
      claimOne("p", "dead", T0);

      assertThat(store.claimDue(T0.plus(LEASE).minusNanos(1), 10, "w2", LEASE)).isEmpty();
      List<PostRecord> again = store.claimDue(T0.plus(LEASE), 10, "w2", LEASE);

      assertThat(ids(again)).containsExactly("p");
      assertThat(again.get(0).lease().owner()).isEqualTo("w2");
    }

    @Test
    void
        a_post_stuck_in_publishing_is_found_after_expiry_and_keeps_its_container_for_reconciliation() {
      insert("p", "acct", T0);
      PostRecord r = claimOne("p", "dead", T0);
      r = store.recordTransition(r.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);
      r = store.recordContainer(r.token(), "container-9", T0);

      assertThat(store.findExpiredLeases(T0.plus(LEASE).minusNanos(1), 10)).isEmpty();
      assertThat(store.claimDue(T0.plus(LEASE), 10, "w2", LEASE)).isEmpty();
      List<PostRecord> expired = store.findExpiredLeases(T0.plus(LEASE), 10);
      assertThat(ids(expired)).containsExactly("p");

      PostRecord recovered =
          store
              .claimExpired("p", expired.get(0).version(), "recoverer", T0.plus(LEASE), LEASE)
              .orElseThrow();
      assertThat(recovered.state()).isEqualTo(PostState.PUBLISHING);
      assertThat(recovered.containerId()).isEqualTo("container-9");
      assertThat(recovered.lease().owner()).isEqualTo("recoverer");
      assertThat(store.findExpiredLeases(T0.plus(LEASE), 10)).isEmpty();
    }

    @Test
    void claiming_an_expired_lease_at_an_old_version_or_a_live_lease_fails() {
      insert("p", "acct", T0);
      PostRecord r = claimOne("p", "w1", T0);
      r = store.recordTransition(r.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);

      assertThat(store.claimExpired("p", r.version(), "w2", T0.plusSeconds(1), LEASE)).isEmpty();
      assertThat(store.claimExpired("p", r.version() - 1, "w2", T0.plus(LEASE), LEASE)).isEmpty();
      assertThat(store.claimExpired("p", r.version(), "w2", T0.plus(LEASE), LEASE)).isPresent();
    }

    @Test
    void expired_leases_are_listed_oldest_expiry_first_up_to_the_limit() {
      for (int i = 0; i < 3; i++) {
        insert("p" + i, "acct", T0);
        PostRecord r = claimOne("p" + i, "w", T0.plusSeconds(i));
        store.recordTransition(
            r.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0.plusSeconds(i));
      }

      assertThat(ids(store.findExpiredLeases(T0.plus(Duration.ofHours(1)), 2)))
          .containsExactly("p0", "p1");
    }
  }

  @Nested
  class Versioning {
    @Test
    void every_write_increases_the_version_by_exactly_one() {
      insert("p", "acct", T0);
      PostRecord r = claimOne("p", "w", T0);
      assertThat(r.version()).isEqualTo(2);
      r = store.renew(r.token(), T0, LEASE);
      assertThat(r.version()).isEqualTo(3);
      r = store.recordTransition(r.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);
      assertThat(r.version()).isEqualTo(4);
      r = store.recordContainer(r.token(), "c", T0);
      assertThat(r.version()).isEqualTo(5);
      r = store.recordTransition(r.token(), PostState.PUBLISHED, Reasons.PUBLISHED, T0, T0);
      assertThat(r.version()).isEqualTo(6);
      r = store.release(r.token(), T0);
      assertThat(r.version()).isEqualTo(7);
      assertThat(current("p").version()).isEqualTo(7);
    }

    @Test
    void a_host_change_based_on_an_old_version_is_refused() {
      PostRecord first = insert("p", "acct", T0);
      PostRecord moved =
          store.replace(first, first.withPost(first.post().withPublishAt(T0.plusSeconds(60))), T0);

      assertThatThrownBy(
              () ->
                  store.replace(
                      first, first.moved(PostState.CANCELLED, Reasons.CANCELLED, T0, T0), T0))
          .isInstanceOf(StaleWriteException.class)
          .hasMessageContaining("version");
      assertThat(current("p")).isEqualTo(moved);
      assertThat(moved.version()).isEqualTo(2);
    }

    @Test
    void a_host_change_after_a_lease_expired_drops_the_stale_lease() {
      insert("p", "acct", T0);
      claimOne("p", "dead", T0);
      Instant later = T0.plus(LEASE);
      PostRecord stale = current("p");

      PostRecord edited =
          store.replace(
              stale, stale.moved(PostState.SCHEDULED, Reasons.EDITED, later, later), later);

      assertThat(edited.lease()).isNull();
      assertThat(store.findExpiredLeases(later, 10)).isEmpty();
      assertThat(ids(store.claimDue(later, 10, "w2", LEASE))).containsExactly("p");
    }

    @Test
    void a_host_change_moving_the_publish_time_moves_the_post_in_the_due_order() {
      PostRecord a = insert("a", "acct", T0);
      insert("b", "acct", T0.plusSeconds(10));
      PostRecord later = a.withPost(a.post().withPublishAt(T0.plusSeconds(20)));
      store.replace(
          a, later.moved(PostState.SCHEDULED, Reasons.RESCHEDULED, T0.plusSeconds(20), T0), T0);

      assertThat(ids(store.claimDue(T0.plusSeconds(15), 10, "w", LEASE))).containsExactly("b");
      assertThat(ids(store.claimDue(T0.plusSeconds(20), 10, "w", LEASE))).containsExactly("a");
    }
  }

  @Nested
  class Transitions {
    @Test
    void a_transition_is_recorded_with_time_states_reason_and_attempt() {
      insert("p", "acct", T0);
      PostRecord r = claimOne("p", "w", T0);

      r =
          store.recordTransition(
              r.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0.plusSeconds(1));

      assertThat(r.state()).isEqualTo(PostState.PUBLISHING);
      assertThat(r.attempt()).isEqualTo(1);
      assertThat(current("p").history())
          .containsExactly(
              new Transition(
                  T0.plusSeconds(1),
                  PostState.SCHEDULED,
                  PostState.PUBLISHING,
                  Reasons.ATTEMPT_STARTED,
                  1));
    }

    @Test
    void an_illegal_transition_is_refused_and_changes_nothing() {
      insert("p", "acct", T0);
      PostRecord r = claimOne("p", "w", T0);
      PostRecord publishing =
          store.recordTransition(r.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);

      assertThatThrownBy(
              () -> store.recordTransition(publishing.token(), PostState.CANCELLED, "no", T0, T0))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining("PUBLISHING → CANCELLED");
      assertThat(current("p")).isEqualTo(publishing);
    }

    @Test
    void a_quota_deferral_keeps_the_post_scheduled_moves_its_due_time_and_records_why() {
      insert("p", "acct", T0);
      PostRecord r = claimOne("p", "w", T0);
      Instant until = T0.plus(Duration.ofHours(3));

      r =
          store.recordTransition(
              r.token(),
              PostState.SCHEDULED,
              Reasons.of(Reasons.QUOTA_DEFERRED, "50 of 50"),
              until,
              T0);
      store.release(r.token(), T0);

      PostRecord stored = current("p");
      assertThat(stored.state()).isEqualTo(PostState.SCHEDULED);
      assertThat(stored.nextAttemptAt()).isEqualTo(until);
      assertThat(stored.lastTransition().orElseThrow().reasonCode())
          .isEqualTo(Reasons.QUOTA_DEFERRED);
      assertThat(store.claimDue(until.minusNanos(1), 10, "w", LEASE)).isEmpty();
      assertThat(ids(store.claimDue(until, 10, "w", LEASE))).containsExactly("p");
    }

    @Test
    void a_post_waiting_for_a_retry_is_due_at_its_next_attempt_time() {
      insert("p", "acct", T0);
      PostRecord r = claimOne("p", "w", T0);
      r = store.recordTransition(r.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);
      Instant retryAt = T0.plusSeconds(90);
      r =
          store.recordTransition(
              r.token(), PostState.RETRY_WAIT, "TRANSIENT: 2207001", retryAt, T0);
      store.release(r.token(), T0);

      assertThat(store.claimDue(retryAt.minusMillis(1), 10, "w", LEASE)).isEmpty();
      PostRecord again = claimOne("p", "w", retryAt);
      assertThat(again.state()).isEqualTo(PostState.RETRY_WAIT);
      assertThat(again.attempt()).isEqualTo(1);
    }

    @Test
    void final_and_waiting_for_reauth_posts_are_never_claimed() {
      for (PostState end : List.of(PostState.PUBLISHED, PostState.FAILED, PostState.NEEDS_REAUTH)) {
        String id = "p-" + end;
        insert(id, "acct", T0);
        PostRecord r = claimOne(id, "w", T0);
        r =
            store.recordTransition(
                r.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);
        r = store.recordTransition(r.token(), end, end.name(), T0, T0);
        store.release(r.token(), T0);
      }

      assertThat(store.claimDue(T0.plus(Duration.ofDays(1)), 10, "w", LEASE)).isEmpty();
    }

    @Test
    void the_container_id_is_stored_before_publishing_and_survives_later_writes() {
      insert("p", "acct", T0);
      PostRecord r = claimOne("p", "w", T0);
      r = store.recordTransition(r.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);
      r = store.recordContainer(r.token(), "container-1", T0);
      assertThat(current("p").containerId()).isEqualTo("container-1");

      r = store.recordTransition(r.token(), PostState.PUBLISHED, Reasons.PUBLISHED, T0, T0);

      assertThat(r.containerId()).isEqualTo("container-1");
      assertThat(current("p").history())
          .extracting(Transition::to)
          .containsExactly(PostState.PUBLISHING, PostState.PUBLISHED);
    }

    @Test
    void a_host_change_of_state_must_record_the_move() {
      PostRecord r = insert("p", "acct", T0);
      PostRecord unrecorded =
          new PostRecord(r.post(), PostState.CANCELLED, r.version(), 0, T0, null, null, List.of());

      assertThatThrownBy(() -> store.replace(r, unrecorded, T0))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageContaining("SCHEDULED → CANCELLED");
    }
  }

  @Nested
  class BadInput {
    @Test
    void missing_or_invalid_arguments_are_rejected_naming_the_field() {
      assertThatThrownBy(() -> store.insert(null, T0))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageStartingWith("post");
      assertThatThrownBy(() -> store.claimDue(null, 1, "w", LEASE))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageStartingWith("now");
      assertThatThrownBy(() -> store.claimDue(T0, 1, " ", LEASE))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageStartingWith("owner");
      assertThatThrownBy(() -> store.claimDue(T0, 1, "w", Duration.ZERO))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageStartingWith("leaseDuration");
      assertThatThrownBy(() -> store.claimDue(T0, -1, "w", LEASE))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageStartingWith("limit");
    }

    @Test
    void a_blank_container_id_is_rejected_and_not_stored() {
      insert("p", "acct", T0);
      PostRecord r = claimOne("p", "w", T0);

      assertThatThrownBy(() -> store.recordContainer(r.token(), " ", T0))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageStartingWith("containerId");
      assertThat(current("p")).isEqualTo(r);
    }
  }

  /** The queries the runtime's health check and shared quota read (POST-3, POST-8). */
  @Nested
  class HealthAndQuotaQueries {
    @Test
    void the_oldest_due_post_is_the_earliest_unclaimed_one_due_by_now() {
      assertThat(store.oldestDue(T0)).isEmpty();
      insert("late", "a", T0.minusSeconds(90));
      insert("due", "b", T0.minusSeconds(30));
      insert("future", "a", T0.plusSeconds(60));

      assertThat(store.oldestDue(T0)).contains(T0.minusSeconds(90));
      assertThat(store.oldestDue(T0.minusSeconds(100))).isEmpty();
    }

    @Test
    void a_claimed_or_publishing_post_is_not_waiting_but_an_abandoned_claim_is_from_its_expiry() {
      insert("p", "a", T0.minusSeconds(90));
      insert("q", "b", T0.minusSeconds(30));
      PostRecord p = claimOne("p", "w1", T0.minusSeconds(60)); // lease until T0
      PostRecord q = claimOne("q", "w1", T0.minusSeconds(10));
      store.recordTransition(q.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);

      assertThat(store.oldestDue(T0.minusNanos(1))).isEmpty();
      // p's worker vanished: it waits again from its lease's expiry, not from its publish time.
      assertThat(store.oldestDue(T0.plusSeconds(5))).contains(p.lease().expiresAt());
    }

    @Test
    void publish_slots_are_the_accounts_publishing_and_recently_published_posts() {
      // Each published post is the only one due when it is claimed.
      insert("old", "a", T0.minus(Duration.ofHours(25)));
      insert("other", "b", T0.minusSeconds(61));
      insert("pub", "a", T0.minusSeconds(60));
      insert("busy", "a", T0);
      insert("waiting", "a", T0.plusSeconds(30));
      publish("old", T0.minus(Duration.ofHours(25)));
      publish("other", T0.minusSeconds(61));
      publish("pub", T0.minusSeconds(60));
      PostRecord busy = claimOne("busy", "w1", T0);
      store.recordTransition(
          busy.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0.plusSeconds(1));

      Map<String, Instant> slots = store.publishSlots("a", T0.minus(Duration.ofHours(24)));

      assertThat(slots)
          .containsOnly(
              Map.entry("pub", T0.minusSeconds(60)), Map.entry("busy", T0.plusSeconds(1)));
      assertThat(store.publishSlots("nobody", T0.minus(Duration.ofHours(24)))).isEmpty();
    }

    @Test
    void a_post_that_leaves_publishing_without_publishing_gives_its_slot_back() {
      insert("p", "a", T0);
      PostRecord r = claimOne("p", "w1", T0);
      r = store.recordTransition(r.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);
      assertThat(store.publishSlots("a", T0.minusSeconds(1))).containsOnlyKeys("p");

      store.recordTransition(
          r.token(), PostState.RETRY_WAIT, Reasons.of("TRANSIENT", "x"), T0.plusSeconds(30), T0);

      assertThat(store.publishSlots("a", T0.minusSeconds(1))).isEmpty();
    }

    private void publish(String id, Instant at) {
      PostRecord r = claimOne(id, "w0", at);
      r = store.recordTransition(r.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, at, at);
      r = store.recordTransition(r.token(), PostState.PUBLISHED, Reasons.PUBLISHED, at, at);
      store.release(r.token(), at);
    }
  }
}
