package app.omniy.core.post;

import app.omniy.core.OmniyException;
import java.io.Serial;

/** No post with the given id exists in the store. */
public class UnknownPostException extends OmniyException {
  @Serial private static final long serialVersionUID = 1L;

  /**
   * @param postId the id asked for
   */
  public UnknownPostException(String postId) {
    super("no post with id '" + postId + "'");
  }
}
