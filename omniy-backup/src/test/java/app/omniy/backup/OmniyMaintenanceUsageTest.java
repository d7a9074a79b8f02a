package app.omniy.backup;

import static app.omniy.backup.TaskFixtures.jst;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.spi.JobLeaseStore;
import app.omniy.core.maintenance.spi.JobRunStore;
import app.omniy.core.memory.InMemoryJobLeaseStore;
import app.omniy.core.memory.InMemoryJobRunStore;
import app.omniy.core.post.spi.Publisher;
import app.omniy.runtime.Omniy;
import app.omniy.runtime.maintenance.MaintenanceScheduler;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The snippet of docs/maintenance.md's "In the runtime", compiled and run. */
class OmniyMaintenanceUsageTest {

  @Test
  void the_runtime_runs_the_built_in_backup_at_three_jst() throws Exception {
    SettableClock clock = SettableClock.at(jst("2026-04-10T02:59:00"));
    Publisher publisher = new ScriptedPublisher();
    RecordingStoreBackup storeBackup = new RecordingStoreBackup();
    JobLeaseStore leases = new InMemoryJobLeaseStore();
    JobRunStore runs = new InMemoryJobRunStore();

    // --- snippet start
    Omniy omniy =
        Omniy.builder()
            .publisher(publisher)
            .clock(clock)
            .maintenance(
                m ->
                    m.task(new BackupTask(storeBackup)) // 03:00 JST (BAK-1)
                        .task(new RestoreTestTask(storeBackup)) // the 15th (BAK-3)
                        .leases(leases) // shared by the runtimes: FirestoreJobLeaseStore
                        .runs(runs)) // the run history: FirestoreJobRunStore
            .start();
    // --- snippet end

    try (omniy) {
      MaintenanceScheduler maintenance = omniy.maintenance().orElseThrow();
      assertThat(maintenance.nextDue(clock.instant())).contains(jst("2026-04-10T03:00:00"));
      clock.set(jst("2026-04-10T03:00:00"));
      // The runtime's thread ticks at least once a minute; tick() runs the due job now.
      maintenance.tick();
      JobRun run = runs.history(JobIds.DAILY_BACKUP, 1).get(0);
      assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
      assertThat(storeBackup.ids).containsExactly("20260409T180000Z");
      assertThat(maintenance.history(JobIds.DAILY_BACKUP, 10)).hasSize(1);
      assertThat(Duration.between(run.due(), run.started())).isZero();
    }
  }
}
