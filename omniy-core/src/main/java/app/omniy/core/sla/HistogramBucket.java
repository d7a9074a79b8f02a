package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import java.time.Duration;

/**
 * One bucket of a latency histogram: {@code count} samples above the previous bucket's bound and at
 * most {@code upperBound} (not cumulative).
 *
 * @param upperBound the inclusive upper bound
 * @param count samples in the bucket, at least 0
 */
public record HistogramBucket(Duration upperBound, long count) {

  /**
   * @throws InvalidValueException if the bound is missing or negative or the count negative
   */
  public HistogramBucket {
    if (upperBound == null || upperBound.isNegative()) {
      throw new InvalidValueException("upperBound", upperBound, "must be zero or more");
    }
    if (count < 0) {
      throw new InvalidValueException("count", count, "must not be negative");
    }
  }
}
