package app.omniy.runtime.maintenance;

import static app.omniy.runtime.maintenance.MaintenanceFixtures.entry;
import static app.omniy.runtime.maintenance.MaintenanceFixtures.jst;
import static app.omniy.runtime.maintenance.MaintenanceFixtures.runTogetherUntil;
import static app.omniy.runtime.maintenance.MaintenanceFixtures.runUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MNT-3 after an outage across several occurrences: each missed occurrence is recorded and counted
 * once, whichever runtimes come back, and the job runs once to catch up (the latest occurrence,
 * while its window is open), not once per missed occurrence.
 */
class MissedOccurrencesTest {
  private static final List<String> BACKUP = List.of(JobIds.DAILY_BACKUP);

  private final MaintenanceFixtures fixtures = MaintenanceFixtures.create();
  private final InMemoryJobLeaseStore leases = new InMemoryJobLeaseStore();
  private final InMemoryJobRunStore runs = new InMemoryJobRunStore();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SettableClock clock = SettableClock.at(jst("2026-04-08T02:50:00"));
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @BeforeEach
  void backUpOnTheEighthThenGoDown() {
    MaintenanceScheduler before = fixtures.scheduler(clock, BACKUP, leases, runs, registry, "a");
    before.tick();
    runUntil(clock, jst("2026-04-08T03:10:00"), Duration.ofMinutes(5), before);
    assertThat(fixtures.ran).containsExactly(entry(JobIds.DAILY_BACKUP, "2026-04-08T03:00:00"));
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private double count(String outcome) {
    return registry
        .counter(
            MetricNames.MAINTENANCE_RUNS,
            MetricNames.TAG_JOB,
            JobIds.DAILY_BACKUP,
            MetricNames.TAG_OUTCOME,
            outcome)
        .count();
  }

  private List<Object> history() {
    return runs.history(JobIds.DAILY_BACKUP, 10).stream()
        .<Object>map(run -> tuple(run.due(), run.outcome()))
        .toList();
  }

  @Test
  void down_across_two_backups_each_is_recorded_missed_and_the_backup_runs_once_to_catch_up() {
    clock.set(jst("2026-04-11T03:30:00")); // back within the 11th's hour of grace
    MaintenanceScheduler restarted = fixtures.scheduler(clock, BACKUP, leases, runs, registry, "b");

    List<JobRun> finished = restarted.tick();

    assertThat(finished)
        .extracting(JobRun::due, JobRun::outcome)
        .containsExactly(
            tuple(jst("2026-04-09T03:00:00"), JobOutcome.MISSED),
            tuple(jst("2026-04-10T03:00:00"), JobOutcome.MISSED),
            tuple(jst("2026-04-11T03:00:00"), JobOutcome.SUCCEEDED));
    assertThat(finished.get(0).error())
        .isEqualTo(
            "not run between 2026-04-08T18:00:00Z and 2026-04-08T19:00:00Z (every runtime was"
                + " down?)");
    assertThat(fixtures.ran)
        .containsExactly(
            entry(JobIds.DAILY_BACKUP, "2026-04-08T03:00:00"),
            entry(JobIds.DAILY_BACKUP, "2026-04-11T03:30:00"));
    assertThat(count(MetricNames.OUTCOME_MISSED)).isEqualTo(2);
    assertThat(count(MetricNames.OUTCOME_SUCCESS)).isEqualTo(2);
    assertThat(restarted.tick()).as("reported once").isEmpty();
    assertThat(fixtures.scheduler(clock, BACKUP, leases, runs, registry, "c").tick())
        .as("nor by a runtime started afterwards")
        .isEmpty();
  }

  @Test
  void back_after_the_latest_window_too_every_occurrence_is_missed_and_nothing_runs() {
    clock.set(jst("2026-04-11T05:00:00"));
    MaintenanceScheduler restarted = fixtures.scheduler(clock, BACKUP, leases, runs, registry, "b");

    assertThat(restarted.tick())
        .extracting(JobRun::due, JobRun::outcome)
        .containsExactly(
            tuple(jst("2026-04-09T03:00:00"), JobOutcome.MISSED),
            tuple(jst("2026-04-10T03:00:00"), JobOutcome.MISSED),
            tuple(jst("2026-04-11T03:00:00"), JobOutcome.MISSED));
    assertThat(fixtures.ran).hasSize(1);
    assertThat(count(MetricNames.OUTCOME_MISSED)).isEqualTo(3);

    clock.set(jst("2026-04-12T03:00:00"));
    assertThat(restarted.tick())
        .extracting(JobRun::due, JobRun::outcome)
        .containsExactly(tuple(jst("2026-04-12T03:00:00"), JobOutcome.SUCCEEDED));
  }

  @Test
  void two_runtimes_coming_back_together_record_each_miss_once_and_run_the_catch_up_once()
      throws Exception {
    clock.set(jst("2026-04-11T03:29:00"));
    List<MaintenanceScheduler> restarted =
        List.of(
            fixtures.scheduler(clock, BACKUP, leases, runs, registry, "b"),
            fixtures.scheduler(clock, BACKUP, leases, runs, registry, "c"));

    runTogetherUntil(clock, jst("2026-04-11T03:40:00"), Duration.ofMinutes(1), pool, restarted);

    assertThat(history())
        .containsExactly(
            tuple(jst("2026-04-11T03:00:00"), JobOutcome.SUCCEEDED),
            tuple(jst("2026-04-10T03:00:00"), JobOutcome.MISSED),
            tuple(jst("2026-04-09T03:00:00"), JobOutcome.MISSED),
            tuple(jst("2026-04-08T03:00:00"), JobOutcome.SUCCEEDED));
    assertThat(fixtures.ran).hasSize(2);
    assertThat(count(MetricNames.OUTCOME_MISSED)).isEqualTo(2);
  }

  @Test
  void a_run_left_running_before_the_outage_fails_as_abandoned_and_the_rest_are_missed() {
    Instant due = jst("2026-04-09T03:00:00");
    leases.claim(JobIds.DAILY_BACKUP, due, "dead", due, due.plus(Duration.ofHours(2)));
    runs.save(JobRun.running(JobIds.DAILY_BACKUP, due, "dead", due));
    clock.set(jst("2026-04-11T03:30:00"));
    MaintenanceScheduler survivor = fixtures.scheduler(clock, BACKUP, leases, runs, registry, "b");

    assertThat(survivor.tick())
        .extracting(JobRun::due, JobRun::outcome)
        .containsExactly(
            tuple(due, JobOutcome.FAILED),
            tuple(jst("2026-04-10T03:00:00"), JobOutcome.MISSED),
            tuple(jst("2026-04-11T03:00:00"), JobOutcome.SUCCEEDED));
    assertThat(runs.find(JobIds.DAILY_BACKUP, due).orElseThrow().error())
        .startsWith("abandoned: the runtime dead stopped");
    assertThat(count(MetricNames.OUTCOME_FAILURE)).isEqualTo(1);
    assertThat(count(MetricNames.OUTCOME_MISSED)).isEqualTo(1);
  }
}
