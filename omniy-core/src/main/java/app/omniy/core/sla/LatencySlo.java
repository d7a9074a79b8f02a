package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Response-time objectives at p95 (SLA-4): web pages within 3 s, the auth and data APIs within 500
 * ms, image uploads of up to 10 MB within 10 s. The p95 of raw samples is the nearest-rank value,
 * the ⌈0.95·n⌉-th smallest; from histogram buckets it is the upper bound of the bucket holding that
 * rank. Interpolation is never used, so two runs over the same data always agree.
 *
 * @param name what is measured, such as {@code web-page}
 * @param threshold the p95 must be at most this
 */
public record LatencySlo(String name, Duration threshold) {
  /** The quantile every objective here is set at. */
  public static final BigDecimal P95 = new BigDecimal("0.95");

  /** Web pages, real-user measurements: 3 s. */
  public static final LatencySlo WEB_PAGE = new LatencySlo("web-page", Duration.ofSeconds(3));

  /** Auth and data APIs: 500 ms. */
  public static final LatencySlo API = new LatencySlo("api", Duration.ofMillis(500));

  /** Image uploads of up to 10 MB: 10 s. */
  public static final LatencySlo IMAGE_UPLOAD =
      new LatencySlo("image-upload", Duration.ofSeconds(10));

  /**
   * @throws InvalidValueException if a value is missing or the threshold not positive
   */
  public LatencySlo {
    if (name == null || name.isBlank()) {
      throw new InvalidValueException("name", name, "is required");
    }
    if (threshold == null || threshold.isNegative() || threshold.isZero()) {
      throw new InvalidValueException("threshold", threshold, "must be positive");
    }
  }

  /**
   * The rank of the {@code quantile} among {@code n} samples, counted from 1: ⌈quantile·n⌉, at
   * least 1.
   */
  public static long nearestRank(BigDecimal quantile, long n) {
    BigDecimal q = quantile(quantile);
    if (q.signum() <= 0 || q.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidValueException("quantile", q, "must be above 0 and at most 1");
    }
    if (n < 1) {
      throw new InvalidValueException("samples", n, "must not be empty");
    }
    return q.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /**
   * {@code quantile} once its digits are bounded, before the rounding in {@link #nearestRank}: a
   * percentage's ten decimal places are twelve of a quantile.
   */
  static BigDecimal quantile(BigDecimal quantile) {
    return Require.decimal(quantile, 1, ExactRatio.PERCENT_DECIMAL_PLACES + 2, "quantile");
  }

  /** The p95 of raw samples by nearest rank. */
  public static LatencyPercentile p95(Collection<Duration> samples) {
    Require.nonNull(samples, "samples");
    List<Duration> sorted = samples.stream().sorted().toList();
    long rank = nearestRank(P95, sorted.size());
    return new LatencyPercentile(
        P95, sorted.get((int) rank - 1), PercentileMethod.NEAREST_RANK, sorted.size(), false);
  }

  /**
   * The p95 from histogram buckets, in ascending order of bound, and the count of samples above the
   * largest bound.
   */
  public static LatencyPercentile p95(List<HistogramBucket> buckets, long aboveLargest) {
    if (buckets == null || buckets.isEmpty()) {
      throw new InvalidValueException("buckets", buckets, "must not be empty");
    }
    if (aboveLargest < 0) {
      throw new InvalidValueException("aboveLargest", aboveLargest, "must not be negative");
    }
    long total = aboveLargest;
    for (int i = 0; i < buckets.size(); i++) {
      if (i > 0 && buckets.get(i).upperBound().compareTo(buckets.get(i - 1).upperBound()) <= 0) {
        throw new InvalidValueException(
            "buckets[" + i + "]", buckets.get(i).upperBound(), "must be above the previous bound");
      }
      total += buckets.get(i).count();
    }
    long rank = nearestRank(P95, total);
    long seen = 0;
    for (HistogramBucket bucket : buckets) {
      seen += bucket.count();
      if (seen >= rank) {
        return new LatencyPercentile(
            P95, bucket.upperBound(), PercentileMethod.HISTOGRAM_UPPER_BOUND, total, false);
      }
    }
    Duration largest = buckets.get(buckets.size() - 1).upperBound();
    return new LatencyPercentile(P95, largest, PercentileMethod.HISTOGRAM_UPPER_BOUND, total, true);
  }

  /** Holds {@code percentile} to this objective. */
  public Result evaluate(LatencyPercentile percentile) {
    Require.nonNull(percentile, "percentile");
    return new Result(this, percentile, percentile.atMost(threshold));
  }

  /**
   * A measured percentile held to its objective.
   *
   * @param slo the objective
   * @param percentile what was measured, with its method
   * @param met whether it was within the threshold
   */
  public record Result(LatencySlo slo, LatencyPercentile percentile, boolean met) {}
}
