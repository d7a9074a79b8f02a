package app.omniy.core.post;

import app.omniy.core.OmniyException;
import java.io.Serial;

/** A lifecycle move POST-4 does not allow, such as PUBLISHED → SCHEDULED. */
public class IllegalTransitionException extends OmniyException {
  @Serial private static final long serialVersionUID = 1L;

  private final String postId;
  private final PostState from;
  private final PostState to;

  /**
   * @param postId the post
   * @param from its current state
   * @param to the state asked for
   */
  public IllegalTransitionException(String postId, PostState from, PostState to) {
    super(
        "post "
            + postId
            + ": illegal transition "
            + from
            + " → "
            + to
            + " (allowed from "
            + from
            + ": "
            + from.next()
            + ")");
    this.postId = postId;
    this.from = from;
    this.to = to;
  }

  /**
   * A refused operation that is not itself a move, such as releasing a post in PUBLISHING.
   *
   * @param postId the post
   * @param from its current state
   * @param to the state the operation would lead to
   * @param detail why it is refused
   */
  public IllegalTransitionException(String postId, PostState from, PostState to, String detail) {
    super("post " + postId + ": " + detail + " (state " + from + ")");
    this.postId = postId;
    this.from = from;
    this.to = to;
  }

  public String postId() {
    return postId;
  }

  public PostState from() {
    return from;
  }

  public PostState to() {
    return to;
  }
}
