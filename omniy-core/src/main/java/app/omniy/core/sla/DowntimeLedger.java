package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The downtime and excluded periods of a service, and the downtime they add up to (SLA-2): periods
 * are half-open; overlapping downtime counts once; where an excluded period (planned maintenance, a
 * DDoS attack) overlaps downtime, the overlap is not downtime, and excluded time is otherwise
 * neither down nor removed from the month; a period across a month boundary in the configured zone
 * counts in each month for its part there; a {@code system} period counts against the core API too.
 *
 * <p>Immutable and cheap: measuring a target over a range sorts the periods' bounds as primitive
 * {@code long}s and sweeps them once, allocation-light enough for a monthly run over a hundred
 * thousand customers. Seconds are {@code long}s; nothing here is a {@code double}.
 */
public final class DowntimeLedger {
  private static final Comparator<DowntimePeriod> BY_START =
      (a, b) -> {
        int byStart = a.start().compareTo(b.start());
        return byStart != 0 ? byStart : a.end().compareTo(b.end());
      };

  private final List<DowntimePeriod> periods;

  private DowntimeLedger(List<DowntimePeriod> periods) {
    this.periods = periods;
  }

  /**
   * A ledger of {@code periods}, in any order.
   *
   * @throws InvalidValueException if the collection or one of its periods is missing
   */
  public static DowntimeLedger of(Collection<DowntimePeriod> periods) {
    Require.nonNull(periods, "periods");
    int i = 0;
    for (DowntimePeriod period : periods) {
      if (period == null) {
        throw new InvalidValueException("periods[" + i + "]", null, "is required");
      }
      i++;
    }
    // Kept as given: measuring sorts primitive bounds, which is far cheaper than sorting periods.
    return new DowntimeLedger(List.copyOf(periods));
  }

  /** An empty ledger. */
  public static DowntimeLedger empty() {
    return new DowntimeLedger(List.of());
  }

  /** Every period, by start, then end. */
  public List<DowntimePeriod> periods() {
    List<DowntimePeriod> sorted = new ArrayList<>(periods);
    sorted.sort(BY_START);
    return List.copyOf(sorted);
  }

  /**
   * The periods that overlap {@code month}, cut at its boundaries: a period from 23:00 on the last
   * day to 01:00 on the first day of the next month (in the month's zone) appears in each month
   * with the hour that falls there.
   */
  public List<DowntimePeriod> periodsIn(SlaMonth month) {
    TimeRange range = month.range();
    List<DowntimePeriod> inside = new ArrayList<>();
    for (DowntimePeriod period : periods()) {
      DowntimePeriod clipped = period.clippedTo(range);
      if (clipped != null) {
        inside.add(clipped);
      }
    }
    return List.copyOf(inside);
  }

  /** The months in {@code zone} that any period touches, in order. */
  public List<SlaMonth> months(ZoneId zone) {
    List<SlaMonth> months = new ArrayList<>();
    for (DowntimePeriod period : periods) {
      SlaMonth month = SlaMonth.containing(period.start(), zone);
      while (month.start().isBefore(period.end())) {
        if (!months.contains(month)) {
          months.add(month);
        }
        month = month.next();
      }
    }
    months.sort(Comparator.comparing(SlaMonth::month));
    return List.copyOf(months);
  }

  /** The downtime of {@code target} inside {@code range}: merged, net of exclusions. */
  public List<TimeRange> downtime(SlaTarget target, TimeRange range) {
    Bounds bounds = bounds(target, range);
    long[] down = bounds.down().minus(bounds.excluded());
    List<TimeRange> ranges = new ArrayList<>(down.length / 2);
    for (int i = 0; i < down.length; i += 2) {
      ranges.add(new TimeRange(Instant.ofEpochSecond(down[i]), Instant.ofEpochSecond(down[i + 1])));
    }
    return List.copyOf(ranges);
  }

  /** Seconds of downtime of {@code target} inside {@code range}. */
  public long downtimeSeconds(SlaTarget target, TimeRange range) {
    Bounds bounds = bounds(target, range);
    if (bounds.exclusions == 0) {
      return Intervals.unionSeconds(bounds.starts, bounds.ends, 0, bounds.downs);
    }
    return bounds.down().secondsMinus(bounds.excluded());
  }

  /** The availability of {@code target} in {@code month} against its objective (SLA-1). */
  public Availability availability(SlaTarget target, SlaMonth month) {
    return Availability.of(target, month.seconds(), downtimeSeconds(target, month.range()));
  }

  /**
   * How fast {@code target} spent its error budget over {@code window}: downtime share of the
   * window divided by the share the objective allows. 1 spends exactly the budget; the SRE workbook
   * pages at 14.4 over an hour.
   */
  public ExactRatio burnRate(SlaTarget target, TimeRange window) {
    return Availability.budgetShare(
        downtimeSeconds(target, window), window.seconds(), target.objectivePercent());
  }

  /**
   * The bounds of {@code target}'s periods clipped to {@code range}: downtime from the front of the
   * arrays, exclusions from the back, so one pair of arrays serves both.
   */
  private Bounds bounds(SlaTarget target, TimeRange range) {
    Require.nonNull(target, "target");
    Require.nonNull(range, "range");
    long from = range.start().getEpochSecond();
    long to = range.end().getEpochSecond();
    int n = periods.size();
    long[] starts = new long[n];
    long[] ends = new long[n];
    int downs = 0;
    int exclusions = 0;
    for (DowntimePeriod period : periods) {
      if (!target.isAffectedBy(period.target())) {
        continue;
      }
      long start = Math.max(period.start().getEpochSecond(), from);
      long end = Math.min(period.end().getEpochSecond(), to);
      if (end <= start) {
        continue;
      }
      int at = period.cause().excluded() ? n - ++exclusions : downs++;
      starts[at] = start;
      ends[at] = end;
    }
    return new Bounds(starts, ends, downs, exclusions);
  }

  private record Bounds(long[] starts, long[] ends, int downs, int exclusions) {
    Intervals down() {
      return Intervals.union(starts, ends, 0, downs);
    }

    Intervals excluded() {
      return Intervals.union(starts, ends, starts.length - exclusions, starts.length);
    }
  }
}
