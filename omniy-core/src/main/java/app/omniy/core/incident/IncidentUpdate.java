package app.omniy.core.incident;

import app.omniy.core.Require;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of an incident's history (INC-2, INC-3): what happened, when, in words. Kept with the
 * incident in its store, so a runtime that takes over an incident knows what was done and told.
 *
 * @param at when it happened
 * @param kind what happened
 * @param milestone the milestone it concerns (reached, or missed for {@link Kind#BREACHED}); null
 *     for the others
 * @param detail a line for people
 */
public record IncidentUpdate(Instant at, Kind kind, @Nullable Milestone milestone, String detail) {

  /** The kinds of update. */
  public enum Kind {
    /** Opened from an alert or by hand. */
    OPENED,
    /** A milestone was reached ({@link #milestone}). */
    REACHED,
    /** A mitigation took effect (INC-4); the detail names it. */
    MITIGATED,
    /** A mitigation was lifted on recovery; the detail names it. */
    LIFTED,
    /** A target was missed ({@link #milestone}) and the operator was told (INC-2). */
    BREACHED,
    /** A Sev1 went to outside experts (INC-1). */
    ESCALATED,
    /** Anything else worth keeping, e.g. a mitigation this runtime could not lift. */
    NOTE
  }

  public IncidentUpdate {
    Require.nonNull(at, "at");
    Require.nonNull(kind, "kind");
    Require.nonNull(detail, "detail");
  }
}
