package app.omniy.core.support;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A ticket whose first response missed its target (SUP-1): answered after {@code due}, or still
 * unanswered while the time is past it.
 *
 * @param ticketId the ticket
 * @param priority its priority
 * @param due when the first response was due
 * @param respondedAt when it was answered, or {@code null} while still unanswered
 */
public record SupportBreach(
    String ticketId, SupportPriority priority, Instant due, @Nullable Instant respondedAt) {

  /** When the late answer came, if it came. */
  public Optional<Instant> responded() {
    return Optional.ofNullable(respondedAt);
  }
}
