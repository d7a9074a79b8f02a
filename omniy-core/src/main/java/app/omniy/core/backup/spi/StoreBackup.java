package app.omniy.core.backup.spi;

import app.omniy.core.backup.BackupRetention;
import app.omniy.core.backup.BackupSummary;
import app.omniy.core.backup.BackupVerificationException;
import app.omniy.core.backup.RestoreCheck;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Backups of a store's data, as the maintenance jobs drive them (BAK-1, BAK-3): the 03:00 JST
 * backup and retention, and the monthly restore test into a scratch database. A store adapter
 * implements it ({@code FirestoreStoreBackup} in {@code omniy-firestore}); the built-in tasks in
 * {@code omniy-backup} ({@code BackupTask}, {@code RestoreTestTask}) call it, so they depend on no
 * adapter.
 */
public interface StoreBackup {

  /**
   * Takes a backup at {@code now} and verifies it (BAK-1: listed, counted, checksummed).
   *
   * @throws BackupVerificationException if the written backup does not read back as written
   */
  BackupSummary backup(Instant now);

  /** Deletes the backups {@code retention} says have expired at {@code now}; returns their ids. */
  List<String> deleteExpired(BackupRetention retention, Instant now);

  /** The newest backup's id, if there is one. */
  Optional<String> latest();

  /**
   * Restores backup {@code backupId} into the scratch database this backup was configured with,
   * compares the copy with the backup and with the source, and removes the copy again (BAK-3).
   *
   * @throws BackupVerificationException if a file of the backup is missing or corrupted
   */
  RestoreCheck restoreTest(String backupId);
}
