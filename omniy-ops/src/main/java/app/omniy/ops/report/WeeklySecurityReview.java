package app.omniy.ops.report;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.security.LoginAnomaly;
import app.omniy.ops.security.CertificateCheck;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Wednesday security review (MNT-2): the week's login anomalies (ALERT-I3), the certificates as
 * checked for the review, and the security scan's runs of the week that failed or were missed.
 * Permission checks stay with the host: the library does not know who may do what in the host's
 * systems, and the report says so.
 *
 * @param zone the zone the days are counted in (JST for the guide)
 * @param weekStart the first of the seven days
 * @param asOf when the review was made
 * @param logins the login anomalies of the week, oldest first
 * @param certificates one result per configured TLS endpoint, checked for the review
 * @param scanRuns the daily security scan's runs due in the week that have ended
 * @param failedScans of those, the runs that failed or were missed, oldest first
 */
public record WeeklySecurityReview(
    ZoneId zone,
    LocalDate weekStart,
    Instant asOf,
    List<LoginAnomaly> logins,
    List<CertificateCheck> certificates,
    int scanRuns,
    List<JobRun> failedScans) {

  /**
   * @throws InvalidValueException if a value is missing or the counts disagree
   */
  public WeeklySecurityReview {
    Require.nonNull(zone, "zone");
    Require.nonNull(weekStart, "weekStart");
    Require.nonNull(asOf, "asOf");
    if (logins == null) {
      throw new InvalidValueException("logins", null, "is required (use an empty list)");
    }
    if (certificates == null) {
      throw new InvalidValueException("certificates", null, "is required (use an empty list)");
    }
    if (failedScans == null) {
      throw new InvalidValueException("failedScans", null, "is required (use an empty list)");
    }
    if (failedScans.size() > scanRuns) {
      throw new InvalidValueException(
          "scanRuns", scanRuns, "must not be below the failed runs (" + failedScans.size() + ")");
    }
    logins = List.copyOf(logins);
    certificates = List.copyOf(certificates);
    failedScans = List.copyOf(failedScans);
  }

  /** The last of the seven days. */
  public LocalDate weekEnd() {
    return weekStart.plusDays(WeeklySystemReview.DAYS - 1);
  }

  /** How many anomalies of each kind, every kind listed. */
  public Map<LoginAnomaly.Kind, Integer> loginsByKind() {
    Map<LoginAnomaly.Kind, Integer> counts = new EnumMap<>(LoginAnomaly.Kind.class);
    for (LoginAnomaly.Kind kind : LoginAnomaly.Kind.values()) {
      counts.put(kind, 0);
    }
    logins.forEach(a -> counts.merge(a.kind(), 1, Integer::sum));
    return counts;
  }

  /** The certificate results that are findings (anything but valid). */
  public List<CertificateCheck> certificateFindings() {
    return certificates.stream().filter(CertificateCheck::finding).toList();
  }
}
