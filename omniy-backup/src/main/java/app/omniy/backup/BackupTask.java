package app.omniy.backup;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.backup.BackupRetention;
import app.omniy.core.backup.BackupSummary;
import app.omniy.core.backup.spi.LastBackup;
import app.omniy.core.backup.spi.StoreBackup;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.maintenance.spi.JobContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The 03:00 JST backup (MNT-1, BAK-1): takes and verifies a backup through the store's {@link
 * StoreBackup} (e.g. {@code FirestoreStoreBackup}), then deletes the backups retention says have
 * expired (30 days by default). A backup that fails verification fails the run, which alerts
 * (MNT-3).
 *
 * <p>It is also a {@link LastBackup} for the health check: it remembers when the last backup this
 * runtime took succeeded. With several runtimes only the one that ran the job knows; a host that
 * needs every runtime to know answers {@code LastBackup} from the backup target instead.
 */
public final class BackupTask implements BuiltInTask, LastBackup {
  private final StoreBackup backups;
  private final BackupRetention retention;
  private final AtomicReference<Instant> last = new AtomicReference<>();

  /** Backups through {@code backups}, kept for {@link BackupRetention#GUIDE} (30 days). */
  public BackupTask(StoreBackup backups) {
    this(backups, BackupRetention.GUIDE);
  }

  /**
   * Backups through {@code backups}, kept for {@code retention}.
   *
   * @throws InvalidValueException if an argument is missing
   */
  public BackupTask(StoreBackup backups, BackupRetention retention) {
    this.backups = Require.nonNull(backups, "backups");
    this.retention = Require.nonNull(retention, "retention");
  }

  @Override
  public String jobId() {
    return JobIds.DAILY_BACKUP;
  }

  @Override
  public String name() {
    return "backup";
  }

  /** Backs up at the run's start, then applies retention; says what it wrote and deleted. */
  @Override
  public String run(JobContext context) {
    BackupSummary summary = backups.backup(context.started());
    last.set(summary.takenAt());
    List<String> deleted = backups.deleteExpired(retention, context.started());
    return summary.backupId()
        + ": "
        + summary.documents()
        + " documents in "
        + summary.files()
        + " files ("
        + summary.bytes()
        + " bytes), verified; "
        + (deleted.isEmpty() ? "none expired" : "deleted " + String.join(", ", deleted));
  }

  @Override
  public Optional<Instant> lastSuccessfulBackup() {
    return Optional.ofNullable(last.get());
  }
}
