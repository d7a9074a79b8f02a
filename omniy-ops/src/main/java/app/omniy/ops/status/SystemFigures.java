package app.omniy.ops.status;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.sla.ExactRatio;
import java.time.Duration;

/**
 * The dashboard's system overview (KPI-2): availability so far this month, API latency, request
 * errors, firing alerts and open incidents.
 *
 * @param availability the month's system availability so far (SLA-1)
 * @param apiP95 the API's p95 response time (SLA-4)
 * @param requests requests served in the dashboard's window
 * @param errors of those, failed (5xx)
 * @param firingAlerts alerts firing now
 * @param openIncidents incidents not yet resolved
 */
public record SystemFigures(
    ExactRatio availability,
    Duration apiP95,
    long requests,
    long errors,
    int firingAlerts,
    int openIncidents) {
  /**
   * @throws InvalidValueException if a value is missing or negative, or errors exceed requests
   */
  public SystemFigures {
    Require.nonNull(availability, "availability");
    if (apiP95 == null || apiP95.isNegative()) {
      throw new InvalidValueException("apiP95", apiP95, "must be zero or positive");
    }
    if (requests < 0 || errors < 0 || errors > requests) {
      throw new InvalidValueException("errors", errors, "must be between 0 and " + requests);
    }
    if (firingAlerts < 0 || openIncidents < 0) {
      throw new InvalidValueException(
          "firingAlerts", firingAlerts + "/" + openIncidents, "counts must not be negative");
    }
  }
}
