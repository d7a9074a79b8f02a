package app.omniy.backup;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.backup.RestoreCheck;
import app.omniy.core.backup.spi.StoreBackup;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.TaskFailedException;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.maintenance.spi.JobContext;

/**
 * The monthly restore test on the 15th (MNT-2, BAK-3): restores the newest backup into the scratch
 * database the {@link StoreBackup} was given and compares. The run fails — and alerts (MNT-3) —
 * when there is no backup, a backup file is corrupted, or the restored copy differs from the
 * backup. Documents changed in the source since the backup are reported, not failed on: the source
 * moves on after 03:00.
 */
public final class RestoreTestTask implements BuiltInTask {
  private final StoreBackup backups;

  /**
   * @throws InvalidValueException if {@code backups} is missing
   */
  public RestoreTestTask(StoreBackup backups) {
    this.backups = Require.nonNull(backups, "backups");
  }

  @Override
  public String jobId() {
    return JobIds.MONTHLY_AUDIT;
  }

  @Override
  public String name() {
    return "restore-test";
  }

  /**
   * @throws TaskFailedException when there is nothing to restore or the copy differs
   */
  @Override
  public String run(JobContext context) {
    String latest =
        backups.latest().orElseThrow(() -> new TaskFailedException("no backup to restore (BAK-3)"));
    RestoreCheck check = backups.restoreTest(latest);
    if (!check.identical()) {
      throw new TaskFailedException(
          "backup "
              + latest
              + " restored with "
              + check.differenceCount()
              + " difference(s) from the backup: "
              + String.join("; ", check.differences()));
    }
    return "backup "
        + latest
        + " restored into the scratch database: "
        + check.documents()
        + " documents, identical to the backup; "
        + check.changedSinceBackup()
        + " difference(s) from the source, changed since the backup";
  }
}
