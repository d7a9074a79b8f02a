package app.omniy.files;

import app.omniy.core.InvalidValueException;
import java.time.Instant;
import java.util.Map;

/**
 * One line of a sample file: a measured value or a counter increment of a metric at a time.
 *
 * @param at when it was measured
 * @param metric the meter name
 * @param tags the meter's tags
 * @param kind a measured value, or a number of new events
 * @param value the value; for {@link Kind#COUNT} a whole number from 0 to {@link #MAX_COUNT}
 */
public record Sample(Instant at, String metric, Map<String, String> tags, Kind kind, double value) {
  /** What the value is. */
  public enum Kind {
    /** A measured value (a gauge reading, a latency in seconds), or one event for shares. */
    VALUE,
    /** A number of new events of a counter. */
    COUNT
  }

  /**
   * The largest count one sample may add: more is a mistake, and would overflow a window's sums.
   */
  public static final double MAX_COUNT = 1e15;

  /**
   * @throws InvalidValueException naming {@code value} for a count that is not a whole number from
   *     0 to {@link #MAX_COUNT}
   */
  public Sample {
    tags = Map.copyOf(tags);
    // ALERT-4: a count is a number of events. Refused here, before a replay feeds it, so that a
    // bad sample changes nothing: not a fraction silently cut to a whole number, not a negative
    // count refused only after the evaluations before it had run, not a huge one wrapping a
    // window's sums around to a negative number of samples.
    if (kind == Kind.COUNT && !(value >= 0 && value <= MAX_COUNT && value == Math.rint(value))) {
      throw new InvalidValueException(
          "value", value, "must be a whole number from 0 to 1e15 for a count of events");
    }
  }
}
