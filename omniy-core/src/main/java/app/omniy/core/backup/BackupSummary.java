package app.omniy.core.backup;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;

/**
 * A backup that was written and verified (BAK-1), as the daily backup job reports it.
 *
 * @param backupId its id ({@link BackupIds})
 * @param takenAt when it was taken
 * @param documents the documents (or records) it holds
 * @param files the data files it was written as
 * @param bytes their total size
 */
public record BackupSummary(
    String backupId, Instant takenAt, long documents, int files, long bytes) {
  /**
   * @throws InvalidValueException naming a missing value or a negative count
   */
  public BackupSummary {
    if (backupId == null || backupId.isBlank()) {
      throw new InvalidValueException("backupId", backupId, "must not be blank");
    }
    Require.nonNull(takenAt, "takenAt");
    if (documents < 0) {
      throw new InvalidValueException("documents", documents, "must be zero or positive");
    }
    if (files < 0) {
      throw new InvalidValueException("files", files, "must be zero or positive");
    }
    if (bytes < 0) {
      throw new InvalidValueException("bytes", bytes, "must be zero or positive");
    }
  }
}
