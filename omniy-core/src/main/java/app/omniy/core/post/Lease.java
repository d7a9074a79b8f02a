package app.omniy.core.post;

import app.omniy.core.Require;
import java.time.Instant;

/**
 * A worker's claim on a post (POST-8): the worker may act on the post until {@code expiresAt},
 * exclusive, and must renew it while work runs.
 *
 * @param owner the worker's id
 * @param expiresAt the first instant the lease no longer holds
 */
public record Lease(String owner, Instant expiresAt) {
  /** Checks both components. */
  public Lease {
    Require.nonBlank(owner, "owner");
    Require.nonNull(expiresAt, "expiresAt");
  }

  /** Whether the lease still holds at {@code now}. */
  public boolean isLiveAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
