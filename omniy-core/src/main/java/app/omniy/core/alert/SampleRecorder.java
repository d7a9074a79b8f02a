package app.omniy.core.alert;

/**
 * Feeds the samples of one meter (a metric with fixed tags) to every rule that reads it. Resolved
 * once per meter by {@link app.omniy.core.alert.evaluator.AlertEvaluator#recorder}, so recording
 * costs no lookups: the metrics bridge and hot paths hold on to it. Not thread-safe, like the
 * evaluator it came from.
 */
public interface SampleRecorder {

  /** A measured value (a gauge reading, a latency in seconds) or, for shares, one event. */
  void record(long epochMillis, double value);

  /**
   * A measured value only: rules that count events (shares, occurrences) ignore it. For meters that
   * report both a count and a value, such as a timer's interval count and mean.
   */
  void measure(long epochMillis, double value);

  /** {@code count} new events of a counter (never negative; see {@link CounterTotals}). */
  void increment(long epochMillis, long count);

  /**
   * {@code count} measured values somewhere above {@code lowerBound} and at most {@code
   * upperBound}: one bucket of a histogram ({@code upperBound} may be infinite, {@code lowerBound}
   * is 0 for the first bucket). Only percentile rules read buckets, and once a meter has reported a
   * bucket its percentile rules ignore its {@link #measure measured} values (a timer's interval
   * mean), so each request counts once (ALERT-W1). The other rules take the meter's count and mean.
   * A percentile rule counts a bucket that straddles its threshold on the side that does not fire:
   * it fires only on what the buckets prove.
   */
  void bucket(long epochMillis, double lowerBound, double upperBound, long count);
}
