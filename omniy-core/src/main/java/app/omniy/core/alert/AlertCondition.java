package app.omniy.core.alert;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * What a rule watches and when it holds: the samples of {@code metric} matching {@code filter},
 * grouped into one alert per distinct value of the {@code groupBy} tags, aggregated over a sliding
 * window of length {@code over}, compared with {@code threshold}; when {@code sustainedFor} is
 * positive it must hold at every evaluation for that long before the alert fires (ALERT-1).
 *
 * <p>The window slides in steps of one bucket, {@code over} ÷ {@value #BUCKETS}: at an evaluation
 * it holds the last {@value #BUCKETS} buckets, the current partial one included. Shares and
 * percentages are ratios: 10% is the threshold 0.10.
 *
 * @param metric the meter name, usually one of {@code MetricNames}
 * @param filter which samples of the metric count
 * @param groupBy tags whose values split the samples into separate alerts; empty for one alert
 * @param aggregation how the window's samples become one value
 * @param comparison how that value is compared with the threshold
 * @param threshold the exact threshold: at most {@value #THRESHOLD_INTEGER_DIGITS} digits before
 *     the decimal point and {@value #THRESHOLD_DECIMAL_PLACES} after it
 * @param over the sliding window's length
 * @param sustainedFor how long the condition must hold before firing; zero fires at once
 * @param minSamples fewer samples in the window than this is "too little data" and never fires
 */
public record AlertCondition(
    String metric,
    TagFilter filter,
    List<String> groupBy,
    Aggregation aggregation,
    Comparison comparison,
    BigDecimal threshold,
    Duration over,
    Duration sustainedFor,
    long minSamples) {

  /** Buckets per window: the window slides in steps of 1/60 of its length. */
  public static final int BUCKETS = 60;

  /** The longest baseline of a {@link Aggregation.ChangeVsBaseline}, in windows. */
  public static final int MAX_BASELINE_WINDOWS = 8;

  /**
   * The longest duration a rule accepts anywhere (window, "for", baseline, deadline, repeat): a
   * year and a day is beyond any alerting need, and the bound keeps every instant and millisecond
   * count computed from a rule far from overflow.
   */
  public static final Duration MAX_DURATION = Require.MAX_DURATION;

  /** The most digits a threshold may have before the decimal point. */
  public static final int THRESHOLD_INTEGER_DIGITS = 15;

  /**
   * The most decimal places a threshold may have: 0.0000001% as a ratio, or a tenth of a nanosecond
   * in seconds. A finer threshold (such as {@code 1e-999}) is refused, not rounded to zero.
   */
  public static final int THRESHOLD_DECIMAL_PLACES = 10;

  /**
   * @throws InvalidValueException naming the field, if one is missing or out of range
   */
  public AlertCondition {
    Require.nonBlank(metric, "metric");
    Require.nonNull(filter, "filter");
    groupBy = List.copyOf(Require.nonNull(groupBy, "group-by"));
    Require.nonNull(aggregation, "aggregation");
    Require.nonNull(comparison, "comparison");
    threshold =
        Require.decimal(threshold, THRESHOLD_INTEGER_DIGITS, THRESHOLD_DECIMAL_PLACES, "threshold");
    Require.positive(over, "over");
    if (over.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new InvalidValueException("over", words(over), "must be at least 1s");
    }
    atMostMaxDuration(over, "over");
    atMostMaxDuration(Require.nonNegative(sustainedFor, "for"), "for");
    Require.atLeast(minSamples, 1, "min-samples");
    if (aggregation instanceof Aggregation.ChangeVsBaseline change) {
      atMostMaxDuration(change.baseline(), "change-vs");
    }
    if (aggregation instanceof Aggregation.ChangeVsBaseline change
        && change.baseline().compareTo(over.multipliedBy(MAX_BASELINE_WINDOWS)) > 0) {
      throw new InvalidValueException(
          "change-vs",
          words(change.baseline()),
          "must be at most "
              + MAX_BASELINE_WINDOWS
              + " times the window 'over' ("
              + words(over)
              + ")");
    }
  }

  /**
   * Rejects a duration longer than {@link #MAX_DURATION}, naming the field (ALERT-1: a rule's
   * durations come from hand-written files).
   */
  static Duration atMostMaxDuration(Duration value, String field) {
    if (value.compareTo(MAX_DURATION) > 0) {
      // words() counts milliseconds, which can overflow this far out; whole days cannot.
      throw new InvalidValueException(
          field, value.toDays() + "d", "must be at most " + words(MAX_DURATION));
    }
    return value;
  }

  /** The width of one time bucket in milliseconds. */
  public long bucketMillis() {
    return over.toMillis() / BUCKETS;
  }

  /**
   * The condition in words, e.g. {@code share of {status=5xx} of http.server.requests > 10% over
   * 5m, at least 20 samples}.
   */
  public String describe() {
    StringBuilder text = new StringBuilder(aggregation.describe()).append(" of ").append(metric);
    if (!filter.tags().isEmpty()) {
      text.append(' ').append(filter);
    }
    text.append(' ').append(comparison.symbol()).append(' ').append(thresholdText());
    text.append(" over ").append(words(over));
    if (!sustainedFor.isZero()) {
      text.append(" for ").append(words(sustainedFor));
    }
    if (!groupBy.isEmpty()) {
      text.append(" per ").append(String.join(",", groupBy));
    }
    return text.append(", at least ").append(minSamples).append(" samples").toString();
  }

  /** The threshold as written: a percentage for shares and changes, a plain number otherwise. */
  public String thresholdText() {
    if (aggregation instanceof Aggregation.ShareOf
        || aggregation instanceof Aggregation.ChangeVsBaseline) {
      return percent(threshold);
    }
    return threshold.stripTrailingZeros().toPlainString();
  }

  /** {@code ratio} as a percentage: 0.105 → {@code 10.5%}. */
  public static String percent(BigDecimal ratio) {
    return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /** A duration the way rule files write it: {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}. */
  public static String words(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds != 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
