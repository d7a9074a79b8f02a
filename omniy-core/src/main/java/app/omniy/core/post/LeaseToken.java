package app.omniy.core.post;

import app.omniy.core.Require;

/**
 * What a lease holder presents with every write (POST-8): a store accepts the write only if the
 * post's lease is still {@code owner}'s, unexpired, and the post is still at {@code version}. A
 * worker whose lease expired, or that lost a race, is fenced off.
 *
 * @param postId the post
 * @param owner the worker that holds the lease
 * @param version the post's version the worker last saw
 */
public record LeaseToken(String postId, String owner, long version) {
  /** Checks every component. */
  public LeaseToken {
    Require.nonBlank(postId, "postId");
    Require.nonBlank(owner, "owner");
    Require.atLeast(version, 0, "version");
  }
}
