package app.omniy.backup;

import static app.omniy.backup.TaskFixtures.jst;
import static app.omniy.backup.TaskFixtures.runAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.backup.BackupIds;
import app.omniy.core.backup.BackupVerificationException;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.runtime.maintenance.MaintenanceScheduler;
import app.omniy.testkit.SettableClock;
import org.junit.jupiter.api.Test;

/**
 * The backup task on its calendar job (MNT-1, BAK-1), run by the scheduler at 03:00 JST on a
 * settable clock; the JVM runs in America/New_York. A failed run counts on {@code
 * omniy.maintenance.runs}, which the MNT-3 rule reads (its firing is pinned in {@code
 * MaintenanceFailuresTest}).
 */
class BackupTaskTest {
  private final TaskFixtures fixtures = new TaskFixtures();
  private final RecordingStoreBackup backups = new RecordingStoreBackup();

  @Test
  void the_backup_runs_at_three_jst_is_named_after_that_instant_and_deletes_expired_backups() {
    SettableClock clock = SettableClock.at(jst("2026-04-10T02:59:59"));
    backups.ids.add(BackupIds.of(jst("2026-03-10T03:00:00"))); // 31 days old at 03:00 on the 10th
    backups.ids.add(BackupIds.of(jst("2026-03-12T03:00:00")));
    BackupTask task = new BackupTask(backups);
    MaintenanceScheduler s = fixtures.scheduler(clock, task);
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
    MaintenanceScheduler s = fixtures.scheduler(clock, task);
    s.tick();

    JobRun run = runAt(clock, s, "2026-04-10T03:00:00");

    assertThat(run.outcome()).isEqualTo(JobOutcome.FAILED);
    assertThat(run.error())
        .isEqualTo(
            "backup: BackupVerificationException: backup 20260409T180000Z,"
                + " file posts-00000.ndjson: is missing");
    assertThat(fixtures.failures(JobIds.DAILY_BACKUP)).isEqualTo(1);
    assertThat(task.lastSuccessfulBackup()).isEmpty();
  }

  @Test
  void the_backup_task_refuses_a_missing_store_backup_by_name() {
    assertThatThrownBy(() -> new BackupTask(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("backups");
  }
}
