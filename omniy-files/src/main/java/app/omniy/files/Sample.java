package app.omniy.files;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a sample file: a measured value or a counter increment of a metric at a time.
 *
 * @param at when it was measured
 * @param metric the meter name
 * @param tags the meter's tags
 * @param kind a measured value, or a number of new events
 * @param value the value; for {@link Kind#COUNT} a whole number ≥ 0
 */
public record Sample(Instant at, String metric, Map<String, String> tags, Kind kind, double value) {
  /** What the value is. */
  public enum Kind {
    /** A measured value (a gauge reading, a latency in seconds), or one event for shares. */
    VALUE,
    /** A number of new events of a counter. */
    COUNT
  }

  public Sample {
    tags = Map.copyOf(tags);
  }
}
