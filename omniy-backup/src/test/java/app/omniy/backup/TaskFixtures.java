package app.omniy.backup;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.memory.InMemoryJobLeaseStore;
import app.omniy.core.memory.InMemoryJobRunStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.runtime.maintenance.MaintenanceScheduler;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * What the backup task tests share: JST times, and a scheduler over in-memory stores that runs the
 * tasks on their calendar jobs, counting failed runs on {@code omniy.maintenance.runs} (MNT-3).
 */
final class TaskFixtures {
  final InMemoryJobRunStore runs = new InMemoryJobRunStore();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** {@code local}, e.g. {@code 2026-04-10T03:00:00}, read as a time in Japan. */
  static Instant jst(String local) {
    return OffsetDateTime.parse(local + "+09:00").toInstant();
  }

  MaintenanceScheduler scheduler(SettableClock clock, BuiltInTask... tasks) {
    MaintenanceScheduler.Builder builder =
        MaintenanceScheduler.builder(clock)
            .leases(new InMemoryJobLeaseStore())
            .runs(runs)
            .registry(registry);
    Arrays.stream(tasks).forEach(builder::task);
    return builder.build();
  }

  double failures(String job) {
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
  static JobRun runAt(SettableClock clock, MaintenanceScheduler s, String jstLocal) {
    clock.set(jst(jstLocal));
    List<JobRun> ended = s.tick();
    assertThat(ended).hasSize(1);
    return ended.get(0);
  }
}
