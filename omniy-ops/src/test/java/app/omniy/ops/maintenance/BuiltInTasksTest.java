package app.omniy.ops.maintenance;

import static app.omniy.ops.maintenance.OpsFixtures.jst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.backup.BackupIds;
import app.omniy.core.backup.BackupVerificationException;
import app.omniy.core.backup.RestoreCheck;
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
import app.omniy.ops.backup.ConfigBackup;
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
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in tasks on their calendar jobs (MNT-1, MNT-2, BAK-1, BAK-3, BAK-4), run by the
 * scheduler at their JST times on a settable clock; the JVM runs in America/New_York. A failed run
 * counts on {@code omniy.maintenance.runs}, which the MNT-3 rule reads (its firing is pinned in
 * {@code MaintenanceFailuresTest}).
 */
class BuiltInTasksTest {
  @TempDir Path dir;
  private final InMemoryJobRunStore runs = new InMemoryJobRunStore();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RecordingStoreBackup backups = new RecordingStoreBackup();

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

  @Test
  void the_backup_runs_at_three_jst_is_named_after_that_instant_and_deletes_expired_backups() {
    SettableClock clock = SettableClock.at(jst("2026-04-10T02:59:59"));
    backups.ids.add(BackupIds.of(jst("2026-03-10T03:00:00"))); // 31 days old at 03:00 on the 10th
    backups.ids.add(BackupIds.of(jst("2026-03-12T03:00:00")));
    BackupTask task = new BackupTask(backups);
    MaintenanceScheduler s = scheduler(clock, task);
    assertThat(s.tick()).isEmpty();
    assertThat(task.lastSuccessfulBackup()).isEmpty();

    JobRun run = runAt(clock, s, "2026-04-10T03:00:00");

    assertThat(run.jobId()).isEqualTo(JobIds.DAILY_BACKUP);
    assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
    assertThat(run.output())
        .isEqualTo(
            "backup: 20260409T180000Z: 1200 documents in 1 files (4096 bytes), verified;"
                + " deleted 20260309T180000Z");
    assertThat(backups.ids).containsExactly("20260311T180000Z", "20260409T180000Z");
    assertThat(task.lastSuccessfulBackup()).contains(jst("2026-04-10T03:00:00"));
  }

  @Test
  void a_backup_that_fails_verification_fails_the_run_and_counts_for_mnt_3() {
    SettableClock clock = SettableClock.at(jst("2026-04-10T02:59:00"));
    backups.failBackup =
        new BackupVerificationException("20260409T180000Z", "posts-00000.ndjson", "is missing");
    BackupTask task = new BackupTask(backups);
    MaintenanceScheduler s = scheduler(clock, task);
    s.tick();

    JobRun run = runAt(clock, s, "2026-04-10T03:00:00");

    assertThat(run.outcome()).isEqualTo(JobOutcome.FAILED);
    assertThat(run.error())
        .isEqualTo(
            "backup: BackupVerificationException: backup 20260409T180000Z,"
                + " file posts-00000.ndjson: is missing");
    assertThat(failures(JobIds.DAILY_BACKUP)).isEqualTo(1);
    assertThat(task.lastSuccessfulBackup()).isEmpty();
  }

  @Test
  void the_restore_test_on_the_15th_restores_the_newest_backup_and_passes_when_identical() {
    SettableClock clock = SettableClock.at(jst("2026-04-15T08:59:00"));
    backups.ids.add("20260413T180000Z");
    backups.ids.add("20260414T180000Z");
    backups.restoreAnswer = new RestoreCheck("20260414T180000Z", 1_200, 0, List.of(), 3);
    MaintenanceScheduler s = scheduler(clock, new RestoreTestTask(backups));
    s.tick();

    JobRun run = runAt(clock, s, "2026-04-15T09:00:00");

    assertThat(run.jobId()).isEqualTo(JobIds.MONTHLY_AUDIT);
    assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
    assertThat(backups.restored).containsExactly("20260414T180000Z");
    assertThat(run.output())
        .isEqualTo(
            "restore-test: backup 20260414T180000Z restored into the scratch database: 1200"
                + " documents, identical to the backup; 3 difference(s) from the source, changed since"
                + " the backup");
  }

  @Test
  void a_restored_copy_that_differs_from_its_backup_fails_the_run_naming_the_differences() {
    SettableClock clock = SettableClock.at(jst("2026-04-15T08:59:00"));
    backups.ids.add("20260414T180000Z");
    backups.restoreAnswer =
        new RestoreCheck(
            "20260414T180000Z",
            1_200,
            2,
            List.of("posts/p-1 caption: backup \"a\", copy \"b\"", "posts/p-2: missing in copy"),
            0);
    MaintenanceScheduler s = scheduler(clock, new RestoreTestTask(backups));
    s.tick();

    JobRun run = runAt(clock, s, "2026-04-15T09:00:00");

    assertThat(run.outcome()).isEqualTo(JobOutcome.FAILED);
    assertThat(run.error())
        .isEqualTo(
            "restore-test: TaskFailedException: backup 20260414T180000Z restored with 2"
                + " difference(s) from the backup: posts/p-1 caption: backup \"a\", copy \"b\";"
                + " posts/p-2: missing in copy");
    assertThat(failures(JobIds.MONTHLY_AUDIT)).isEqualTo(1);
  }

  @Test
  void a_restore_test_without_any_backup_fails() {
    SettableClock clock = SettableClock.at(jst("2026-04-15T08:59:00"));
    MaintenanceScheduler s = scheduler(clock, new RestoreTestTask(backups));
    s.tick();

    JobRun run = runAt(clock, s, "2026-04-15T09:00:00");

    assertThat(run.outcome()).isEqualTo(JobOutcome.FAILED);
    assertThat(run.error()).contains("no backup to restore");
    assertThat(backups.restored).isEmpty();
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
  void the_clean_up_at_four_deletes_old_run_records_and_expired_configuration_backups()
      throws Exception {
    SettableClock clock = SettableClock.at(jst("2025-09-01T12:00:00"));
    ConfigBackup config =
        ConfigBackup.builder(dir.resolve("config"), clock)
            .key("k1", new SecretKeySpec(new byte[32], "AES"))
            .build();
    config.store("alerts.yaml", "v1".getBytes(StandardCharsets.UTF_8));
    clock.set(jst("2025-09-02T12:00:00"));
    config.store("alerts.yaml", "v2".getBytes(StandardCharsets.UTF_8));
    JobRun old =
        JobRun.running(
            JobIds.DAILY_BACKUP, jst("2025-03-01T03:00:00"), "a", jst("2025-03-01T03:00:00"));
    JobRun recent =
        JobRun.running(
            JobIds.DAILY_BACKUP, jst("2026-03-01T03:00:00"), "a", jst("2026-03-01T03:00:00"));
    runs.save(old);
    runs.save(recent);
    clock.set(jst("2026-04-10T03:59:00"));
    MaintenanceScheduler s =
        scheduler(clock, CleanupTask.builder().jobRuns(runs).configBackups(config).build());
    s.tick();

    JobRun run = runAt(clock, s, "2026-04-10T04:00:00");

    assertThat(run.jobId()).isEqualTo(JobIds.DAILY_LOG_CLEANUP);
    assertThat(run.output())
        .isEqualTo(
            "clean-up: 1 run record(s) due before 2025-03-05T19:00:00Z deleted;"
                + " 1 configuration backup(s) past retention deleted");
    assertThat(runs.history(JobIds.DAILY_BACKUP, 10)).containsExactly(recent);
    assertThat(config.list())
        .singleElement()
        .satisfies(e -> assertThat(e.name()).isEqualTo("alerts.yaml"));
    assertThat(config.restoreLatest("alerts.yaml"))
        .hasValueSatisfying(
            bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("v2"));
  }

  @Test
  void tasks_refuse_missing_parts_by_name() {
    assertThatThrownBy(() -> new BackupTask(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("backups");
    assertThatThrownBy(() -> CleanupTask.builder().build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("jobRuns");
    assertThatThrownBy(() -> new DirectoryReportSink(dir).write("../escape.md", "x"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("name");
  }
}
