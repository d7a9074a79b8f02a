package app.omniy.core.support;

import app.omniy.core.InvalidValueException;
import java.time.Instant;

/**
 * First-response deadlines of support tickets (SUP-1). A response exactly at the deadline is on
 * time.
 *
 * @param calendar the business calendar the targets count on
 */
public record SupportDeadlines(BusinessCalendar calendar) {
  /** The guide's targets on the guide's calendar (weekdays 09:00–18:00 JST). */
  public static final SupportDeadlines GUIDE = new SupportDeadlines(BusinessCalendar.JAPAN);

  /**
   * @throws InvalidValueException if the calendar is missing
   */
  public SupportDeadlines {
    if (calendar == null) {
      throw new InvalidValueException("calendar", null, "is required");
    }
  }

  /** When the first response to a ticket of {@code priority} opened at {@code openedAt} is due. */
  public Instant firstResponseDue(SupportPriority priority, Instant openedAt) {
    if (priority == null) {
      throw new InvalidValueException("priority", null, "is required");
    }
    if (openedAt == null) {
      throw new InvalidValueException("openedAt", null, "is required");
    }
    if (!priority.countsBusinessTime()) {
      return openedAt.plus(priority.hours());
    }
    return priority.businessDays() > 0
        ? calendar.plusBusinessDays(openedAt, priority.businessDays())
        : calendar.plusBusinessTime(openedAt, priority.hours());
  }

  /** Whether a first response at {@code respondedAt} missed its deadline (at it is on time). */
  public boolean breached(SupportPriority priority, Instant openedAt, Instant respondedAt) {
    if (respondedAt == null) {
      throw new InvalidValueException("respondedAt", null, "is required");
    }
    return respondedAt.isAfter(firstResponseDue(priority, openedAt));
  }
}
