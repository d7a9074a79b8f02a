package app.omniy.core.post;

import app.omniy.core.OmniyException;
import java.io.Serial;

/**
 * A write was refused because the writer no longer holds the post (POST-7, POST-8): its lease
 * expired or belongs to another worker, or the post changed since the writer read it. The writer
 * must stop working on the post; whoever holds it now decides.
 */
public class StaleWriteException extends OmniyException {
  @Serial private static final long serialVersionUID = 1L;

  private final String postId;

  /**
   * @param postId the post
   * @param detail what did not match
   */
  public StaleWriteException(String postId, String detail) {
    super("post " + postId + ": write refused: " + detail);
    this.postId = postId;
  }

  public String postId() {
    return postId;
  }
}
