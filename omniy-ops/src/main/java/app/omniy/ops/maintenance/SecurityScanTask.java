package app.omniy.ops.maintenance;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.TaskFailedException;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.maintenance.spi.JobContext;
import app.omniy.ops.security.CertificateCheck;
import app.omniy.ops.security.SecurityScan;
import app.omniy.ops.security.SecurityScanReport;
import java.util.List;

/**
 * The 05:00 JST security scan (MNT-1): runs the {@link SecurityScan}. A certificate finding
 * (expiring within the threshold, expired, untrusted, unreachable) fails the run, so the MNT-3 rule
 * alerts on {@code daily-security-scan} with the findings as the run's error. Login anomalies only
 * appear in the output: each one already raised ALERT-I3 when the {@code LoginMonitor} detected it,
 * and failing the scan for them would alert twice.
 */
public final class SecurityScanTask implements BuiltInTask {
  private final SecurityScan scan;

  /**
   * @throws InvalidValueException if {@code scan} is missing
   */
  public SecurityScanTask(SecurityScan scan) {
    this.scan = Require.nonNull(scan, "scan");
  }

  @Override
  public String jobId() {
    return JobIds.DAILY_SECURITY_SCAN;
  }

  @Override
  public String name() {
    return "security-scan";
  }

  /**
   * @throws TaskFailedException listing the certificate findings, if there are any
   */
  @Override
  public String run(JobContext context) {
    SecurityScanReport report = scan.run();
    List<String> certificates =
        report.certificates().stream()
            .filter(CertificateCheck::finding)
            .map(c -> "TLS " + c.describe())
            .toList();
    if (!certificates.isEmpty()) {
      throw new TaskFailedException(
          certificates.size() + " certificate finding(s): " + String.join("; ", certificates));
    }
    return report.text().strip();
  }
}
