package app.omniy.ops.maintenance;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.spi.IncidentStore;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.TaskFailedException;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.maintenance.spi.JobContext;
import app.omniy.ops.report.DailyFigures;
import app.omniy.ops.report.ReportJson;
import app.omniy.ops.report.ReportMarkdown;
import app.omniy.ops.report.WeeklySystemReview;
import app.omniy.ops.spi.ReportSink;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Monday 09:00 JST system review (MNT-2): the seven JST days before the run's day (Monday to
 * Sunday), from the daily figures the 06:00 report reads, and the incidents of those days with the
 * targets they missed, written to a {@link ReportSink} as {@code system-review-{first day}.md} and
 * {@code .json}.
 *
 * <p>The incidents are those the store says were open during the week ({@link
 * IncidentStore#openDuring}), the ones resolved meanwhile included. Missing days and missed targets
 * are what the review is for: they are reported, and never fail the run. Only a source that cannot
 * be read does.
 */
public final class WeeklySystemReviewTask implements BuiltInTask {
  private final Supplier<? extends Collection<DailyFigures>> history;
  private final IncidentStore incidents;
  private final ReportSink sink;

  /**
   * @param history the daily figures the host recorded (the {@link PerformanceReportTask}'s
   *     source); the week's and, for the trend, the week before's are used
   * @param incidents the incident store the incident runtime writes to
   * @param sink where the review is written
   * @throws InvalidValueException if an argument is missing
   */
  public WeeklySystemReviewTask(
      Supplier<? extends Collection<DailyFigures>> history,
      IncidentStore incidents,
      ReportSink sink) {
    this.history = Require.nonNull(history, "history");
    this.incidents = Require.nonNull(incidents, "incidents");
    this.sink = Require.nonNull(sink, "sink");
  }

  @Override
  public String jobId() {
    return JobIds.WEEKLY_SYSTEM_REVIEW;
  }

  @Override
  public String name() {
    return "system-review";
  }

  /**
   * @throws TaskFailedException if the figures or incidents cannot be read
   */
  @Override
  public String run(JobContext context) {
    LocalDate weekStart = Tasks.weekStart(context);
    Instant asOf = context.started();
    Collection<DailyFigures> days = Tasks.read("the daily figures", history);
    Instant from = Tasks.startOf(weekStart, context);
    Instant to = Tasks.startOf(weekStart.plusDays(WeeklySystemReview.DAYS), context);
    List<Incident> open =
        Tasks.read("the incidents of the week", () -> incidents.openDuring(from, to));
    WeeklySystemReview review = WeeklySystemReview.of(weekStart, context.zone(), asOf, days, open);
    String base = "system-review-" + weekStart;
    sink.write(base + ".md", ReportMarkdown.weeklySystem(review));
    sink.write(base + ".json", ReportJson.toJson(ReportJson.weeklySystem(review)));
    long breached = review.incidents().stream().filter(o -> !o.deadlinesMet()).count();
    return "wrote "
        + base
        + ".md and .json ("
        + review.incidents().size()
        + " incident(s), "
        + breached
        + " with missed targets)";
  }
}
