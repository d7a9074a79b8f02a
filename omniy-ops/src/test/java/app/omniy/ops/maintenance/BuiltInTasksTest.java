package app.omniy.ops.maintenance;

import static app.omniy.ops.maintenance.OpsFixtures.jst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.memory.InMemoryJobLeaseStore;
import app.omniy.core.memory.InMemoryJobRunStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.DowntimeLedger;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaReport;
import app.omniy.ops.report.DailyFigures;
import app.omniy.ops.report.DirectoryReportSink;
import app.omniy.ops.report.LatencyFigures;
import app.omniy.ops.report.MonthlyOperationsReport;
import app.omniy.runtime.maintenance.MaintenanceScheduler;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in report tasks on their calendar jobs (MNT-1, MNT-2), run by the scheduler at their
 * JST times on a settable clock; the JVM runs in America/New_York. A failed run counts on {@code
 * omniy.maintenance.runs}, which the MNT-3 rule reads (its firing is pinned in {@code
 * MaintenanceFailuresTest}). The backup, restore-test and clean-up tasks are tested in
 * omniy-backup.
 */
class BuiltInTasksTest {
  @TempDir Path dir;
  private final InMemoryJobRunStore runs = new InMemoryJobRunStore();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private MaintenanceScheduler scheduler(SettableClock clock, BuiltInTask... tasks) {
    MaintenanceScheduler.Builder builder =
        MaintenanceScheduler.builder(clock)
            .leases(new InMemoryJobLeaseStore())
            .runs(runs)
            .registry(registry);
    Arrays.stream(tasks).forEach(builder::task);
    return builder.build();
  }

  private double failures(String job) {
    return registry
        .counter(
            MetricNames.MAINTENANCE_RUNS,
            MetricNames.TAG_JOB,
            job,
            MetricNames.TAG_OUTCOME,
            MetricNames.OUTCOME_FAILURE)
        .count();
  }

  /** Ticks at {@code jstLocal} and returns the one run that ended. */
  private static JobRun runAt(SettableClock clock, MaintenanceScheduler s, String jstLocal) {
    clock.set(jst(jstLocal));
    List<JobRun> ended = s.tick();
    assertThat(ended).hasSize(1);
    return ended.get(0);
  }

  private static DailyFigures day(String date, long p95Millis) {
    Duration p95 = Duration.ofMillis(p95Millis);
    return new DailyFigures(
        LocalDate.parse(date),
        List.of(new LatencyFigures("api", Duration.ofMillis(100), p95, p95.plusMillis(50), 1000)),
        10_000,
        25,
        400,
        2);
  }

  @Test
  void the_six_oclock_report_covers_the_jst_day_before_and_is_written_as_markdown_and_json()
      throws Exception {
    // 06:00 JST on the 18th is 17:00 on the 17th in New York: yesterday is still the 17th in JST.
    SettableClock clock = SettableClock.at(jst("2026-04-18T05:59:00"));
    List<DailyFigures> history = List.of(day("2026-04-16", 400), day("2026-04-17", 300));
    DirectoryReportSink sink = new DirectoryReportSink(dir.resolve("reports"));
    MaintenanceScheduler s = scheduler(clock, new PerformanceReportTask(() -> history, sink));
    s.tick();

    JobRun run = runAt(clock, s, "2026-04-18T06:00:00");

    assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
    assertThat(run.output())
        .isEqualTo("performance-report: wrote performance-2026-04-17.md and .json");
    assertThat(Files.readString(sink.path("performance-2026-04-17.md"), StandardCharsets.UTF_8))
        .startsWith("# Performance report 2026-04-17 (Asia/Tokyo)")
        .contains("| api | 100 ms | 300 ms | 350 ms | 1000 | -25.0% (mean 400 ms over 1 days)");
    assertThat(Files.readString(sink.path("performance-2026-04-17.json")))
        .startsWith("{")
        .contains("\"date\":\"2026-04-17\"", "\"changePercent\":\"-25.0\"");
    assertThat(Files.list(dir.resolve("reports"))).hasSize(2);
  }

  @Test
  void a_performance_report_without_yesterdays_figures_fails_the_run_naming_the_date() {
    SettableClock clock = SettableClock.at(jst("2026-04-18T05:59:00"));
    DirectoryReportSink sink = new DirectoryReportSink(dir);
    MaintenanceScheduler s =
        scheduler(clock, new PerformanceReportTask(() -> List.of(day("2026-04-16", 400)), sink));
    s.tick();

    JobRun run = runAt(clock, s, "2026-04-18T06:00:00");

    assertThat(run.outcome()).isEqualTo(JobOutcome.FAILED);
    assertThat(run.error()).contains("2026-04-17").contains("has no figures");
    assertThat(failures(JobIds.DAILY_PERFORMANCE_REPORT)).isEqualTo(1);
  }

  @Test
  void the_monthly_report_on_the_first_is_for_the_previous_jst_month() throws Exception {
    // 09:00 JST on 1 May is 20:00 on 30 April in New York.
    SettableClock clock = SettableClock.at(jst("2026-05-01T08:59:00"));
    List<SlaMonth> asked = new ArrayList<>();
    DirectoryReportSink sink = new DirectoryReportSink(dir);
    MonthlyReportTask task =
        new MonthlyReportTask(
            month -> {
              asked.add(month);
              return MonthlyOperationsReport.builder(
                      SlaReport.of(
                          DowntimeLedger.empty(),
                          month,
                          CreditPolicy.GUIDE,
                          Money.of("1980", "JPY")))
                  .build();
            },
            sink);
    MaintenanceScheduler s = scheduler(clock, task);
    s.tick();

    JobRun run = runAt(clock, s, "2026-05-01T09:00:00");

    assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
    assertThat(asked).extracting(SlaMonth::month).containsExactly(YearMonth.of(2026, 4));
    assertThat(asked.get(0).zone()).isEqualTo(SlaMonth.DEFAULT_ZONE);
    assertThat(run.output()).startsWith("operations-report: wrote operations-2026-04.md and .json");
    assertThat(Files.readString(sink.path("operations-2026-04.md"))).contains("2026-04");
    assertThat(Files.readString(sink.path("operations-2026-04.json")))
        .contains("\"month\":\"2026-04\"");
  }

  @Test
  void a_report_sink_refuses_a_name_outside_its_directory() {
    assertThatThrownBy(() -> new DirectoryReportSink(dir).write("../escape.md", "x"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("name");
  }
}
