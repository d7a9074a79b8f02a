package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A latency percentile with the method that produced it (SLA-4).
 *
 * @param quantile the quantile, such as 0.95
 * @param value the percentile; when {@code aboveLargestBucket}, the largest bucket bound, which the
 *     real value exceeds
 * @param method how it was computed
 * @param samples how many samples it was computed from
 * @param aboveLargestBucket whether the rank fell above the histogram's largest finite bound
 */
public record LatencyPercentile(
    BigDecimal quantile,
    Duration value,
    PercentileMethod method,
    long samples,
    boolean aboveLargestBucket) {

  /**
   * @throws InvalidValueException if a value is missing or the quantile has more than 12 decimal
   *     places
   */
  public LatencyPercentile {
    quantile = LatencySlo.quantile(quantile);
    Require.nonNull(value, "value");
    Require.nonNull(method, "method");
  }

  /** Whether the percentile is at most {@code threshold}; never when it is above the buckets. */
  public boolean atMost(Duration threshold) {
    return !aboveLargestBucket && value.compareTo(threshold) <= 0;
  }
}
