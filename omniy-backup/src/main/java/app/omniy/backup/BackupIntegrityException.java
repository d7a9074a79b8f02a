package app.omniy.backup;

import app.omniy.core.OmniyException;
import java.io.Serial;
import java.nio.file.Path;

/**
 * A backup file could not be trusted: it was modified, truncated, renamed, or is encrypted with a
 * key that was not supplied or is wrong (BAK-4). AES-GCM cannot tell a wrong key from a modified
 * file; both fail authentication. The message names the file and the reason, never the content.
 */
public final class BackupIntegrityException extends OmniyException {
  @Serial private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String reason;

  /**
   * @param file the backup file
   * @param reason what is wrong with it, in words
   */
  public BackupIntegrityException(Path file, String reason) {
    super("backup " + file + " rejected: " + reason);
    this.file = file;
    this.reason = reason;
  }

  /**
   * @param file the backup file
   * @param reason what is wrong with it, in words
   * @param cause the underlying failure
   */
  public BackupIntegrityException(Path file, String reason, Throwable cause) {
    super("backup " + file + " rejected: " + reason, cause);
    this.file = file;
    this.reason = reason;
  }

  /** The rejected file. */
  public Path file() {
    return file;
  }

  /** Why it was rejected. */
  public String reason() {
    return reason;
  }
}
