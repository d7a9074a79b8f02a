package app.omniy.ops.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Yesterday's p95 of one measured thing against the mean p95 of the days before it (MNT-1).
 *
 * @param name what was measured
 * @param p95 yesterday's p95
 * @param previousMeanP95 the mean p95 of the earlier days that measured it (truncated to the
 *     nanosecond), or {@code null} when none did
 * @param changePercent the change against that mean in percent, truncated toward zero to one
 *     decimal (positive is slower), or {@code null} without a mean or when the mean is zero
 * @param previousDays how many earlier days the mean comes from
 * @param withinObjective whether the p95 is within its SLA-4 objective, or {@code null} when the
 *     name has none
 */
public record LatencyTrend(
    String name,
    Duration p95,
    @Nullable Duration previousMeanP95,
    @Nullable BigDecimal changePercent,
    int previousDays,
    @Nullable Boolean withinObjective) {

  /** The earlier days' mean p95, if any day measured it. */
  public Optional<Duration> previousMean() {
    return Optional.ofNullable(previousMeanP95);
  }

  /** The change in percent, if there is a mean to compare with. */
  public Optional<BigDecimal> change() {
    return Optional.ofNullable(changePercent);
  }
}
