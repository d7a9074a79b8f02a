package app.omniy.runtime.incident;

import app.omniy.core.incident.Incident;
import java.time.Instant;

/**
 * Something that happened to an incident, for the host's log and the operator's timeline.
 *
 * @param kind what happened
 * @param incident the incident as it was right after
 * @param at when
 * @param detail a line for people
 */
public record IncidentEvent(Kind kind, Incident incident, Instant at, String detail) {

  /** The kinds of event. */
  public enum Kind {
    /** Opened from an alert or by hand (detected). */
    OPENED,
    /** Someone started work (the first response). */
    RESPONDED,
    /** A mitigation took effect (INC-4). */
    MITIGATED,
    /** Service is back; its downtime went to the ledger when it counts. */
    RECOVERED,
    /** The cause is fixed and confirmed. */
    RESOLVED,
    /** A target was missed (INC-2); the operator was told. */
    BREACHED,
    /** A Sev1 unresolved 30 minutes after detection went to outside experts (INC-1). */
    ESCALATED
  }

  /** One line: {@code ESCALATED INC-20260415-1402 Sev1 … : detail}. */
  public String summary() {
    return kind
        + " "
        + incident.id()
        + " Sev"
        + incident.severity().level()
        + " "
        + incident.title()
        + ": "
        + detail;
  }
}
