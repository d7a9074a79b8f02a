package app.omniy.ops.report;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.incident.Breach;
import app.omniy.core.incident.Incident;
import java.util.List;

/**
 * An incident of the month with the targets it missed as of the report's time (INC-1, INC-2).
 *
 * @param incident the incident
 * @param breaches the response, recovery and resolution targets it missed; empty when all met
 */
public record IncidentOutcome(Incident incident, List<Breach> breaches) {
  /**
   * @throws InvalidValueException if a value is missing
   */
  public IncidentOutcome {
    Require.nonNull(incident, "incident");
    Require.nonNull(breaches, "breaches");
    breaches = List.copyOf(breaches);
  }

  /** Whether every deadline was met. */
  public boolean deadlinesMet() {
    return breaches.isEmpty();
  }
}
