package app.omniy.ops.report;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.Milestone;
import app.omniy.core.sla.ExactRatio;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Monday system review (MNT-2): the past seven days' figures from the same daily figures the
 * 06:00 report reads, the week's latency and its trend against the week before, posts and their
 * success rate, and the incidents of the week with the targets they missed (INC-1) — the material
 * of the incident retrospective. Improvement proposals stay with people; the breached targets are
 * listed as their prompts.
 *
 * @param zone the zone the days are counted in (JST for the guide)
 * @param weekStart the first of the seven days
 * @param asOf when the review was made; breaches of open incidents are judged at this instant
 * @param days the figures of the week's days the host had, oldest first
 * @param previousWeek the figures of the seven days before, oldest first, for the trend
 * @param incidents the incidents open at some time during the week, oldest detection first
 */
public record WeeklySystemReview(
    ZoneId zone,
    LocalDate weekStart,
    Instant asOf,
    List<DailyFigures> days,
    List<DailyFigures> previousWeek,
    List<IncidentOutcome> incidents) {
  /** The days a review covers. */
  public static final int DAYS = 7;

  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  /**
   * @throws InvalidValueException if a value is missing or a day falls outside its week
   */
  public WeeklySystemReview {
    Require.nonNull(zone, "zone");
    Require.nonNull(weekStart, "weekStart");
    Require.nonNull(asOf, "asOf");
    if (days == null) {
      throw new InvalidValueException("days", null, "is required (use an empty list)");
    }
    if (previousWeek == null) {
      throw new InvalidValueException("previousWeek", null, "is required (use an empty list)");
    }
    if (incidents == null) {
      throw new InvalidValueException("incidents", null, "is required (use an empty list)");
    }
    for (DailyFigures d : days) {
      requireWithin("days", d.date(), weekStart);
    }
    for (DailyFigures d : previousWeek) {
      requireWithin("previousWeek", d.date(), weekStart.minusDays(DAYS));
    }
    days = List.copyOf(days);
    previousWeek = List.copyOf(previousWeek);
    incidents = List.copyOf(incidents);
  }

  /**
   * The review of the seven days from {@code weekStart}: the days' figures {@code history} holds (a
   * day it lacks is listed by {@link #missingDays()}, not an error), and every incident in {@code
   * incidents} that was open at some time during the week, with its breaches as of {@code asOf}. An
   * incident appearing twice (same id) counts once.
   */
  public static WeeklySystemReview of(
      LocalDate weekStart,
      ZoneId zone,
      Instant asOf,
      Collection<DailyFigures> history,
      Collection<Incident> incidents) {
    Require.nonNull(weekStart, "weekStart");
    Require.nonNull(zone, "zone");
    Require.nonNull(asOf, "asOf");
    Require.nonNull(history, "history");
    Require.nonNull(incidents, "incidents");
    Instant from = weekStart.atStartOfDay(zone).toInstant();
    Instant to = weekStart.plusDays(DAYS).atStartOfDay(zone).toInstant();
    Map<String, Incident> byId = new LinkedHashMap<>();
    for (Incident i : incidents) {
      Instant detected = i.timeline().get(Milestone.DETECTED);
      Instant end = i.at(Milestone.RESOLVED).orElse(asOf);
      if (detected.isBefore(to) && !end.isBefore(from)) {
        byId.put(i.id(), i);
      }
    }
    List<IncidentOutcome> outcomes =
        byId.values().stream()
            .sorted(Comparator.comparing((Incident i) -> i.timeline().get(Milestone.DETECTED)))
            .map(i -> new IncidentOutcome(i, i.breaches(asOf)))
            .toList();
    return new WeeklySystemReview(
        zone,
        weekStart,
        asOf,
        week(history, weekStart),
        week(history, weekStart.minusDays(DAYS)),
        outcomes);
  }

  /** The last of the seven days. */
  public LocalDate weekEnd() {
    return weekStart.plusDays(DAYS - 1);
  }

  /** The days of the week without figures, oldest first. */
  public List<LocalDate> missingDays() {
    List<LocalDate> missing = new ArrayList<>();
    for (int n = 0; n < DAYS; n++) {
      LocalDate date = weekStart.plusDays(n);
      if (days.stream().noneMatch(d -> d.date().equals(date))) {
        missing.add(date);
      }
    }
    return missing;
  }

  /** Posts published in the week. */
  public long postsPublished() {
    return days.stream().mapToLong(DailyFigures::postsPublished).sum();
  }

  /** Posts that failed for good in the week. */
  public long postsFailed() {
    return days.stream().mapToLong(DailyFigures::postsFailed).sum();
  }

  /** The share of the week's finished posts that were published; empty without posts. */
  public Optional<ExactRatio> postSuccess() {
    long done = postsPublished() + postsFailed();
    return done == 0 ? Optional.empty() : Optional.of(ExactRatio.of(postsPublished(), done));
  }

  /** Requests that failed in the week. */
  public long errors() {
    return days.stream().mapToLong(DailyFigures::errors).sum();
  }

  /** Requests served in the week. */
  public long requests() {
    return days.stream().mapToLong(DailyFigures::requests).sum();
  }

  /**
   * The week's latency per measured thing, in order of first appearance. Daily percentiles cannot
   * be merged into weekly ones exactly, so the week's p50, p95 and p99 are the highest daily values
   * (the worst day is what a review looks for), and the trend compares the mean daily p95 with the
   * previous week's.
   */
  public List<WeeklyLatency> latency() {
    Set<String> names = new LinkedHashSet<>();
    days.forEach(d -> d.latency().forEach(f -> names.add(f.name())));
    List<WeeklyLatency> rows = new ArrayList<>();
    for (String name : names) {
      List<LatencyFigures> week = figures(days, name);
      LatencyFigures worst = week.get(0);
      LocalDate worstDay = null;
      Duration p50 = Duration.ZERO;
      Duration p99 = Duration.ZERO;
      long samples = 0;
      for (DailyFigures d : days) {
        Optional<LatencyFigures> f = d.latency(name);
        if (f.isEmpty()) {
          continue;
        }
        if (worstDay == null || f.get().p95().compareTo(worst.p95()) > 0) {
          worst = f.get();
          worstDay = d.date();
        }
        p50 = max(p50, f.get().p50());
        p99 = max(p99, f.get().p99());
        samples += f.get().samples();
      }
      Duration mean = mean(week);
      List<LatencyFigures> before = figures(previousWeek, name);
      Duration previousMean = before.isEmpty() ? null : mean(before);
      BigDecimal change = null;
      if (previousMean != null && !previousMean.isZero()) {
        change =
            new BigDecimal(nanos(mean).subtract(nanos(previousMean)))
                .multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(nanos(previousMean)), 1, RoundingMode.DOWN);
      }
      LatencyFigures top = worst;
      Boolean within =
          top.objective().map(o -> top.p95().compareTo(o.threshold()) <= 0).orElse(null);
      rows.add(
          new WeeklyLatency(
              name,
              p50,
              worst.p95(),
              p99,
              samples,
              week.size(),
              worstDay,
              mean,
              previousMean,
              change,
              within));
    }
    return List.copyOf(rows);
  }

  /**
   * The week's latency of one measured thing.
   *
   * @param name what was measured
   * @param p50 the highest daily p50 of the week
   * @param p95 the highest daily p95 of the week
   * @param p99 the highest daily p99 of the week
   * @param samples the week's samples
   * @param daysMeasured how many of the week's days measured it
   * @param worstDay the day of the highest p95
   * @param meanP95 the mean of the week's daily p95 (truncated to the nanosecond)
   * @param previousMeanP95 the previous week's mean daily p95, or {@code null} without figures
   * @param changePercent the change of the mean against the previous week's, truncated toward zero
   *     to one decimal (positive is slower), or {@code null} without a previous mean
   * @param withinObjective whether the highest p95 is within its SLA-4 objective, or {@code null}
   *     when the name has none
   */
  public record WeeklyLatency(
      String name,
      Duration p50,
      Duration p95,
      Duration p99,
      long samples,
      int daysMeasured,
      LocalDate worstDay,
      Duration meanP95,
      @Nullable Duration previousMeanP95,
      @Nullable BigDecimal changePercent,
      @Nullable Boolean withinObjective) {}

  private static List<DailyFigures> week(Collection<DailyFigures> history, LocalDate start) {
    LocalDate end = start.plusDays(DAYS);
    return history.stream()
        .filter(d -> !d.date().isBefore(start) && d.date().isBefore(end))
        .sorted(Comparator.comparing(DailyFigures::date))
        .toList();
  }

  private static List<LatencyFigures> figures(List<DailyFigures> days, String name) {
    return days.stream().flatMap(d -> d.latency(name).stream()).toList();
  }

  private static void requireWithin(String field, LocalDate date, LocalDate start) {
    if (date.isBefore(start) || !date.isBefore(start.plusDays(DAYS))) {
      throw new InvalidValueException(field, date, "is outside the week from " + start);
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration mean(List<LatencyFigures> figures) {
    BigInteger sum = BigInteger.ZERO;
    for (LatencyFigures f : figures) {
      sum = sum.add(nanos(f.p95()));
    }
    BigInteger m = sum.divide(BigInteger.valueOf(figures.size()));
    return Duration.ofSeconds(
        m.divide(NANOS_PER_SECOND).longValueExact(), m.mod(NANOS_PER_SECOND).longValue());
  }

  private static BigInteger nanos(Duration d) {
    return BigInteger.valueOf(d.getSeconds())
        .multiply(NANOS_PER_SECOND)
        .add(BigInteger.valueOf(d.getNano()));
  }
}
