package app.omniy.core.support;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Business time for support targets (SUP-1): weekdays from {@code opens} to {@code closes} in
 * {@code zone}, without Japanese public holidays and the {@code closedDays} the host adds. A ticket
 * opened outside business hours starts at the next business day's opening; "N business days" is the
 * same time of day N business days later.
 *
 * @param zone the calendar's zone, {@code Asia/Tokyo} for the guide
 * @param opens when a business day starts (inclusive)
 * @param closes when it ends (exclusive)
 * @param closedDays extra days without business, such as a year-end closure
 */
public record BusinessCalendar(
    ZoneId zone, LocalTime opens, LocalTime closes, Set<LocalDate> closedDays) {

  /** The guide's calendar: weekdays 09:00–18:00 JST, Japanese public holidays closed. */
  public static final BusinessCalendar JAPAN =
      new BusinessCalendar(
          ZoneId.of("Asia/Tokyo"), LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of());

  /**
   * @throws InvalidValueException naming the field that is missing, or {@code closes} when it is
   *     not after {@code opens}
   */
  public BusinessCalendar {
    Require.nonNull(zone, "zone");
    Require.nonNull(opens, "opens");
    if (closes == null || !closes.isAfter(opens)) {
      throw new InvalidValueException("closes", closes, "must be after opens (" + opens + ")");
    }
    if (closedDays == null) {
      throw new InvalidValueException("closedDays", null, "is required (use an empty set)");
    }
    closedDays = Set.copyOf(closedDays);
  }

  /** The same calendar with {@code days} closed as well. */
  public BusinessCalendar withClosedDays(Set<LocalDate> days) {
    return new BusinessCalendar(zone, opens, closes, days);
  }

  /** Whether {@code date} is a business day: a weekday, no public holiday, not closed. */
  public boolean isBusinessDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY
        && day != DayOfWeek.SUNDAY
        && !JapaneseHolidays.isHoliday(date)
        && !closedDays.contains(date);
  }

  /** {@code instant} if it is in business hours, otherwise the next opening. */
  public Instant nextBusinessMoment(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    LocalDate date = local.toLocalDate();
    if (isBusinessDay(date)
        && !local.toLocalTime().isBefore(opens)
        && local.toLocalTime().isBefore(closes)) {
      return instant;
    }
    if (!isBusinessDay(date) || !local.toLocalTime().isBefore(opens)) {
      date = nextBusinessDay(date);
    }
    return ZonedDateTime.of(date, opens, zone).toInstant();
  }

  /** {@code amount} of business time after {@code start}: only business hours count. */
  public Instant plusBusinessTime(Instant start, Duration amount) {
    if (amount == null || amount.isNegative()) {
      throw new InvalidValueException("amount", amount, "must be zero or positive");
    }
    Instant at = nextBusinessMoment(start);
    Duration left = amount;
    while (true) {
      ZonedDateTime now = at.atZone(zone);
      Instant closing = ZonedDateTime.of(now.toLocalDate(), closes, zone).toInstant();
      Duration today = Duration.between(at, closing);
      if (left.compareTo(today) <= 0) {
        return at.plus(left);
      }
      left = left.minus(today);
      at = ZonedDateTime.of(nextBusinessDay(now.toLocalDate()), opens, zone).toInstant();
    }
  }

  /**
   * {@code days} business days after {@code start}: the same time of day that many business days
   * later, starting from the next opening when {@code start} is outside business hours.
   */
  public Instant plusBusinessDays(Instant start, int days) {
    if (days < 0) {
      throw new InvalidValueException("days", days, "must be zero or positive");
    }
    ZonedDateTime from = nextBusinessMoment(start).atZone(zone);
    LocalDate date = from.toLocalDate();
    for (int i = 0; i < days; i++) {
      date = nextBusinessDay(date);
    }
    return ZonedDateTime.of(date, from.toLocalTime(), zone).toInstant();
  }

  private LocalDate nextBusinessDay(LocalDate after) {
    LocalDate date = after.plusDays(1);
    while (!isBusinessDay(date)) {
      date = date.plusDays(1);
    }
    return date;
  }
}
