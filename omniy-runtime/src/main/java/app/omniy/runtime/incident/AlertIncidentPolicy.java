package app.omniy.runtime.incident;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.sla.SlaTarget;
import java.util.Map;

/**
 * How a firing critical alert becomes an incident: its severity (INC-1), what the SLA counts it
 * against, and whether the time from occurrence to recovery is downtime (INC-2).
 *
 * <p>Decision: only a rule that means "users cannot use the service" feeds the SLA ledger. A
 * payment failure or a wave of failed posts is an incident with deadlines but not downtime; their
 * effect is measured by the payment and post success figures (SLA-3), not by availability.
 *
 * @param severity the incident's severity
 * @param affects the SLA target its downtime counts against
 * @param downtime whether its {@code [occurred, recovered)} period is recorded as downtime
 */
public record AlertIncidentPolicy(IncidentSeverity severity, SlaTarget affects, boolean downtime) {

  /** For critical rules without a policy of their own: Sev2, system, no downtime. */
  public static final AlertIncidentPolicy FALLBACK =
      new AlertIncidentPolicy(IncidentSeverity.SEV2, SlaTarget.SYSTEM, false);

  /**
   * The guide's critical rules: ALERT-C1 service down and ALERT-C2 payments are Sev1 (INC-1 names
   * both), C1 is system downtime; ALERT-C3 database is Sev2 (core function partly down) and
   * core-API downtime; ALERT-C4 mass post failure is Sev2 (INC-1 names it) without downtime.
   */
  public static final Map<String, AlertIncidentPolicy> GUIDE =
      Map.of(
          "ALERT-C1", new AlertIncidentPolicy(IncidentSeverity.SEV1, SlaTarget.SYSTEM, true),
          "ALERT-C2", new AlertIncidentPolicy(IncidentSeverity.SEV1, SlaTarget.SYSTEM, false),
          "ALERT-C3", new AlertIncidentPolicy(IncidentSeverity.SEV2, SlaTarget.CORE_API, true),
          "ALERT-C4", new AlertIncidentPolicy(IncidentSeverity.SEV2, SlaTarget.SYSTEM, false));

  /**
   * @throws InvalidValueException naming the missing field
   */
  public AlertIncidentPolicy {
    Require.nonNull(severity, "severity");
    Require.nonNull(affects, "affects");
  }
}
