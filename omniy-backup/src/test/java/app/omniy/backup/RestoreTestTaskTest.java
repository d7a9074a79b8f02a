package app.omniy.backup;

import static app.omniy.backup.TaskFixtures.jst;
import static app.omniy.backup.TaskFixtures.runAt;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.backup.RestoreCheck;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.runtime.maintenance.MaintenanceScheduler;
import app.omniy.testkit.SettableClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The monthly restore test on its calendar job (MNT-2, BAK-3), run by the scheduler at 09:00 JST on
 * the 15th on a settable clock; the JVM runs in America/New_York. A failed run counts on {@code
 * omniy.maintenance.runs}, which the MNT-3 rule reads.
 */
class RestoreTestTaskTest {
  private final TaskFixtures fixtures = new TaskFixtures();
  private final RecordingStoreBackup backups = new RecordingStoreBackup();

  @Test
  void the_restore_test_on_the_15th_restores_the_newest_backup_and_passes_when_identical() {
    SettableClock clock = SettableClock.at(jst("2026-04-15T08:59:00"));
    backups.ids.add("20260413T180000Z");
    backups.ids.add("20260414T180000Z");
    backups.restoreAnswer = new RestoreCheck("20260414T180000Z", 1_200, 0, List.of(), 3);
    MaintenanceScheduler s = fixtures.scheduler(clock, new RestoreTestTask(backups));
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
    MaintenanceScheduler s = fixtures.scheduler(clock, new RestoreTestTask(backups));
    s.tick();

    JobRun run = runAt(clock, s, "2026-04-15T09:00:00");

    assertThat(run.outcome()).isEqualTo(JobOutcome.FAILED);
    assertThat(run.error())
        .isEqualTo(
            "restore-test: TaskFailedException: backup 20260414T180000Z restored with 2"
                + " difference(s) from the backup: posts/p-1 caption: backup \"a\", copy \"b\";"
                + " posts/p-2: missing in copy");
    assertThat(fixtures.failures(JobIds.MONTHLY_AUDIT)).isEqualTo(1);
  }

  @Test
  void a_restore_test_without_any_backup_fails() {
    SettableClock clock = SettableClock.at(jst("2026-04-15T08:59:00"));
    MaintenanceScheduler s = fixtures.scheduler(clock, new RestoreTestTask(backups));
    s.tick();

    JobRun run = runAt(clock, s, "2026-04-15T09:00:00");

    assertThat(run.outcome()).isEqualTo(JobOutcome.FAILED);
    assertThat(run.error()).contains("no backup to restore");
    assertThat(backups.restored).isEmpty();
  }
}
