package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Duration;
import java.time.Instant;

/**
 * A half-open span of time {@code [start, end)} (SLA-2): the end instant itself is not inside, so
 * adjacent ranges never share a second.
 *
 * @param start the first instant inside
 * @param end the first instant after; strictly after {@code start}
 */
public record TimeRange(Instant start, Instant end) {

  /**
   * @throws InvalidValueException if either is missing or {@code end} is not after {@code start}
   */
  public TimeRange {
    Require.nonNull(start, "start");
    Require.nonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new InvalidValueException("end", end, "must be after start " + start);
    }
  }

  /** The length of the range. */
  public Duration duration() {
    return Duration.between(start, end);
  }

  /** Whole seconds in the range; SLA downtime is measured to the second (SLA-2). */
  public long seconds() {
    return end.getEpochSecond() - start.getEpochSecond();
  }

  /** Whether {@code instant} lies inside {@code [start, end)}. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /** Whether the two ranges share at least one instant; touching ranges do not. */
  public boolean overlaps(TimeRange other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }
}
