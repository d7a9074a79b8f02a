package app.omniy.core.alert;

import app.omniy.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When the cause of an alert went bad and when it went good again, measured on the evaluation
 * intervals rather than on the rule's window (INC-2, SLA-2): an alert fires once its window holds
 * and resolves once its window is clear, so its firing and resolve times lag the outage by up to a
 * window; its signal does not.
 *
 * <p>Each evaluation judges the samples recorded since the previous evaluation of the same alert
 * (one evaluation interval) with the rule's own aggregation, comparison and threshold, whatever its
 * minimum sample count. {@code start} is the start of the first bad interval of the run of bad
 * intervals that made the alert fire; {@code end} is the start of the first good interval after the
 * last bad one. An interval without samples changes neither. Precision: one evaluation interval
 * (the samples of an interval are those recorded after the previous evaluation, up to this one).
 *
 * @param start the start of the first bad interval; null when this evaluator never saw one (it
 *     started after the alert fired, e.g. on a runtime that replaced another)
 * @param end the start of the first good interval after the last bad one; null while the signal is
 *     bad, or when no good interval was seen yet
 */
public record AlertSignal(@Nullable Instant start, @Nullable Instant end) {

  /** Nothing known: no interval was judged. */
  public static final AlertSignal UNKNOWN = new AlertSignal(null, null);

  /**
   * @throws InvalidValueException if {@code end} is before {@code start}
   */
  public AlertSignal {
    if (start != null && end != null && end.isBefore(start)) {
      throw new InvalidValueException("end", end, "must not be before start (" + start + ")");
    }
  }

  /** How long the signal was bad, when both ends are known. */
  public Optional<Duration> duration() {
    return start == null || end == null
        ? Optional.empty()
        : Optional.of(Duration.between(start, end));
  }
}
