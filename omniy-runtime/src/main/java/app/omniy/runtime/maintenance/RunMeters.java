package app.omniy.runtime.maintenance;

import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.MaintenanceJob;
import app.omniy.core.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code omniy.maintenance.runs{job, outcome}} (MNT-3). Every counter is registered up front at
 * zero: the alert runtime's bridge treats what a meter counted before its first poll as history, so
 * a miss counted on a meter that appeared just before that poll would be lost.
 */
final class RunMeters {
  private static final List<String> OUTCOMES =
      List.of(MetricNames.OUTCOME_SUCCESS, MetricNames.OUTCOME_FAILURE, MetricNames.OUTCOME_MISSED);

  private final Map<String, Counter> counters = new HashMap<>();

  RunMeters(MeterRegistry registry, List<MaintenanceJob> jobs) {
    for (MaintenanceJob job : jobs) {
      for (String outcome : OUTCOMES) {
        counters.put(
            job.id() + " " + outcome,
            Counter.builder(MetricNames.MAINTENANCE_RUNS)
                .description("maintenance job occurrences that ended, by outcome (MNT-3)")
                .tag(MetricNames.TAG_JOB, job.id())
                .tag(MetricNames.TAG_OUTCOME, outcome)
                .register(registry));
      }
    }
  }

  void count(JobRun run) {
    String outcome =
        switch (run.outcome()) {
          case SUCCEEDED -> MetricNames.OUTCOME_SUCCESS;
          case MISSED -> MetricNames.OUTCOME_MISSED;
          case FAILED, RUNNING -> MetricNames.OUTCOME_FAILURE;
        };
    counters.get(run.jobId() + " " + outcome).increment();
  }
}
