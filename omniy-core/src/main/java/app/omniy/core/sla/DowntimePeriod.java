package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * A recorded span of downtime or excluded time (SLA-2): half-open {@code [start, end)}, with its
 * cause and the target it affects. Times are kept to the second, as downtime is measured: fractions
 * of a second are cut off both ends.
 *
 * @param start the first second of the period
 * @param end the first second after it; at least one second after {@code start}
 * @param cause why: an incident, planned maintenance, a DDoS attack or failed probes
 * @param target what it affects; a {@code system} period counts against the core API too
 * @param note free text for the report, empty when none
 */
public record DowntimePeriod(
    Instant start, Instant end, DowntimeCause cause, SlaTarget target, String note) {

  /**
   * @throws InvalidValueException if a value is missing, a time lies outside the years −10000 to
   *     10000 ({@link Require#instant}) or {@code end} is not at least a second after {@code start}
   */
  public DowntimePeriod {
    Require.instant(start, "start");
    Require.instant(end, "end");
    Require.nonNull(cause, "cause");
    Require.nonNull(target, "target");
    if (note == null) {
      throw new InvalidValueException("note", null, "is required (empty for none)");
    }
    start = start.truncatedTo(ChronoUnit.SECONDS);
    end = end.truncatedTo(ChronoUnit.SECONDS);
    if (!end.isAfter(start)) {
      throw new InvalidValueException("end", end, "must be after start " + start);
    }
  }

  /** A {@code system} period with no note. */
  public static DowntimePeriod of(Instant start, Instant end, DowntimeCause cause) {
    return new DowntimePeriod(start, end, cause, SlaTarget.SYSTEM, "");
  }

  /** The period as a time range. */
  public TimeRange range() {
    return new TimeRange(start, end);
  }

  /** Its length in seconds. */
  public long seconds() {
    return end.getEpochSecond() - start.getEpochSecond();
  }

  /** This period cut to {@code range}, or {@code null} when they do not overlap. */
  @Nullable DowntimePeriod clippedTo(TimeRange range) {
    Instant from = start.isAfter(range.start()) ? start : range.start();
    Instant to = end.isBefore(range.end()) ? end : range.end();
    return to.isAfter(from) ? new DowntimePeriod(from, to, cause, target, note) : null;
  }
}
