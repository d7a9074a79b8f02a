package app.omniy.core.incident;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A target an incident missed (INC-2): the milestone, when it was due, and when it was reached
 * ({@code null} while it is still open and overdue).
 *
 * @param milestone the milestone whose target was missed
 * @param due when it was due
 * @param reached when it was reached, or {@code null} if not yet
 */
public record Breach(Milestone milestone, Instant due, @Nullable Instant reached) {
  /** When the milestone was reached, if it was. */
  public Optional<Instant> reachedAt() {
    return Optional.ofNullable(reached);
  }
}
