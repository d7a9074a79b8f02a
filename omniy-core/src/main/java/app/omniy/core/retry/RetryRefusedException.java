package app.omniy.core.retry;

import app.omniy.core.OmniyException;
import java.io.Serial;

/**
 * A retry of a FAILED post was refused because its container's fate is unknown (POST-7): publishing
 * again could post twice.
 */
public class RetryRefusedException extends OmniyException {
  @Serial private static final long serialVersionUID = 1L;

  /**
   * @param postId the post
   * @param containerId the container whose fate is unknown
   * @param detail what the reconciliation returned
   */
  public RetryRefusedException(String postId, String containerId, String detail) {
    super(
        "post "
            + postId
            + ": not retried: cannot tell whether container "
            + containerId
            + " was published ("
            + detail
            + "); try again later");
  }
}
