package app.omniy.core.maintenance;

import app.omniy.core.OmniyException;
import java.io.Serial;

/**
 * A maintenance task did its work and found something wrong: a restored copy that differs from its
 * backup, a certificate about to expire. The scheduler records the run as failed with this message
 * and the MNT-3 rule alerts. Hosts' own tasks may throw it too.
 */
public class TaskFailedException extends OmniyException {
  @Serial private static final long serialVersionUID = 1L;

  /**
   * @param message what was found, in words
   */
  public TaskFailedException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, in words
   * @param cause the failure behind it, such as a source that could not be read
   */
  public TaskFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
