package app.omniy.runtime.maintenance;

import static app.omniy.runtime.maintenance.MaintenanceFixtures.DAILY;
import static app.omniy.runtime.maintenance.MaintenanceFixtures.jst;
import static app.omniy.runtime.maintenance.MaintenanceFixtures.runUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.memory.InMemoryJobLeaseStore;
import app.omniy.core.memory.InMemoryJobRunStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.runtime.alert.NotificationDispatcher;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MNT-3: every run recorded; a failed or missed run alerts; a dead runtime's run is handled. */
class MaintenanceFailuresTest {
  private final MaintenanceFixtures fixtures = MaintenanceFixtures.create();
  private final InMemoryJobLeaseStore leases = new InMemoryJobLeaseStore();
  private final InMemoryJobRunStore runs = new InMemoryJobRunStore();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ExecutorService deliveries = Executors.newFixedThreadPool(2);
  private final List<String> sent = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    deliveries.shutdownNow();
  }

  private double count(String job, String outcome) {
    return registry
        .counter(MetricNames.MAINTENANCE_RUNS, MetricNames.TAG_JOB, job, "outcome", outcome)
        .count();
  }

  private Notifier recording(String channel) {
    return event -> sent.add(channel + " " + event.kind() + " " + event.key());
  }

  private AlertRuntime alerts(SettableClock clock) {
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(
            Map.of(Channel.SLACK, recording("slack"), Channel.EMAIL, recording("email")),
            null,
            0,
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            deliveries);
    return AlertRuntime.builder(clock, dispatcher)
        .rules(DefaultAlertRules.all())
        .registry(registry)
        .build();
  }

  @Test
  void a_runtime_down_at_the_backup_time_beyond_the_grace_records_a_miss_that_fires_mnt_3() {
    SettableClock clock = SettableClock.at(jst("2026-04-09T02:50:00"));
    MaintenanceScheduler before = fixtures.scheduler(clock, DAILY, leases, runs, registry, "a");
    AlertRuntime alerts = alerts(clock);
    before.tick();
    alerts.tick();
    runUntil(clock, jst("2026-04-10T02:55:00"), Duration.ofMinutes(5), before);
    assertThat(fixtures.ran).hasSize(4);

    // Down from 02:55 on the 10th; restarted at 04:30, past the backup's hour of grace.
    clock.set(jst("2026-04-10T04:30:00"));
    MaintenanceScheduler restarted = fixtures.scheduler(clock, DAILY, leases, runs, registry, "b");
    List<JobRun> finished = restarted.tick();

    assertThat(finished)
        .extracting(JobRun::jobId, JobRun::outcome)
        .containsExactly(
            tuple(JobIds.DAILY_BACKUP, JobOutcome.MISSED),
            tuple(JobIds.DAILY_LOG_CLEANUP, JobOutcome.SUCCEEDED));
    JobRun missed = runs.find(JobIds.DAILY_BACKUP, jst("2026-04-10T03:00:00")).orElseThrow();
    assertThat(missed.error()).contains("not run between 2026-04-09T18:00:00Z");
    assertThat(count(JobIds.DAILY_BACKUP, MetricNames.OUTCOME_MISSED)).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    alerts.tick();

    assertThat(sent)
        .containsExactlyInAnyOrder(
            "slack FIRED MNT-3{job=daily-backup}", "email FIRED MNT-3{job=daily-backup}");
    assertThat(restarted.tick()).as("reported once").isEmpty();
  }

  @Test
  void a_failing_task_fails_the_run_the_others_still_run_and_mnt_3_fires() {
    SettableClock clock = SettableClock.at(jst("2026-04-15T08:00:00"));
    MaintenanceScheduler scheduler =
        MaintenanceScheduler.builder(clock)
            .leases(leases)
            .runs(runs)
            .registry(registry)
            .task(
                JobIds.MONTHLY_AUDIT,
                "key-rotation",
                context -> {
                  throw new IOException("KMS unreachable");
                })
            .task(JobIds.MONTHLY_AUDIT, "restore-test", context -> "restored 1200 documents")
            .build();
    AlertRuntime alerts = alerts(clock);
    scheduler.tick();
    alerts.tick();

    clock.set(jst("2026-04-15T09:00:00"));
    JobRun run = scheduler.tick().get(0);

    assertThat(run.outcome()).isEqualTo(JobOutcome.FAILED);
    assertThat(run.output())
        .isEqualTo("key-rotation: failed\nrestore-test: restored 1200 documents");
    assertThat(run.error()).isEqualTo("key-rotation: IOException: KMS unreachable");
    assertThat(run.finishedAt()).contains(jst("2026-04-15T09:00:00"));
    assertThat(scheduler.history(JobIds.MONTHLY_AUDIT, 5)).containsExactly(run);
    assertThat(count(JobIds.MONTHLY_AUDIT, MetricNames.OUTCOME_FAILURE)).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    alerts.tick();
    assertThat(sent).contains("slack FIRED MNT-3{job=monthly-audit}");
  }

  @Test
  void a_run_whose_runtime_died_is_taken_over_once_its_lease_lapses_within_the_window() {
    Instant due = jst("2026-04-10T03:00:00");
    leases.claim(JobIds.DAILY_BACKUP, jst("2026-04-09T03:00:00"), "a", due, due);
    leases.complete(JobIds.DAILY_BACKUP, jst("2026-04-09T03:00:00"), "a");
    leases.claim(JobIds.DAILY_BACKUP, due, "dead", due, due.plus(Duration.ofMinutes(30)));
    runs.save(JobRun.running(JobIds.DAILY_BACKUP, due, "dead", due));
    SettableClock clock = SettableClock.at(due.plus(Duration.ofMinutes(29)));
    MaintenanceScheduler survivor =
        MaintenanceScheduler.builder(clock)
            .leases(leases)
            .runs(runs)
            .registry(registry)
            .owner("b")
            .leaseDuration(Duration.ofMinutes(30))
            .task(JobIds.DAILY_BACKUP, "record", fixtures.recording())
            .build();

    assertThat(survivor.tick()).as("the lease is still live").isEmpty();
    clock.set(due.plus(Duration.ofMinutes(30)));
    assertThat(survivor.tick())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.owner()).isEqualTo("b");
              assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
            });
    assertThat(fixtures.ran).containsExactly("daily-backup " + due.plus(Duration.ofMinutes(30)));
  }

  @Test
  void a_run_whose_runtime_died_is_failed_as_abandoned_once_its_window_is_over() {
    Instant due = jst("2026-04-10T04:00:00");
    leases.claim(JobIds.DAILY_LOG_CLEANUP, due, "dead", due, due.plus(Duration.ofHours(2)));
    runs.save(JobRun.running(JobIds.DAILY_LOG_CLEANUP, due, "dead", due));
    SettableClock clock = SettableClock.at(due.plus(Duration.ofHours(2)));
    MaintenanceScheduler survivor =
        fixtures.scheduler(clock, List.of(JobIds.DAILY_LOG_CLEANUP), leases, runs, registry, "b");

    JobRun run = survivor.tick().get(0);

    assertThat(run.outcome()).isEqualTo(JobOutcome.FAILED);
    assertThat(run.owner()).isEqualTo("dead");
    assertThat(run.error()).startsWith("abandoned: the runtime dead stopped");
    assertThat(fixtures.ran).isEmpty();
    assertThat(count(JobIds.DAILY_LOG_CLEANUP, MetricNames.OUTCOME_FAILURE)).isEqualTo(1);
  }

  @Test
  void a_run_left_running_by_a_runtime_that_never_came_back_fails_when_the_next_one_starts() {
    Instant due = jst("2026-04-10T03:00:00");
    leases.claim(JobIds.DAILY_BACKUP, due, "dead", due, due.plus(Duration.ofHours(2)));
    runs.save(JobRun.running(JobIds.DAILY_BACKUP, due, "dead", due));
    SettableClock clock = SettableClock.at(jst("2026-04-11T03:00:00"));
    MaintenanceScheduler survivor =
        fixtures.scheduler(clock, List.of(JobIds.DAILY_BACKUP), leases, runs, registry, "b");

    assertThat(survivor.tick())
        .extracting(JobRun::due, JobRun::outcome)
        .containsExactly(
            tuple(due, JobOutcome.FAILED), tuple(jst("2026-04-11T03:00:00"), JobOutcome.SUCCEEDED));
    assertThat(runs.find(JobIds.DAILY_BACKUP, due).orElseThrow().error())
        .startsWith("abandoned: the runtime dead stopped");
    assertThat(count(JobIds.DAILY_BACKUP, MetricNames.OUTCOME_FAILURE)).isEqualTo(1);
  }

  @Test
  void tasks_for_jobs_the_calendar_does_not_have_and_duplicate_names_are_rejected() {
    SettableClock clock = SettableClock.at(Instant.EPOCH);

    assertThatThrownBy(
            () ->
                MaintenanceScheduler.builder(clock)
                    .registry(new SimpleMeterRegistry())
                    .task("nightly", "x", c -> "")
                    .build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("jobId");
    assertThatThrownBy(
            () ->
                MaintenanceScheduler.builder(clock)
                    .registry(new SimpleMeterRegistry())
                    .task(JobIds.DAILY_BACKUP, "export", c -> "")
                    .task(JobIds.DAILY_BACKUP, "export", c -> ""))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("already a task of daily-backup");
  }

  @Test
  void a_scheduler_without_a_registry_is_refused_so_mnt_3_never_reads_no_data() {
    var builder =
        MaintenanceScheduler.builder(SettableClock.at(Instant.EPOCH))
            .task(JobIds.DAILY_BACKUP, "export", c -> "");

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("registry"))
        .hasMessageContaining("MNT-3");
  }

  @Test
  void started_on_an_executor_it_runs_what_is_due_and_waits_for_the_next_due_instant()
      throws Exception {
    SettableClock clock = SettableClock.at(jst("2026-04-10T03:00:00"));
    CountDownLatch ran = new CountDownLatch(1);
    MaintenanceScheduler scheduler =
        MaintenanceScheduler.builder(clock)
            .registry(registry)
            .task(
                JobIds.DAILY_BACKUP,
                "export",
                context -> {
                  ran.countDown();
                  return "exported";
                })
            .build();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      scheduler.start(executor);

      assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(scheduler.nextDue(clock.instant())).contains(jst("2026-04-11T03:00:00"));
      assertThatThrownBy(() -> scheduler.start(executor)).isInstanceOf(IllegalStateException.class);
    } finally {
      scheduler.close();
      executor.shutdownNow();
    }
    assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(scheduler.history(JobIds.DAILY_BACKUP, 1))
        .singleElement()
        .extracting(JobRun::output)
        .isEqualTo("export: exported");
  }
}
