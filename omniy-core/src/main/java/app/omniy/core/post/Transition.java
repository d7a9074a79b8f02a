package app.omniy.core.post;

import app.omniy.core.Require;
import java.time.Instant;

/**
 * One recorded lifecycle move (POST-4). A deferral is recorded as a move from a state to itself, so
 * its reason is kept too.
 *
 * @param at when it happened
 * @param from the state before
 * @param to the state after
 * @param reason a stable code, optionally followed by {@code ": "} and details, e.g. {@code
 *     MISSED_WINDOW} or {@code TRANSIENT: 2207001 server error}; see {@link Reasons}
 * @param attempt the attempt number the move belongs to (0 before the first attempt)
 */
public record Transition(Instant at, PostState from, PostState to, String reason, int attempt) {
  /** Checks every component. */
  public Transition {
    Require.nonNull(at, "at");
    Require.nonNull(from, "from");
    Require.nonNull(to, "to");
    Require.nonBlank(reason, "reason");
    Require.atLeast(attempt, 0, "attempt");
  }

  /** The reason's stable code: the text before the first {@code ':'}. */
  public String reasonCode() {
    int colon = reason.indexOf(':');
    return colon < 0 ? reason : reason.substring(0, colon);
  }
}
