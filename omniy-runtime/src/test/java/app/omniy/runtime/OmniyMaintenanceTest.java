package app.omniy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.Channel;
import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.spi.JobContext;
import app.omniy.core.maintenance.spi.MaintenanceTask;
import app.omniy.core.memory.InMemoryJobLeaseStore;
import app.omniy.core.memory.InMemoryJobRunStore;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.testkit.Await;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The maintenance scheduler wired into {@code Omniy.builder()} (MNT-1, MNT-3): two runtimes on one
 * settable clock share in-memory lease and run stores and tick on their own threads; the 03:00 JST
 * backup runs once, at 03:00 JST, though the JVM's zone is New York on the day its clocks went
 * forward.
 */
class OmniyMaintenanceTest {
  // 2026-03-09 03:00 JST = 2026-03-08 18:00 UTC = 14:00 in New York, 11 hours after its DST change.
  private static final Instant BACKUP_DUE =
      OffsetDateTime.parse("2026-03-09T03:00:00+09:00").toInstant();

  private final SettableClock clock = SettableClock.at(BACKUP_DUE.minusMillis(1));
  private final InMemoryJobLeaseStore leases = new InMemoryJobLeaseStore();
  private final InMemoryJobRunStore runs = new InMemoryJobRunStore();
  private final List<JobContext> ran = new CopyOnWriteArrayList<>();
  private final List<Omniy> runtimes = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    runtimes.forEach(Omniy::close);
  }

  private Omniy runtime(String owner, SimpleMeterRegistry registry) {
    MaintenanceTask backup =
        context -> {
          ran.add(context);
          return "backed up by " + owner;
        };
    Omniy omniy =
        Omniy.builder()
            .publisher(new ScriptedPublisher())
            .store(new InMemoryPostStore())
            .clock(clock)
            .meterRegistry(registry)
            .settings(DispatchSettings.defaults(owner))
            .maintenance(
                m ->
                    m.task(JobIds.DAILY_BACKUP, "backup", backup)
                        .leases(leases)
                        .runs(runs)
                        .pollEvery(Duration.ofMillis(5)))
            .start();
    runtimes.add(omniy);
    return omniy;
  }

  private static double successes(MeterRegistry registry) {
    return runsCounted(registry, MetricNames.OUTCOME_SUCCESS);
  }

  private static double runsCounted(MeterRegistry registry, String outcome) {
    return registry
        .counter(
            MetricNames.MAINTENANCE_RUNS,
            MetricNames.TAG_JOB,
            JobIds.DAILY_BACKUP,
            MetricNames.TAG_OUTCOME,
            outcome)
        .count();
  }

  /**
   * The scheduler records a run in the run store before it counts it in the meters, so a test that
   * reads the meters waits for them too.
   */
  private static void awaitCounted(String what, DoubleSupplier count, double expected) {
    Await.until(what, () -> count.getAsDouble() >= expected);
    assertThat(count.getAsDouble()).as(what).isEqualTo(expected);
  }

  private List<JobRun> awaitRuns(int n) {
    return Await.until(
        n + " runs are recorded and the last one finished",
        Await.DEFAULT_TIMEOUT,
        () -> runs.history(JobIds.DAILY_BACKUP, 10),
        history -> history.size() >= n && history.get(0).outcome() != JobOutcome.RUNNING);
  }

  @Test
  void two_runtimes_sharing_the_stores_run_the_backup_once_at_three_jst() throws Exception {
    assertThat(TimeZone.getDefault().getID()).isEqualTo("America/New_York");
    SimpleMeterRegistry registryA = new SimpleMeterRegistry();
    SimpleMeterRegistry registryB = new SimpleMeterRegistry();
    Omniy a = runtime("runtime-a", registryA);
    Omniy b = runtime("runtime-b", registryB);

    Thread.sleep(200); // dozens of ticks each, a millisecond before the due instant
    assertThat(ran).isEmpty();
    assertThat(runs.history(JobIds.DAILY_BACKUP, 10)).isEmpty();

    clock.set(BACKUP_DUE);
    List<JobRun> history = awaitRuns(1);
    awaitCounted("successful runs counted", () -> successes(registryA) + successes(registryB), 1);
    Thread.sleep(200); // let the other runtime tick many more times at the same instant

    assertThat(ran).singleElement().satisfies(c -> assertThat(c.due()).isEqualTo(BACKUP_DUE));
    assertThat(runs.history(JobIds.DAILY_BACKUP, 10)).isEqualTo(history);
    JobRun run = history.get(0);
    assertThat(run.due()).isEqualTo(BACKUP_DUE);
    assertThat(run.started()).isEqualTo(BACKUP_DUE);
    assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
    assertThat(run.owner()).isIn("runtime-a", "runtime-b");
    assertThat(run.output()).isEqualTo("backup: backed up by " + run.owner());
    // Each runtime counts in its own registry (what its alert engine reads); once in all.
    assertThat(successes(registryA) + successes(registryB)).isEqualTo(1);
    assertThat(a.maintenance().orElseThrow().owner()).isEqualTo("runtime-a");
    assertThat(b.maintenance().orElseThrow().nextDue(BACKUP_DUE))
        .contains(BACKUP_DUE.plus(Duration.ofDays(1)));
  }

  @Test
  void the_next_day_runs_again_once_and_a_closed_runtime_runs_nothing() throws Exception {
    Omniy a = runtime("runtime-a", new SimpleMeterRegistry());
    clock.set(BACKUP_DUE);
    awaitRuns(1);
    a.close();

    clock.set(BACKUP_DUE.plus(Duration.ofDays(1)));
    Thread.sleep(100);
    assertThat(ran).hasSize(1);

    runtime("runtime-b", new SimpleMeterRegistry());
    List<JobRun> history = awaitRuns(2);

    assertThat(history)
        .extracting(JobRun::due, JobRun::owner)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BACKUP_DUE.plus(Duration.ofDays(1)), "runtime-b"),
            org.assertj.core.groups.Tuple.tuple(BACKUP_DUE, "runtime-a"));
    assertThat(ran).hasSize(2);
  }

  @Test
  void a_failed_run_fires_mnt_3_through_the_runtimes_own_alert_engine() throws Exception {
    List<String> sent = new CopyOnWriteArrayList<>();
    Omniy omniy =
        Omniy.builder()
            .publisher(new ScriptedPublisher())
            .clock(clock)
            .notifier(Channel.SLACK, event -> sent.add(event.kind() + " " + event.key()))
            .alertEvery(Duration.ofHours(1)) // ticked by hand below
            .maintenance(
                m ->
                    m.task(
                            JobIds.DAILY_BACKUP,
                            "backup",
                            context -> {
                              throw new IllegalStateException("bucket unreachable");
                            })
                        .leases(leases)
                        .runs(runs)
                        .pollEvery(Duration.ofMillis(5)))
            .start();
    runtimes.add(omniy);
    omniy.alerts().orElseThrow().tick();

    clock.set(BACKUP_DUE);
    JobRun failed = awaitRuns(1).get(0);
    assertThat(failed.outcome()).isEqualTo(JobOutcome.FAILED);
    assertThat(failed.error()).isEqualTo("backup: IllegalStateException: bucket unreachable");
    awaitCounted(
        "failed runs counted",
        () -> runsCounted(omniy.meterRegistry(), MetricNames.OUTCOME_FAILURE),
        1);
    clock.advance(Duration.ofMinutes(1));
    omniy.alerts().orElseThrow().tick();
    Await.until("MNT-3 is sent", () -> !sent.isEmpty());

    assertThat(sent).containsExactly("FIRED MNT-3{job=daily-backup}");
  }

  @Test
  void the_smallest_host_has_no_maintenance_and_a_task_for_an_unknown_job_is_refused() {
    Omniy plain = Omniy.builder().publisher(new ScriptedPublisher()).start();
    runtimes.add(plain);
    assertThat(plain.maintenance()).isEmpty();

    assertThatThrownBy(
            () ->
                Omniy.builder()
                    .publisher(new ScriptedPublisher())
                    .maintenance(m -> m.task("hourly-nap", "nap", context -> "zzz"))
                    .start())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("hourly-nap");
  }
}
