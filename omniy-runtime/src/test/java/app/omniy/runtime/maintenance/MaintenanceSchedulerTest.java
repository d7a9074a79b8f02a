package app.omniy.runtime.maintenance;

import static app.omniy.runtime.maintenance.MaintenanceFixtures.ALL;
import static app.omniy.runtime.maintenance.MaintenanceFixtures.DAILY;
import static app.omniy.runtime.maintenance.MaintenanceFixtures.entry;
import static app.omniy.runtime.maintenance.MaintenanceFixtures.jst;
import static app.omniy.runtime.maintenance.MaintenanceFixtures.runTogetherUntil;
import static app.omniy.runtime.maintenance.MaintenanceFixtures.runUntil;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.memory.InMemoryJobLeaseStore;
import app.omniy.core.memory.InMemoryJobRunStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * MNT-1, MNT-2: the jobs start at their JST instants whatever the host's zone (the JVM runs in New
 * York, and one test switches it to London), across daylight-saving changes, once per occurrence
 * with two runtimes on one store.
 */
class MaintenanceSchedulerTest {
  private final MaintenanceFixtures fixtures = MaintenanceFixtures.create();
  private final InMemoryJobLeaseStore leases = new InMemoryJobLeaseStore();
  private final InMemoryJobRunStore runs = new InMemoryJobRunStore();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private MaintenanceScheduler scheduler(SettableClock clock, List<String> jobs, String owner) {
    return fixtures.scheduler(clock, jobs, leases, runs, registry, owner);
  }

  /** Runs the daily jobs from noon JST on {@code from} for {@code days} days, in 5-minute ticks. */
  private List<String> dailyRuns(ZoneId clockZone, LocalDate from, int days) {
    Instant start = jst(from + "T12:00:00");
    SettableClock clock = SettableClock.at(start, clockZone);
    MaintenanceScheduler scheduler = scheduler(clock, DAILY, "a");
    scheduler.tick();
    runUntil(clock, start.plus(Duration.ofDays(days)), Duration.ofMinutes(5), scheduler);
    return fixtures.ran;
  }

  private static List<String> expectedDaily(LocalDate from, int days) {
    List<String> expected = new ArrayList<>();
    for (int d = 1; d <= days; d++) {
      String date = from.plusDays(d).toString();
      expected.add(entry(JobIds.DAILY_BACKUP, date + "T03:00:00"));
      expected.add(entry(JobIds.DAILY_LOG_CLEANUP, date + "T04:00:00"));
      expected.add(entry(JobIds.DAILY_SECURITY_SCAN, date + "T05:00:00"));
      expected.add(entry(JobIds.DAILY_PERFORMANCE_REPORT, date + "T06:00:00"));
    }
    return expected;
  }

  @Test
  void the_daily_jobs_start_at_three_four_five_and_six_jst_across_new_yorks_spring_change() {
    assertThat(TimeZone.getDefault().getID()).isEqualTo("America/New_York");
    LocalDate from = LocalDate.parse("2026-03-06"); // New York springs forward on 2026-03-08

    List<String> ran = dailyRuns(ZoneId.of("America/New_York"), from, 4);

    assertThat(ran).containsExactlyElementsOf(expectedDaily(from, 4));
    // 03:00 JST is 18:00 UTC every day: New York's change moves nothing.
    assertThat(ran)
        .contains(
            "daily-backup 2026-03-07T18:00:00Z",
            "daily-backup 2026-03-08T18:00:00Z",
            "daily-backup 2026-03-09T18:00:00Z");
  }

  @Test
  void the_daily_jobs_keep_their_jst_instants_across_new_yorks_autumn_change() {
    LocalDate from = LocalDate.parse("2026-10-30"); // New York falls back on 2026-11-01

    assertThat(dailyRuns(ZoneId.of("America/New_York"), from, 4))
        .containsExactlyElementsOf(expectedDaily(from, 4))
        .contains("daily-backup 2026-10-31T18:00:00Z", "daily-backup 2026-11-01T18:00:00Z");
  }

  @Test
  void the_daily_jobs_keep_their_jst_instants_when_the_host_runs_in_london_across_its_change() {
    TimeZone original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/London"));
    try {
      LocalDate from = LocalDate.parse("2026-03-27"); // London springs forward on 2026-03-29

      assertThat(dailyRuns(ZoneId.of("Europe/London"), from, 4))
          .containsExactlyElementsOf(expectedDaily(from, 4))
          .contains("daily-backup 2026-03-28T18:00:00Z", "daily-backup 2026-03-29T18:00:00Z");
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void the_weekly_and_monthly_jobs_start_on_their_days_at_nine_jst_over_a_month() {
    SettableClock clock = SettableClock.at(jst("2026-03-31T12:00:00"));
    MaintenanceScheduler scheduler = scheduler(clock, ALL, "a");
    scheduler.tick();

    runUntil(clock, jst("2026-05-01T00:00:00"), Duration.ofMinutes(30), scheduler);

    assertThat(fixtures.ran)
        .filteredOn(line -> !line.startsWith("daily-"))
        .containsExactly(
            entry(JobIds.WEEKLY_SECURITY_REVIEW, "2026-04-01T09:00:00"),
            entry(JobIds.MONTHLY_REPORT, "2026-04-01T09:00:00"),
            entry(JobIds.WEEKLY_CAPACITY_REVIEW, "2026-04-03T09:00:00"),
            entry(JobIds.WEEKLY_SYSTEM_REVIEW, "2026-04-06T09:00:00"),
            entry(JobIds.WEEKLY_SECURITY_REVIEW, "2026-04-08T09:00:00"),
            entry(JobIds.WEEKLY_CAPACITY_REVIEW, "2026-04-10T09:00:00"),
            entry(JobIds.WEEKLY_SYSTEM_REVIEW, "2026-04-13T09:00:00"),
            entry(JobIds.WEEKLY_SECURITY_REVIEW, "2026-04-15T09:00:00"),
            entry(JobIds.MONTHLY_AUDIT, "2026-04-15T09:00:00"),
            entry(JobIds.WEEKLY_CAPACITY_REVIEW, "2026-04-17T09:00:00"),
            entry(JobIds.WEEKLY_SYSTEM_REVIEW, "2026-04-20T09:00:00"),
            entry(JobIds.WEEKLY_SECURITY_REVIEW, "2026-04-22T09:00:00"),
            entry(JobIds.WEEKLY_CAPACITY_REVIEW, "2026-04-24T09:00:00"),
            entry(JobIds.MONTHLY_PLAN, "2026-04-25T09:00:00"),
            entry(JobIds.WEEKLY_SYSTEM_REVIEW, "2026-04-27T09:00:00"),
            entry(JobIds.WEEKLY_SECURITY_REVIEW, "2026-04-29T09:00:00"));
    assertThat(fixtures.ran).filteredOn(line -> line.startsWith("daily-backup ")).hasSize(30);
  }

  @Test
  void two_runtimes_ticking_together_on_one_store_run_each_occurrence_once() throws Exception {
    SettableClock clock = SettableClock.at(jst("2026-04-09T12:00:00"));
    List<MaintenanceScheduler> both =
        List.of(scheduler(clock, DAILY, "a"), scheduler(clock, DAILY, "b"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      runTogetherUntil(clock, jst("2026-04-11T12:00:00"), Duration.ofMinutes(10), pool, both);
    } finally {
      pool.shutdownNow();
    }

    assertThat(fixtures.ran).hasSize(8).doesNotHaveDuplicates();
    assertThat(registry.find(MetricNames.MAINTENANCE_RUNS).counters())
        .map(c -> c.getId().getTag(MetricNames.TAG_OUTCOME) + "=" + (long) c.count())
        .filteredOn(line -> !line.endsWith("=0"))
        .containsOnly("success=2");
    assertThat(runs.history(JobIds.DAILY_BACKUP, 10))
        .extracting(JobRun::outcome)
        .containsExactly(JobOutcome.SUCCEEDED, JobOutcome.SUCCEEDED);
  }

  @Test
  void installing_at_noon_reports_nothing_missed_and_a_start_within_the_grace_catches_up() {
    SettableClock clock = SettableClock.at(jst("2026-04-09T12:00:00"));
    MaintenanceScheduler scheduler = scheduler(clock, DAILY, "a");

    assertThat(scheduler.tick()).as("the morning's jobs were nobody's to run").isEmpty();

    clock.set(jst("2026-04-10T03:30:00")); // the runtime was down at 03:00, back within the grace
    List<JobRun> finished = scheduler.tick();

    assertThat(finished)
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.jobId()).isEqualTo(JobIds.DAILY_BACKUP);
              assertThat(run.due()).isEqualTo(jst("2026-04-10T03:00:00"));
              assertThat(run.started()).isEqualTo(jst("2026-04-10T03:30:00"));
              assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
              assertThat(run.output()).isEqualTo("record: ok");
            });
    assertThat(scheduler.tick()).as("once per occurrence").isEmpty();
  }
}
