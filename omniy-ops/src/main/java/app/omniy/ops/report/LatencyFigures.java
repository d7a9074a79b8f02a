package app.omniy.ops.report;

import app.omniy.core.InvalidValueException;
import app.omniy.core.sla.LatencySlo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One day's latency percentiles of one measured thing, such as {@code api} or {@code web-page}
 * (SLA-4, MNT-1). Percentiles are nearest-rank values, never interpolated.
 *
 * @param name what was measured; the names of {@link LatencySlo}'s objectives ({@code api}, {@code
 *     web-page}, {@code image-upload}) are held to them
 * @param p50 the median
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 * @param samples how many samples they come from
 */
public record LatencyFigures(String name, Duration p50, Duration p95, Duration p99, long samples) {
  private static final List<LatencySlo> OBJECTIVES =
      List.of(LatencySlo.API, LatencySlo.WEB_PAGE, LatencySlo.IMAGE_UPLOAD);

  /**
   * @throws InvalidValueException if a value is missing, negative, or the percentiles are out of
   *     order
   */
  public LatencyFigures {
    if (name == null || name.isBlank()) {
      throw new InvalidValueException("name", name, "must not be blank");
    }
    requireDuration("p50", p50);
    requireDuration("p95", p95);
    requireDuration("p99", p99);
    if (p95.compareTo(p50) < 0) {
      throw new InvalidValueException("p95", p95, "must not be below p50 (" + p50 + ")");
    }
    if (p99.compareTo(p95) < 0) {
      throw new InvalidValueException("p99", p99, "must not be below p95 (" + p95 + ")");
    }
    if (samples < 1) {
      throw new InvalidValueException("samples", samples, "must be positive");
    }
  }

  /** The nearest-rank percentiles of raw {@code samples}. */
  public static LatencyFigures of(String name, Collection<Duration> samples) {
    if (samples == null || samples.isEmpty()) {
      throw new InvalidValueException("samples", samples, "must not be empty");
    }
    List<Duration> sorted = samples.stream().sorted().toList();
    return new LatencyFigures(
        name, rank(sorted, "0.5"), rank(sorted, "0.95"), rank(sorted, "0.99"), sorted.size());
  }

  /** The SLA-4 objective this name is held to, if it names one. */
  public Optional<LatencySlo> objective() {
    return OBJECTIVES.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  private static Duration rank(List<Duration> sorted, String quantile) {
    return sorted.get((int) LatencySlo.nearestRank(new BigDecimal(quantile), sorted.size()) - 1);
  }

  private static void requireDuration(String field, Duration value) {
    if (value == null || value.isNegative()) {
      throw new InvalidValueException(field, value, "must be zero or positive");
    }
  }
}
