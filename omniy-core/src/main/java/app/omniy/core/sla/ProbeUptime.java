package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Downtime and unknown time from external probe results (SLA-5).
 *
 * <p>A failed probe marks the target down from its time until the next successful probe. Where no
 * probe ran for longer than two nominal intervals nothing is known: the state of the probe before
 * the gap holds for one interval, and the rest of the gap is unknown. So is the start of the range
 * when the first probe comes more than two intervals after it, and the end when the last probe was
 * more than two intervals before it. Unknown time is not downtime for credits; the report shows it
 * and flags the month incomplete when it exceeds the error budget.
 */
public final class ProbeUptime {
  private ProbeUptime() {}

  /**
   * Evaluates {@code results} (in any order; probes outside {@code range} may be given and are used
   * for the state at its edges) over {@code range}.
   *
   * @param interval the probes' nominal interval, at least a second
   * @param target what the probes check; their downtime is recorded against it
   */
  public static Outcome evaluate(
      Collection<ProbeResult> results, Duration interval, TimeRange range, SlaTarget target) {
    Require.nonNull(results, "results");
    if (interval == null || interval.getSeconds() < 1) {
      throw new InvalidValueException("interval", interval, "must be at least a second");
    }
    Require.nonNull(range, "range");
    Require.nonNull(target, "target");
    List<ProbeResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing(ProbeResult::at));
    long step = interval.getSeconds();
    long rangeStart = range.start().getEpochSecond();
    long rangeEnd = range.end().getEpochSecond();
    Intervals down = new Intervals(sorted.size());
    Intervals unknown = new Intervals(4);

    long from = sorted.isEmpty() ? rangeStart : Math.min(rangeStart, at(sorted.get(0)));
    Boolean state = null; // no probe yet
    for (int i = 0; i <= sorted.size(); i++) {
      long to = i < sorted.size() ? at(sorted.get(i)) : Math.max(rangeEnd, from);
      if (to > from) {
        long known;
        if (to - from <= 2 * step) {
          known = to; // no gap: the last probe's state holds (before any probe: up)
        } else {
          known = state == null ? from : from + step;
        }
        if (Boolean.FALSE.equals(state)) {
          add(down, from, known, rangeStart, rangeEnd);
        }
        add(unknown, known, to, rangeStart, rangeEnd);
      }
      if (i < sorted.size()) {
        state = sorted.get(i).up();
        from = to;
      }
    }
    List<DowntimePeriod> periods = new ArrayList<>();
    long[] bounds = down.toArray();
    for (int i = 0; i < bounds.length; i += 2) {
      periods.add(
          new DowntimePeriod(
              Instant.ofEpochSecond(bounds[i]),
              Instant.ofEpochSecond(bounds[i + 1]),
              DowntimeCause.PROBE,
              target,
              "failed probes"));
    }
    List<TimeRange> gaps = new ArrayList<>();
    long[] unknownBounds = unknown.toArray();
    for (int i = 0; i < unknownBounds.length; i += 2) {
      gaps.add(
          new TimeRange(
              Instant.ofEpochSecond(unknownBounds[i]),
              Instant.ofEpochSecond(unknownBounds[i + 1])));
    }
    return new Outcome(List.copyOf(periods), List.copyOf(gaps));
  }

  private static long at(ProbeResult result) {
    return result.at().getEpochSecond();
  }

  private static void add(Intervals into, long start, long end, long rangeStart, long rangeEnd) {
    long from = Math.max(start, rangeStart);
    long to = Math.min(end, rangeEnd);
    if (to > from) {
      into.addMerging(from, to);
    }
  }

  /**
   * What the probes say about a range.
   *
   * @param downtime merged downtime periods, cause {@code probe}
   * @param unknown merged spans with no probe data
   */
  public record Outcome(List<DowntimePeriod> downtime, List<TimeRange> unknown) {

    /** Seconds of unknown time. */
    public long unknownSeconds() {
      return unknown.stream().mapToLong(TimeRange::seconds).sum();
    }

    /**
     * Whether the unknown time exceeds the error budget of {@code availability}, making the month's
     * figure incomplete (SLA-5).
     */
    public boolean incomplete(Availability availability) {
      return BigDecimal.valueOf(unknownSeconds()).compareTo(availability.errorBudgetSeconds()) > 0;
    }
  }
}
