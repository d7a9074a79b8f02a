package app.omniy.core.backup.spi;

import app.omniy.core.InvalidValueException;
import java.util.List;
import java.util.Optional;

/**
 * Where backups are written (BAK-1): a flat store of backups, each a set of named files. A local
 * directory and a Cloud Storage bucket implement it in {@code omniy-backup}; the guide asks for
 * storage in another region than the database, which is the bucket's setting, not this interface's.
 *
 * <p>Files are whole byte arrays: a backup writer splits a large collection into parts, so no file
 * needs streaming. Backup ids and file names are 1 to 200 characters of letters, digits, {@code .},
 * {@code _} and {@code -}, not starting with {@code .}; anything else is rejected with {@link
 * InvalidValueException}, so a name can never step outside its backup.
 *
 * <p>Implementations run {@code app.omniy.testkit.contract.BackupTargetContract}.
 */
public interface BackupTarget {
  /**
   * Stores {@code content} as file {@code name} of backup {@code backupId}, replacing a file of
   * that name. An implementation that gets checksums back from its storage compares them with the
   * content it sent and throws {@link app.omniy.core.backup.BackupVerificationException} on a
   * mismatch.
   *
   * @return the file as the target now lists it
   */
  StoredFile put(String backupId, String name, byte[] content);

  /** The content of file {@code name} of backup {@code backupId}; empty if there is none. */
  Optional<byte[]> read(String backupId, String name);

  /** The files of backup {@code backupId}, by name; empty if the backup does not exist. */
  List<StoredFile> list(String backupId);

  /** The ids of every backup with at least one file, in text order. */
  List<String> backups();

  /** Deletes every file of backup {@code backupId}; nothing happens if it does not exist. */
  void delete(String backupId);

  /** A file of a backup as the target lists it: its name and size in bytes. */
  record StoredFile(String name, long size) {}

  /**
   * {@code backupId} if it is a valid backup id.
   *
   * @throws InvalidValueException naming {@code backupId} otherwise
   */
  static String checkBackupId(String backupId) {
    return check("backupId", backupId);
  }

  /**
   * {@code name} if it is a valid file name.
   *
   * @throws InvalidValueException naming {@code name} otherwise
   */
  static String checkFileName(String name) {
    return check("name", name);
  }

  private static String check(String field, String value) {
    if (value == null || !value.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}")) {
      throw new InvalidValueException(
          field, value, "must be 1 to 200 letters, digits, '.', '_' or '-', not starting with '.'");
    }
    return value;
  }
}
