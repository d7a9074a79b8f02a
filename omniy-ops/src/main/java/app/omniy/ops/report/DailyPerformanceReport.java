package app.omniy.ops.report;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The 06:00 performance report (MNT-1): one day's latency percentiles and their trend against the
 * days before it, its errors, and the posts published and failed.
 *
 * @param zone the zone the days are counted in (JST for the guide)
 * @param day the day reported on
 * @param previous up to {@link #TREND_DAYS} earlier days, newest first, for the trend
 */
public record DailyPerformanceReport(ZoneId zone, DailyFigures day, List<DailyFigures> previous) {
  /** How many earlier days the trend compares with. */
  public static final int TREND_DAYS = 7;

  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  /**
   * @throws InvalidValueException if a value is missing, or an earlier day is not before {@code
   *     day}
   */
  public DailyPerformanceReport {
    Require.nonNull(zone, "zone");
    Require.nonNull(day, "day");
    if (previous == null) {
      throw new InvalidValueException("previous", null, "is required (use an empty list)");
    }
    for (DailyFigures p : previous) {
      if (!p.date().isBefore(day.date())) {
        throw new InvalidValueException("previous", p.date(), "must be before " + day.date());
      }
    }
    previous = List.copyOf(previous);
  }

  /**
   * The report on {@code date} from {@code history}, which must hold that day; the trend uses the
   * figures of up to {@link #TREND_DAYS} days before it that {@code history} holds.
   *
   * @throws InvalidValueException naming {@code date} if {@code history} has no figures for it
   */
  public static DailyPerformanceReport of(
      LocalDate date, ZoneId zone, Collection<DailyFigures> history) {
    Require.nonNull(date, "date");
    Require.nonNull(history, "history");
    DailyFigures day =
        history.stream()
            .filter(f -> f.date().equals(date))
            .findFirst()
            .orElseThrow(() -> new InvalidValueException("date", date, "has no figures"));
    LocalDate from = date.minusDays(TREND_DAYS);
    List<DailyFigures> earlier =
        history.stream()
            .filter(f -> f.date().isBefore(date) && !f.date().isBefore(from))
            .sorted(Comparator.comparing(DailyFigures::date).reversed())
            .toList();
    return new DailyPerformanceReport(zone, day, earlier);
  }

  /** The report on yesterday in {@code zone}, as the 06:00 job runs it: the clock read once. */
  public static DailyPerformanceReport yesterday(
      Clock clock, ZoneId zone, Collection<DailyFigures> history) {
    Require.nonNull(clock, "clock");
    Require.nonNull(zone, "zone");
    return of(LocalDate.ofInstant(clock.instant(), zone).minusDays(1), zone, history);
  }

  /** The trend of each measured thing of the day, in the day's order. */
  public List<LatencyTrend> trends() {
    List<LatencyTrend> trends = new ArrayList<>();
    for (LatencyFigures today : day.latency()) {
      trends.add(trend(today));
    }
    return List.copyOf(trends);
  }

  private LatencyTrend trend(LatencyFigures today) {
    BigInteger sum = BigInteger.ZERO;
    int n = 0;
    for (DailyFigures p : previous) {
      var earlier = p.latency(today.name());
      if (earlier.isPresent()) {
        sum = sum.add(nanos(earlier.get().p95()));
        n++;
      }
    }
    Boolean within =
        today.objective().map(o -> today.p95().compareTo(o.threshold()) <= 0).orElse(null);
    if (n == 0) {
      return new LatencyTrend(today.name(), today.p95(), null, null, 0, within);
    }
    BigInteger count = BigInteger.valueOf(n);
    BigInteger meanNanos = sum.divide(count);
    Duration mean =
        Duration.ofSeconds(
            meanNanos.divide(NANOS_PER_SECOND).longValueExact(),
            meanNanos.mod(NANOS_PER_SECOND).longValue());
    BigDecimal change = null;
    if (sum.signum() > 0) {
      // (today − sum / n) / (sum / n) = (today · n − sum) / sum, exactly, then truncated.
      BigInteger diff = nanos(today.p95()).multiply(count).subtract(sum);
      change =
          new BigDecimal(diff)
              .multiply(BigDecimal.valueOf(100))
              .divide(new BigDecimal(sum), 1, RoundingMode.DOWN);
    }
    return new LatencyTrend(today.name(), today.p95(), mean, change, n, within);
  }

  private static BigInteger nanos(Duration d) {
    return BigInteger.valueOf(d.getSeconds())
        .multiply(NANOS_PER_SECOND)
        .add(BigInteger.valueOf(d.getNano()));
  }
}
