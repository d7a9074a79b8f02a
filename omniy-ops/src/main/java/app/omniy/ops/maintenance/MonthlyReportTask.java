package app.omniy.ops.maintenance;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.TaskFailedException;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.maintenance.spi.JobContext;
import app.omniy.core.sla.SlaMonth;
import app.omniy.ops.report.MonthlyOperationsReport;
import app.omniy.ops.report.ReportJson;
import app.omniy.ops.report.ReportMarkdown;
import app.omniy.ops.spi.ReportSink;
import java.time.YearMonth;
import java.util.function.Function;

/**
 * The monthly operations report on the 1st (MNT-2): the previous month's SLA attainment, posts,
 * incidents, support KPIs and cost ratios, written to a {@link ReportSink} as {@code
 * operations-{yyyy-MM}.md} and {@code .json}. The host builds the report from its figures (SLA
 * ledger, incident store, support tickets, costs); the task picks the month — the one before the
 * occurrence's due date in the calendar's zone — and writes it.
 */
public final class MonthlyReportTask implements BuiltInTask {
  private final Function<SlaMonth, MonthlyOperationsReport> reports;
  private final ReportSink sink;

  /**
   * @param reports builds the report of the month it is given, e.g. {@code month ->
   *     MonthlyOperationsReport.builder(SlaReport.of(month, ...)).support(...).build()}
   * @param sink where the report is written
   * @throws InvalidValueException if an argument is missing
   */
  public MonthlyReportTask(Function<SlaMonth, MonthlyOperationsReport> reports, ReportSink sink) {
    this.reports = Require.nonNull(reports, "reports");
    this.sink = Require.nonNull(sink, "sink");
  }

  @Override
  public String jobId() {
    return JobIds.MONTHLY_REPORT;
  }

  @Override
  public String name() {
    return "operations-report";
  }

  /**
   * @throws TaskFailedException if the host's report is for another month
   */
  @Override
  public String run(JobContext context) {
    YearMonth previous = YearMonth.from(context.due().atZone(context.zone())).minusMonths(1);
    MonthlyOperationsReport report = reports.apply(SlaMonth.of(previous, context.zone()));
    YearMonth reported = report.sla().month().month();
    if (!reported.equals(previous)) {
      throw new TaskFailedException(
          "the report built is for " + reported + ", the job asked for " + previous);
    }
    String base = "operations-" + previous;
    sink.write(base + ".md", ReportMarkdown.monthly(report));
    sink.write(base + ".json", ReportJson.toJson(ReportJson.monthly(report)));
    return "wrote " + base + ".md and .json" + (report.allMet() ? "" : " (objectives missed)");
  }
}
