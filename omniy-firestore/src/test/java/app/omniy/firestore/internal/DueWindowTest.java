package app.omniy.firestore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.post.Lease;
import app.omniy.core.post.PostRecord;
import app.omniy.firestore.internal.DueWindow.Candidate;
import app.omniy.testkit.SamplePosts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the window of due posts answers a claim, and when the store must read anew. */
class DueWindowTest {
  private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
  private static final long SECOND = 1_000_000_000L;
  private static final long T0_NS = PostCodec.nanos(T0, "T0");

  private final DueWindow<String> window = new DueWindow<>(SECOND);

  /** Posts p0, p1, … due one millisecond apart from T0, one account. */
  private static List<Candidate<String>> due(int count) {
    List<Candidate<String>> due = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant at = T0.plusMillis(i);
      PostRecord r = PostRecord.scheduled(SamplePosts.image("p" + i, "acct", at));
      due.add(new Candidate<>(r, "read-" + i, PostCodec.nanos(at, "at")));
    }
    return due;
  }

  private static List<String> ids(List<Candidate<String>> taken) {
    return taken.stream().map(c -> c.record().id()).toList();
  }

  private List<Candidate<String>> take(Instant now, int limit) {
    return window.take(now, PostCodec.nanos(now, "now"), limit, false, false);
  }

  @Test
  void claims_take_the_earliest_posts_in_turn_and_a_complete_window_answers_when_none_is_left() {
    window.fill(due(5), T0_NS + SECOND / 10, T0_NS + SECOND);
    Instant now = T0.plusMillis(100);

    assertThat(ids(take(now, 2))).containsExactly("p0", "p1");
    assertThat(ids(take(now, 2))).containsExactly("p2", "p3");
    assertThat(ids(take(now, 2))).containsExactly("p4");
    assertThat(take(now, 2)).as("nothing more due up to the horizon: no read needed").isEmpty();
  }

  @Test
  void a_post_not_yet_due_or_leased_is_held_back_until_it_is_claimable() {
    List<Candidate<String>> due = due(3);
    Candidate<String> leased = due.get(0);
    due.set(
        0,
        new Candidate<>(
            leased.record().withLease(new Lease("w", T0.plusMillis(500))),
            leased.read(),
            leased.dueNs()));
    window.fill(due, T0_NS, T0_NS + SECOND);

    assertThat(ids(take(T0.plusMillis(1), 10))).containsExactly("p1");
    assertThat(ids(take(T0.plusMillis(500), 10))).containsExactly("p0", "p2");
  }

  @Test
  void a_window_cut_short_by_a_full_shard_asks_for_a_read_once_it_runs_short() {
    // A shard came back full at p2: p3 and p4 (other shards) could be behind unread posts.
    window.fill(due(5), T0_NS + SECOND / 10, T0_NS + 2_000_000);

    Instant now = T0.plusMillis(100);
    assertThat(ids(take(now, 2))).containsExactly("p0", "p1");
    assertThat(take(now, 2)).as("one left, more may be due: read").isNull();
    assertThat(ids(window.take(now, PostCodec.nanos(now, "now"), 2, false, true)))
        .as("right after a read, fewer will do")
        .containsExactly("p2");
  }

  @Test
  void a_window_answers_only_from_its_read_until_it_is_older_than_its_age() {
    window.fill(due(5), T0_NS, T0_NS + SECOND);

    assertThat(take(T0.minusNanos(1), 1)).as("before the read").isNull();
    assertThat(take(T0.plusSeconds(1).plusNanos(1), 1)).as("too old").isNull();
    assertThat(ids(take(T0.plusSeconds(1), 1))).containsExactly("p0");
  }

  @Test
  void a_post_this_store_made_due_within_the_window_makes_it_read_anew() {
    window.fill(due(5), T0_NS, T0_NS + SECOND);
    window.forgetIfDueBy(T0_NS + 2 * SECOND);
    window.forgetIfDueBy(null);
    assertThat(take(T0, 1)).as("due after the horizon, or not due: kept").isNotNull();

    window.forgetIfDueBy(T0_NS + SECOND);
    assertThat(take(T0, 1)).isNull();
  }

  @Test
  void a_window_mostly_lost_to_other_workers_is_read_anew() {
    window.fill(due(20), T0_NS, T0_NS + SECOND);
    window.claimed(1, 3);
    assertThat(take(T0, 1)).as("a few losses are tolerated").isNotNull();

    window.claimed(0, 1);
    assertThat(take(T0, 1)).as("4 lost, 1 won: stale").isNull();
  }

  @Test
  void a_spread_pick_takes_the_limit_out_of_the_window_in_due_order() {
    window.fill(due(200), T0_NS + SECOND / 2, T0_NS + SECOND);
    Instant now = T0.plusMillis(500);

    List<Candidate<String>> spread = window.take(now, PostCodec.nanos(now, "now"), 5, true, false);

    assertThat(spread).hasSize(5);
    assertThat(spread)
        .extracting(c -> c.record().nextAttemptAt())
        .isSortedAccordingTo(Instant::compareTo);
    assertThat(take(now, 195)).as("the rest").hasSize(195).doesNotContainAnyElementsOf(spread);
  }

  @Test
  void the_age_is_the_configured_one() {
    DueWindow<String> aMinute = new DueWindow<>(Duration.ofMinutes(1).toNanos());
    aMinute.fill(due(1), T0_NS, T0_NS + SECOND);

    assertThat(aMinute.take(T0.plusSeconds(59), T0_NS + 59 * SECOND, 1, false, false)).hasSize(1);
  }
}
