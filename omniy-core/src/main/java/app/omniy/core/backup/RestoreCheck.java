package app.omniy.core.backup;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.util.List;

/**
 * What the monthly restore test found (BAK-3): the latest backup restored into a scratch database,
 * then compared.
 *
 * <p>Two comparisons, because the source keeps changing after the backup was taken (the test runs
 * at 09:00 on the 15th, the backup at 03:00): the restored copy against the backup itself must
 * match exactly — {@link #differenceCount()} is what fails the test — while the copy against the
 * live source ({@link #changedSinceBackup()}) counts what was written, changed or deleted since,
 * which is normal and reported for the operator, not failed on.
 *
 * @param backupId the backup restored
 * @param documents the documents the backup holds
 * @param differenceCount differences between the restored copy and the backup: documents missing,
 *     extra or with another field value; zero when the restore reproduced the backup
 * @param differences the first few differences, one line each, for the run's output
 * @param changedSinceBackup differences (a field, or a whole document missing on one side) between
 *     the restored copy and the live source: what changed since the backup
 */
public record RestoreCheck(
    String backupId,
    long documents,
    long differenceCount,
    List<String> differences,
    long changedSinceBackup) {
  /**
   * @throws InvalidValueException naming a missing value or a negative count
   */
  public RestoreCheck {
    if (backupId == null || backupId.isBlank()) {
      throw new InvalidValueException("backupId", backupId, "must not be blank");
    }
    if (documents < 0 || differenceCount < 0 || changedSinceBackup < 0) {
      throw new InvalidValueException(
          "counts",
          documents + "/" + differenceCount + "/" + changedSinceBackup,
          "must be zero or positive");
    }
    Require.nonNull(differences, "differences");
    differences = List.copyOf(differences);
  }

  /** Whether the restored copy holds exactly what the backup holds. */
  public boolean identical() {
    return differenceCount == 0;
  }
}
