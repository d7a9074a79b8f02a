package app.omniy.core.support;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A support ticket as the support KPIs and breach checks see it (SUP-1 … SUP-3). Immutable: the
 * {@code with…} methods return the ticket one step further on.
 *
 * @param id the ticket's id
 * @param priority its priority, which sets the first-response target (SUP-1)
 * @param openedAt when the customer opened it
 * @param firstResponseAt when support first answered, or {@code null} while unanswered
 * @param resolvedAt when it was resolved, or {@code null} while open
 * @param resolvedAtFirstContact whether the first answer resolved it (SUP-3's first-contact
 *     resolution); meaningful once resolved
 * @param satisfaction the customer's rating from 1 to 5, or {@code null} when not rated
 * @param level the highest escalation level it reached (SUP-2)
 */
public record SupportTicket(
    String id,
    SupportPriority priority,
    Instant openedAt,
    @Nullable Instant firstResponseAt,
    @Nullable Instant resolvedAt,
    boolean resolvedAtFirstContact,
    @Nullable Integer satisfaction,
    EscalationLevel level) {

  /** The lowest rating a customer can give. */
  public static final int MIN_RATING = 1;

  /** The highest rating a customer can give. */
  public static final int MAX_RATING = 5;

  /**
   * @throws InvalidValueException naming the field that is missing, a response or resolution before
   *     the ticket was opened, or a rating outside 1–5
   */
  public SupportTicket {
    if (id == null || id.isBlank()) {
      throw new InvalidValueException("id", id, "must not be blank");
    }
    Require.nonNull(priority, "priority");
    Require.nonNull(openedAt, "openedAt");
    if (firstResponseAt != null && firstResponseAt.isBefore(openedAt)) {
      throw new InvalidValueException(
          "firstResponseAt", firstResponseAt, "must not be before openedAt (" + openedAt + ")");
    }
    if (resolvedAt != null && resolvedAt.isBefore(openedAt)) {
      throw new InvalidValueException(
          "resolvedAt", resolvedAt, "must not be before openedAt (" + openedAt + ")");
    }
    if (satisfaction != null && (satisfaction < MIN_RATING || satisfaction > MAX_RATING)) {
      throw new InvalidValueException(
          "satisfaction", satisfaction, "must be " + MIN_RATING + "–" + MAX_RATING);
    }
    Require.nonNull(level, "level");
  }

  /** A ticket just opened, unanswered, at level L1. */
  public static SupportTicket open(String id, SupportPriority priority, Instant openedAt) {
    return new SupportTicket(id, priority, openedAt, null, null, false, null, EscalationLevel.L1);
  }

  /** This ticket first answered at {@code at}. */
  public SupportTicket withFirstResponse(Instant at) {
    return new SupportTicket(
        id, priority, openedAt, at, resolvedAt, resolvedAtFirstContact, satisfaction, level);
  }

  /**
   * This ticket resolved at {@code at}; {@code atFirstContact} when the first answer resolved it. A
   * ticket resolved without an earlier answer counts the resolution as its first response.
   */
  public SupportTicket withResolution(Instant at, boolean atFirstContact) {
    Instant responded = firstResponseAt == null ? at : firstResponseAt;
    return new SupportTicket(
        id, priority, openedAt, responded, at, atFirstContact, satisfaction, level);
  }

  /** This ticket rated {@code rating} (1–5) by the customer. */
  public SupportTicket withSatisfaction(int rating) {
    return new SupportTicket(
        id, priority, openedAt, firstResponseAt, resolvedAt, resolvedAtFirstContact, rating, level);
  }

  /** This ticket escalated to {@code to}. */
  public SupportTicket withLevel(EscalationLevel to) {
    return new SupportTicket(
        id,
        priority,
        openedAt,
        firstResponseAt,
        resolvedAt,
        resolvedAtFirstContact,
        satisfaction,
        to);
  }

  /** When support first answered, if it has. */
  public Optional<Instant> firstResponse() {
    return Optional.ofNullable(firstResponseAt);
  }

  /** When the ticket was resolved, if it was. */
  public Optional<Instant> resolution() {
    return Optional.ofNullable(resolvedAt);
  }
}
