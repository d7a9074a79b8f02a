package app.omniy.core.alert;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The operator's night: notifications that can wait until morning are held for the daily digest
 * ({@link Digest}) sent when the quiet hours end. A notification is held only when its rule's
 * response deadline outlasts the quiet hours (by default the info rules, 24 h); one whose deadline
 * would pass during them (critical 10–30 min, warnings 1 h) is never held.
 *
 * @param start when the quiet hours begin, local time
 * @param end when they end and the digest goes out, local time; before {@code start} for a night
 *     that spans midnight
 * @param zone the operator's time zone
 * @param digestTo the channels the digest goes to, at least one
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone, Set<Channel> digestTo) {
  /** 23:00–07:00 Japan time, the digest by e-mail. */
  public static final QuietHours DEFAULT =
      new QuietHours(
          LocalTime.of(23, 0), LocalTime.of(7, 0), ZoneId.of("Asia/Tokyo"), Set.of(Channel.EMAIL));

  /**
   * @throws InvalidValueException if a value is missing, {@code start} equals {@code end}, or no
   *     digest channel is given
   */
  public QuietHours {
    Require.nonNull(start, "start");
    Require.nonNull(end, "end");
    Require.nonNull(zone, "zone");
    if (start.equals(end)) {
      throw new InvalidValueException("end", end, "must differ from start " + start);
    }
    if (digestTo == null || digestTo.isEmpty()) {
      throw new InvalidValueException("digestTo", digestTo, "needs at least one channel");
    }
    digestTo = Set.copyOf(EnumSet.copyOf(digestTo));
  }

  /** Whether {@code at} falls in the quiet hours (start inclusive, end exclusive). */
  public boolean contains(Instant at) {
    LocalTime t = at.atZone(zone).toLocalTime();
    return start.isBefore(end)
        ? !t.isBefore(start) && t.isBefore(end)
        : !t.isBefore(start) || t.isBefore(end);
  }

  /** The first end of the quiet hours strictly after {@code at}: when the next digest is due. */
  public Instant nextEnd(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    ZonedDateTime candidate = local.toLocalDate().atTime(end).atZone(zone);
    if (!candidate.isAfter(local)) {
      candidate = local.toLocalDate().plusDays(1).atTime(end).atZone(zone);
    }
    return candidate.toInstant();
  }

  /** The local date a digest sent at {@code at} reports on: the day before. */
  public LocalDate reportedDay(Instant at) {
    return at.atZone(zone).toLocalDate().minusDays(1);
  }

  /**
   * Whether {@code event} waits for the digest: it arrives during the quiet hours and its rule's
   * response deadline ({@code at + respondWithin}) is after they end. Escalations to the escalation
   * contact (ALERT-3) are never held.
   */
  public boolean holds(AlertEvent event) {
    if (event.toEscalationContact() || !contains(event.at())) {
      return false;
    }
    Duration deadline = event.rule().respondWithin();
    return event.at().plus(deadline).isAfter(nextEnd(event.at()));
  }
}
