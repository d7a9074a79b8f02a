package app.omniy.ops.maintenance;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.maintenance.spi.JobContext;
import app.omniy.ops.report.DailyFigures;
import app.omniy.ops.report.DailyPerformanceReport;
import app.omniy.ops.report.ReportJson;
import app.omniy.ops.report.ReportMarkdown;
import app.omniy.ops.spi.ReportSink;
import java.time.LocalDate;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * The 06:00 JST performance report (MNT-1): yesterday's latency percentiles and trend, errors and
 * posts, from the daily figures the host keeps, written to a {@link ReportSink} as {@code
 * performance-{date}.md} and {@code .json}. "Yesterday" is the calendar day before the occurrence's
 * due date in the calendar's zone (JST), so a catch-up run at 06:40 reports the same day.
 */
public final class PerformanceReportTask implements BuiltInTask {
  private final Supplier<? extends Collection<DailyFigures>> history;
  private final ReportSink sink;

  /**
   * @param history the daily figures the host recorded; must hold yesterday's, and the trend uses
   *     up to 7 days before it
   * @param sink where the report is written
   * @throws InvalidValueException if an argument is missing
   */
  public PerformanceReportTask(
      Supplier<? extends Collection<DailyFigures>> history, ReportSink sink) {
    this.history = Require.nonNull(history, "history");
    this.sink = Require.nonNull(sink, "sink");
  }

  @Override
  public String jobId() {
    return JobIds.DAILY_PERFORMANCE_REPORT;
  }

  @Override
  public String name() {
    return "performance-report";
  }

  /**
   * @throws InvalidValueException naming the date when the history has no figures for yesterday
   */
  @Override
  public String run(JobContext context) {
    LocalDate yesterday = LocalDate.ofInstant(context.due(), context.zone()).minusDays(1);
    DailyPerformanceReport report =
        DailyPerformanceReport.of(yesterday, context.zone(), history.get());
    String base = "performance-" + yesterday;
    sink.write(base + ".md", ReportMarkdown.daily(report));
    sink.write(base + ".json", ReportJson.toJson(ReportJson.daily(report)));
    return "wrote " + base + ".md and .json";
  }
}
