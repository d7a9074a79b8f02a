package app.omniy.core.support;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
    Require.nonNull(calendar, "calendar");
  }

  /** When the first response to a ticket of {@code priority} opened at {@code openedAt} is due. */
  public Instant firstResponseDue(SupportPriority priority, Instant openedAt) {
    Require.nonNull(priority, "priority");
    Require.nonNull(openedAt, "openedAt");
    if (!priority.countsBusinessTime()) {
      return openedAt.plus(priority.hours());
    }
    return priority.businessDays() > 0
        ? calendar.plusBusinessDays(openedAt, priority.businessDays())
        : calendar.plusBusinessTime(openedAt, priority.hours());
  }

  /** Whether a first response at {@code respondedAt} missed its deadline (at it is on time). */
  public boolean breached(SupportPriority priority, Instant openedAt, Instant respondedAt) {
    Require.nonNull(respondedAt, "respondedAt");
    return respondedAt.isAfter(firstResponseDue(priority, openedAt));
  }

  /**
   * The breach of {@code ticket}'s first-response target as of {@code now}: answered after its
   * deadline, or unanswered while {@code now} is past it. An answer exactly at the deadline, or an
   * unanswered ticket at exactly its deadline, is not (yet) a breach.
   */
  public Optional<SupportBreach> breach(SupportTicket ticket, Instant now) {
    Require.nonNull(ticket, "ticket");
    Require.nonNull(now, "now");
    Instant due = firstResponseDue(ticket.priority(), ticket.openedAt());
    Instant responded = ticket.firstResponseAt();
    boolean late = responded != null ? responded.isAfter(due) : now.isAfter(due);
    return late
        ? Optional.of(new SupportBreach(ticket.id(), ticket.priority(), due, responded))
        : Optional.empty();
  }

  /** Every ticket of {@code tickets} whose first-response target is breached as of {@code now}. */
  public List<SupportBreach> breaches(Collection<SupportTicket> tickets, Instant now) {
    Require.nonNull(tickets, "tickets");
    List<SupportBreach> breaches = new ArrayList<>();
    for (SupportTicket ticket : tickets) {
      breach(ticket, now).ifPresent(breaches::add);
    }
    return List.copyOf(breaches);
  }
}
