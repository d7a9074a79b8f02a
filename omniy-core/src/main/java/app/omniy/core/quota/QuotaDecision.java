package app.omniy.core.quota;

import app.omniy.core.Require;
import app.omniy.core.post.Reasons;
import java.time.Instant;

/**
 * Whether a post may be published now under POST-3, and if not, the earliest instant it may and
 * why. A deferral keeps the post SCHEDULED and moves its next attempt time to {@link #earliest()},
 * recorded with {@link #reason()}.
 *
 * @param mayGoNow whether it may be published now
 * @param earliest {@code now} when it may; otherwise the first instant the window frees enough
 * @param reason empty when it may; otherwise why not, e.g. "50 of 50 posts in the last 24 h"
 */
public record QuotaDecision(boolean mayGoNow, Instant earliest, String reason) {
  /** Checks the components. */
  public QuotaDecision {
    Require.nonNull(earliest, "earliest");
    Require.nonNull(reason, "reason");
  }

  /** The reason as a transition records it: {@code QUOTA_DEFERRED: …}. */
  public String transitionReason() {
    return Reasons.of(Reasons.QUOTA_DEFERRED, reason);
  }
}
