package app.omniy.core.quota;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The publishing limit checked when a post is scheduled (POST-3): whether the rolling windows
 * around its publish time still have a free slot, and if not, the next instant that has one. The
 * dispatcher enforces the limit anyway (it defers, and a post deferred past its window fails as
 * {@code MISSED_WINDOW}); this check tells the host in time, so an account's over-full day does not
 * turn into failures counted against the service.
 *
 * <p>Decision: one more post at {@code t} fits when every rolling window that contains {@code t},
 * the windows {@code (s − window, s]} for {@code s} in {@code [t, t + window)}, holds fewer than
 * the limit of the account's other posts: the published and publishing ones at the instant they
 * took their slot, the waiting ones (SCHEDULED, RETRY_WAIT) at their next attempt time. So a post
 * that would push a later, already scheduled post over the limit does not fit either. Posts in
 * NEEDS_REAUTH, FAILED or CANCELLED take no slot. The next free slot is the earliest instant at or
 * after {@code t} where the post fits, searched up to {@link #searchSpan} ahead; it is {@code t}
 * itself or the instant an earlier post's slot frees ({@code its instant + window}).
 *
 * @param mode what scheduling does when the post does not fit (default {@link
 *     ScheduleQuotaMode#WARN})
 * @param policy the window and the publishing limit used when the account's live one is unknown
 * @param searchSpan how far after the requested time the next free slot is searched (default 7
 *     days, at most 366 days)
 */
public record SchedulingQuota(ScheduleQuotaMode mode, QuotaPolicy policy, Duration searchSpan) {
  /** Warn, with the catalogue's limits, searching a week ahead for the next free slot. */
  public static final SchedulingQuota DEFAULTS =
      new SchedulingQuota(ScheduleQuotaMode.WARN, QuotaPolicy.DEFAULTS, Duration.ofDays(7));

  /**
   * @throws InvalidValueException if a component is missing, or the span is not positive or longer
   *     than {@link Require#MAX_DURATION}
   */
  public SchedulingQuota {
    Require.nonNull(mode, "mode");
    Require.nonNull(policy, "policy");
    Require.positive(searchSpan, "searchSpan");
    Require.atMost(searchSpan, Require.MAX_DURATION, "searchSpan");
  }

  /** This configuration with {@code value} as the mode. */
  public SchedulingQuota withMode(ScheduleQuotaMode value) {
    return new SchedulingQuota(value, policy, searchSpan);
  }

  /** The rolling window. */
  public Duration window() {
    return policy.window();
  }

  /**
   * Whether one more post fits at {@code at} with {@code limit} posts per window, given the
   * instants of the account's other posts ({@code taken}; instants far from {@code at} are
   * ignored), and if not, the next free slot before {@code searchEnd}. {@code taken} must hold
   * every other post in {@code (at − window, searchEnd + window)} for the answer to be exact.
   *
   * @throws InvalidValueException if an argument is missing or the limit is not positive
   */
  public QuotaForecast forecast(
      Collection<Instant> taken, int limit, Instant at, Instant searchEnd) {
    Require.nonNull(taken, "taken");
    Require.atLeast(limit, 1, "limit");
    Require.nonNull(at, "at");
    Require.nonNull(searchEnd, "searchEnd");
    Instant[] sorted = taken.toArray(new Instant[0]);
    for (int i = 0; i < sorted.length; i++) {
      Require.nonNull(sorted[i], "taken[" + i + "]");
    }
    Arrays.sort(sorted);
    Duration window = policy.window();
    int busiest = busiest(sorted, at, window);
    if (busiest < limit) {
      return new QuotaForecast(at, limit, window, busiest, at);
    }
    for (Instant candidate : candidates(sorted, at, searchEnd, window)) {
      if (busiest(sorted, candidate, window) < limit) {
        return new QuotaForecast(at, limit, window, busiest, candidate);
      }
    }
    return new QuotaForecast(at, limit, window, busiest, null);
  }

  /** The instants after {@code at} and before {@code end} where a slot frees, ascending. */
  private static List<Instant> candidates(
      Instant[] sorted, Instant at, Instant end, Duration window) {
    List<Instant> found = new ArrayList<>();
    Instant last = null;
    for (Instant t : sorted) {
      Instant freed = t.plus(window);
      if (freed.isAfter(at) && freed.isBefore(end) && !freed.equals(last)) {
        found.add(freed);
        last = freed;
      }
    }
    return found;
  }

  /**
   * The most posts of {@code sorted} in one window {@code (s − window, s]} with {@code s} in {@code
   * [t, t + window)}: at {@code s = t}, or at one of the posts after {@code t}.
   */
  private static int busiest(Instant[] sorted, Instant t, Duration window) {
    int most = inWindowEndingAt(sorted, t, window);
    Instant end = t.plus(window);
    for (int i = firstAfter(sorted, t); i < sorted.length && sorted[i].isBefore(end); i++) {
      most = Math.max(most, inWindowEndingAt(sorted, sorted[i], window));
    }
    return most;
  }

  /** How many of {@code sorted} lie in {@code (s − window, s]}. */
  private static int inWindowEndingAt(Instant[] sorted, Instant s, Duration window) {
    return firstAfter(sorted, s) - firstAfter(sorted, s.minus(window));
  }

  /** The index of the first instant of {@code sorted} after {@code t}. */
  private static int firstAfter(Instant[] sorted, Instant t) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid].isAfter(t)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
