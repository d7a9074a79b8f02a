package app.omniy.core.backup;

import app.omniy.core.OmniyException;
import java.io.Serial;
import java.util.Objects;

/**
 * A backup did not match what was written (BAK-1: verified after it is written) or what its
 * manifest says when it is restored: a file missing, a size, document count or checksum that
 * differs. Names the backup and the file, so the operator knows which object to look at.
 */
public class BackupVerificationException extends OmniyException {
  @Serial private static final long serialVersionUID = 1L;

  private final String backupId;
  private final String file;

  /**
   * @param backupId the backup
   * @param file the file within it that failed
   * @param problem what did not match, in words
   */
  public BackupVerificationException(String backupId, String file, String problem) {
    super("backup " + backupId + ", file " + file + ": " + problem);
    this.backupId = Objects.requireNonNull(backupId, "backupId");
    this.file = Objects.requireNonNull(file, "file");
  }

  /** The backup that failed verification. */
  public String backupId() {
    return backupId;
  }

  /** The file within the backup that failed. */
  public String file() {
    return file;
  }
}
