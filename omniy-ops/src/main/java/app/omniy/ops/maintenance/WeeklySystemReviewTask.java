package app.omniy.ops.maintenance;

import app.omniy.core.InvalidValueException;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.spi.IncidentStore;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.spi.JobContext;
import app.omniy.ops.report.DailyFigures;
import app.omniy.ops.report.ReportJson;
import app.omniy.ops.report.ReportMarkdown;
import app.omniy.ops.report.WeeklySystemReview;
import app.omniy.ops.spi.ReportSink;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Monday 09:00 JST system review (MNT-2): the seven JST days before the run's day (Monday to
 * Sunday), from the daily figures the 06:00 report reads, and the incidents of those days with the
 * targets they missed, written to a {@link ReportSink} as {@code system-review-{first day}.md} and
 * {@code .json}.
 *
 * <p>The {@link IncidentStore} SPI lists only unresolved incidents, so the incidents resolved since
 * come from the host too ({@code IncidentRuntime::opened}, or its own record); each is read again
 * from the store, so the review shows the stored timeline. Missing days and missed targets are what
 * the review is for: they are reported, and never fail the run. Only a source that cannot be read
 * does.
 */
public final class WeeklySystemReviewTask implements BuiltInTask {
  private final Supplier<? extends Collection<DailyFigures>> history;
  private final IncidentStore incidents;
  private final Supplier<? extends Collection<Incident>> recentIncidents;
  private final ReportSink sink;

  /**
   * @param history the daily figures the host recorded (the {@link PerformanceReportTask}'s
   *     source); the week's and, for the trend, the week before's are used
   * @param incidents the incident store; its unresolved incidents are always included
   * @param recentIncidents incidents resolved lately, e.g. {@code runtime::opened}; those not open
   *     during the week are left out
   * @param sink where the review is written
   * @throws InvalidValueException if an argument is missing
   */
  public WeeklySystemReviewTask(
      Supplier<? extends Collection<DailyFigures>> history,
      IncidentStore incidents,
      Supplier<? extends Collection<Incident>> recentIncidents,
      ReportSink sink) {
    this.history = Tasks.require(history, "history");
    this.incidents = Tasks.require(incidents, "incidents");
    this.recentIncidents = Tasks.require(recentIncidents, "recentIncidents");
    this.sink = Tasks.require(sink, "sink");
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
    List<Incident> all =
        new ArrayList<>(Tasks.read("the unresolved incidents", incidents::unresolved));
    for (Incident i : Tasks.read("the recent incidents", recentIncidents)) {
      all.add(Tasks.read("incident " + i.id(), () -> incidents.find(i.id())).orElse(i));
    }
    WeeklySystemReview review = WeeklySystemReview.of(weekStart, context.zone(), asOf, days, all);
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
