package app.omniy.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Posts;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.StaleWriteException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store's dispatch hot path: the next due time a dispatcher sleeps until,
 * lease-holder writes without the index lock, and releases that keep the due index right.
 */
class InMemoryPostStoreHotPathTest {
  private static final Instant T0 = Posts.NOW;
  private static final Duration LEASE = Duration.ofSeconds(60);

  private final InMemoryPostStore store = new InMemoryPostStore();

  private PostRecord insert(String id, Instant at) {
    return store.insert(Posts.image().id(id).publishAt(at).build(), T0);
  }

  @Test
  void next_due_time_is_the_earliest_unleased_due_post_and_empty_when_none_waits() {
    assertThat(store.nextDueAt()).isEmpty();
    insert("late", T0.plusSeconds(30));
    insert("early", T0.plusSeconds(10));

    assertThat(store.nextDueAt()).contains(T0.plusSeconds(10));

    store.claimDue(T0.plusSeconds(10), 1, "w", LEASE);
    assertThat(store.nextDueAt()).contains(T0.plusSeconds(30));
    store.claimDue(T0.plusSeconds(30), 1, "w", LEASE);
    assertThat(store.nextDueAt()).isEmpty();
  }

  @Test
  void a_post_released_still_due_is_due_again_and_a_published_one_leaves_the_index() {
    insert("retry", T0);
    insert("done", T0);
    List<PostRecord> claimed = store.claimDue(T0, 2, "w", LEASE);
    PostRecord done = claimed.get(0);
    PostRecord retry = claimed.get(1);

    PostRecord started =
        store.recordTransition(done.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);
    PostRecord published =
        store.recordTransition(started.token(), PostState.PUBLISHED, Reasons.PUBLISHED, T0, T0);
    PostRecord releasedDone = store.release(published.token(), T0);
    PostRecord releasedRetry = store.release(retry.token(), T0);

    assertThat(releasedDone.lease()).isNull();
    assertThat(releasedDone.version()).isEqualTo(done.version() + 3);
    assertThat(releasedRetry.lease()).isNull();
    assertThat(store.nextDueAt()).contains(T0);
    assertThat(store.claimDue(T0, 10, "w2", LEASE))
        .extracting(PostRecord::id)
        .containsExactly("retry");
    assertThat(store.findExpiredLeases(T0.plus(LEASE).plusSeconds(1), 10))
        .extracting(PostRecord::id)
        .containsExactly("retry");
  }

  @Test
  void a_write_with_a_token_that_lost_the_race_is_refused_and_changes_nothing() {
    insert("p", T0);
    PostRecord claimed = store.claimDue(T0, 1, "w", LEASE).get(0);
    PostRecord renewed = store.renew(claimed.token(), T0.plusSeconds(1), LEASE);

    assertThatThrownBy(() -> store.recordContainer(claimed.token(), "c1", T0.plusSeconds(2)))
        .isInstanceOf(StaleWriteException.class);
    assertThat(store.find("p")).contains(renewed);
  }

  @Test
  void one_write_records_the_move_and_the_next_version_in_a_single_record() {
    insert("p", T0);
    PostRecord claimed = store.claimDue(T0, 1, "w", LEASE).get(0);

    PostRecord moved =
        store.recordTransition(
            claimed.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, T0, T0);

    assertThat(moved.version()).isEqualTo(claimed.version() + 1);
    assertThat(moved.attempt()).isEqualTo(1);
    assertThat(moved.history())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.from()).isEqualTo(PostState.SCHEDULED);
              assertThat(t.to()).isEqualTo(PostState.PUBLISHING);
            });
    assertThat(moved.lease()).isEqualTo(claimed.lease());
  }
}
