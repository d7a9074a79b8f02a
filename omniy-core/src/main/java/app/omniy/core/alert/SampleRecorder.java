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
}
