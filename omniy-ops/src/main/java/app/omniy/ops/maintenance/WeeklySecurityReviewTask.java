package app.omniy.ops.maintenance;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.TaskFailedException;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.maintenance.spi.JobContext;
import app.omniy.core.maintenance.spi.JobRunStore;
import app.omniy.ops.report.ReportJson;
import app.omniy.ops.report.ReportMarkdown;
import app.omniy.ops.report.WeeklySecurityReview;
import app.omniy.ops.report.WeeklySystemReview;
import app.omniy.ops.security.CertificateCheck;
import app.omniy.ops.security.LoginMonitor;
import app.omniy.ops.security.TlsCertificateCheck;
import app.omniy.ops.spi.ReportSink;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Wednesday 09:00 JST security review (MNT-2): the login anomalies the {@link LoginMonitor}
 * kept for the seven JST days before the run's day (ALERT-I3), the certificates checked now, and
 * how many of those days' 05:00 security scans failed or were missed (from the run history),
 * written to a {@link ReportSink} as {@code security-review-{first day}.md} and {@code .json}.
 *
 * <p>Certificates are checked afresh rather than by running the {@code SecurityScan}, whose next
 * daily run would otherwise report a shorter period of login anomalies. Permission checks and the
 * dependency scan are the host's and the build's; the report says they were not checked. Findings
 * never fail the run (each already alerted); only inputs that cannot be read do.
 */
public final class WeeklySecurityReviewTask implements BuiltInTask {
  /** How many scan runs are read from the history: two weeks of daily runs, with room. */
  static final int HISTORY_RUNS = 16;

  private final LoginMonitor logins;
  private final Supplier<? extends Collection<CertificateCheck>> certificates;
  private final JobRunStore runs;
  private final ReportSink sink;

  /**
   * @param logins the monitor the host reports logins to; it keeps the latest {@link
   *     LoginMonitor#KEPT_FINDINGS} findings
   * @param certificates checks the configured endpoints, e.g. {@code tls::run} of a {@link
   *     TlsCertificateCheck}, or {@code List::of} without endpoints
   * @param runs the maintenance run history the scheduler writes
   * @param sink where the review is written
   * @throws InvalidValueException if an argument is missing
   */
  public WeeklySecurityReviewTask(
      LoginMonitor logins,
      Supplier<? extends Collection<CertificateCheck>> certificates,
      JobRunStore runs,
      ReportSink sink) {
    this.logins = Require.nonNull(logins, "logins");
    this.certificates = Require.nonNull(certificates, "certificates");
    this.runs = Require.nonNull(runs, "runs");
    this.sink = Require.nonNull(sink, "sink");
  }

  @Override
  public String jobId() {
    return JobIds.WEEKLY_SECURITY_REVIEW;
  }

  @Override
  public String name() {
    return "security-review";
  }

  /**
   * @throws TaskFailedException if the certificates or the run history cannot be read
   */
  @Override
  public String run(JobContext context) {
    LocalDate weekStart = Tasks.weekStart(context);
    Instant from = Tasks.startOf(weekStart, context);
    Instant to = Tasks.startOf(weekStart.plusDays(WeeklySystemReview.DAYS), context);
    var anomalies = logins.findingsSince(from).stream().filter(a -> a.at().isBefore(to)).toList();
    List<CertificateCheck> checks = List.copyOf(Tasks.read("the certificates", certificates));
    List<JobRun> scans =
        Tasks.read(
                "the security scan's run history",
                () -> runs.history(JobIds.DAILY_SECURITY_SCAN, HISTORY_RUNS))
            .stream()
            .filter(r -> !r.due().isBefore(from) && r.due().isBefore(to))
            .filter(r -> r.outcome() != JobOutcome.RUNNING)
            .sorted(Comparator.comparing(JobRun::due))
            .toList();
    List<JobRun> failed =
        scans.stream()
            .filter(r -> r.outcome() == JobOutcome.FAILED || r.outcome() == JobOutcome.MISSED)
            .toList();
    WeeklySecurityReview review =
        new WeeklySecurityReview(
            context.zone(), weekStart, context.started(), anomalies, checks, scans.size(), failed);
    String base = "security-review-" + weekStart;
    sink.write(base + ".md", ReportMarkdown.weeklySecurity(review));
    sink.write(base + ".json", ReportJson.toJson(ReportJson.weeklySecurity(review)));
    return "wrote "
        + base
        + ".md and .json ("
        + anomalies.size()
        + " login anomalies, "
        + review.certificateFindings().size()
        + " certificate finding(s), "
        + failed.size()
        + " failed scan(s))";
  }
}
