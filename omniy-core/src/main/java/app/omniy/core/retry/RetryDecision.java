package app.omniy.core.retry;

import app.omniy.core.Require;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import java.time.Instant;

/**
 * What {@link RetryPolicy} decided after an attempt (POST-5, POST-6).
 *
 * @param state the post's next state
 * @param nextAttemptAt when it is next due; {@code now} for a state nothing follows automatically
 * @param reason the transition's reason (see {@link Reasons})
 */
public record RetryDecision(PostState state, Instant nextAttemptAt, String reason) {
  /** Checks the components. */
  public RetryDecision {
    Require.nonNull(state, "state");
    Require.nonNull(nextAttemptAt, "nextAttemptAt");
    Require.nonBlank(reason, "reason");
  }
}
