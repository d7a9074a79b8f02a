package app.omniy.ops.security;

import app.omniy.core.security.LoginAnomaly;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run of the 05:00 security scan found (MNT-1).
 *
 * @param at when the scan ran
 * @param since the start of the period whose login anomalies are reported
 * @param certificates one result per configured TLS endpoint
 * @param loginAnomalies the login anomalies detected since {@code since} (ALERT-I3)
 */
public record SecurityScanReport(
    Instant at,
    Instant since,
    List<CertificateCheck> certificates,
    List<LoginAnomaly> loginAnomalies) {

  public SecurityScanReport {
    certificates = List.copyOf(certificates);
    loginAnomalies = List.copyOf(loginAnomalies);
  }

  /** Every finding, one line each: certificate problems first, then login anomalies. */
  public List<String> findings() {
    List<String> lines = new ArrayList<>();
    for (CertificateCheck check : certificates) {
      if (check.finding()) {
        lines.add("TLS " + check.describe());
      }
    }
    for (LoginAnomaly anomaly : loginAnomalies) {
      lines.add("login " + anomaly.kind().tag() + " at " + anomaly.at() + ": " + anomaly.detail());
    }
    return lines;
  }

  /** Whether nothing was found. */
  public boolean clean() {
    return findings().isEmpty();
  }

  /** The report as plain text: a summary line, then every check and finding. */
  public String text() {
    List<String> findings = findings();
    StringBuilder out =
        new StringBuilder("Security scan at ")
            .append(at)
            .append(": ")
            .append(findings.isEmpty() ? "no findings" : findings.size() + " finding(s)")
            .append('\n');
    for (CertificateCheck check : certificates) {
      out.append("  TLS ").append(check.describe()).append('\n');
    }
    out.append("  login anomalies since ")
        .append(since)
        .append(": ")
        .append(loginAnomalies.size())
        .append('\n');
    for (LoginAnomaly anomaly : loginAnomalies) {
      out.append("    ")
          .append(anomaly.kind().tag())
          .append(" at ")
          .append(anomaly.at())
          .append(": ")
          .append(anomaly.detail())
          .append('\n');
    }
    return out.toString();
  }
}
