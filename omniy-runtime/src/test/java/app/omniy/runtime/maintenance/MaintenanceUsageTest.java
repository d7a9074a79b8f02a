package app.omniy.runtime.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.spi.JobLeaseStore;
import app.omniy.core.maintenance.spi.JobRunStore;
import app.omniy.core.maintenance.spi.MaintenanceTask;
import app.omniy.core.memory.InMemoryJobLeaseStore;
import app.omniy.core.memory.InMemoryJobRunStore;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snippet of docs/maintenance.md, compiled and run: the restore test on the 15th (BAK-3). */
class MaintenanceUsageTest {

  @Test
  void the_restore_test_registered_on_the_monthly_audit_runs_on_the_15th_at_nine_jst() {
    SettableClock clock =
        SettableClock.at(OffsetDateTime.parse("2026-04-15T08:59:00+09:00").toInstant());
    MeterRegistry registry = new SimpleMeterRegistry();
    JobLeaseStore leases = new InMemoryJobLeaseStore();
    JobRunStore runs = new InMemoryJobRunStore();
    MaintenanceTask backup = context -> "exported 1200 documents";
    MaintenanceTask restoreTest = context -> "restored " + context.due() + "'s backup: identical";

    // --- snippet start
    MaintenanceScheduler maintenance =
        MaintenanceScheduler.builder(clock)
            .task(JobIds.DAILY_BACKUP, "firestore-export", backup) // 03:00 JST
            .task(JobIds.MONTHLY_AUDIT, "restore-test", restoreTest) // the 15th (BAK-3)
            .leases(leases) // shared by every runtime: each occurrence runs once
            .runs(runs) // the run history (MNT-3)
            .registry(registry) // omniy.maintenance.runs, read by the MNT-3 alert rule
            .build();
    List<JobRun> finished = maintenance.tick(); // start(executor) does this at each due instant
    // --- snippet end

    assertThat(finished).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(maintenance.tick())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.jobId()).isEqualTo(JobIds.MONTHLY_AUDIT);
              assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
              assertThat(run.output())
                  .isEqualTo("restore-test: restored 2026-04-15T00:00:00Z's backup: identical");
            });
  }
}
