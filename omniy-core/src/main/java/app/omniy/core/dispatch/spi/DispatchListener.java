package app.omniy.core.dispatch.spi;

import app.omniy.core.post.PostRecord;
import app.omniy.core.post.spi.OutcomeClass;
import java.time.Duration;
import java.time.Instant;

/**
 * Host callbacks from the dispatcher, so a host can tell its users what became of their posts.
 * Every method has an empty default; implement those you need. Callbacks run on the dispatching
 * thread after the store recorded the transition: keep them short. An exception thrown by a
 * callback is swallowed (the post's state is already recorded), so a host's bug never stops
 * publishing.
 */
public interface DispatchListener {
  /** A listener that ignores everything. */
  DispatchListener NONE = new DispatchListener() {};

  /**
   * An attempt started. {@code lateness} is the actual start minus the publish time for a first
   * attempt (never negative), and zero for retries, which start late on purpose.
   */
  default void attemptStarted(PostRecord post, Duration lateness) {}

  /** An attempt ended with {@code outcome} (every attempt, first or retry; ALERT-C4). */
  default void attemptEnded(PostRecord post, OutcomeClass outcome) {}

  /** The post went out; {@code mediaId} is Instagram's id, or empty if reconciliation found it. */
  default void published(PostRecord post, String mediaId) {}

  /** The post's first comment went on its media (POST-1). */
  default void commented(PostRecord post, String mediaId) {}

  /**
   * The post's first comment was not posted: the post is published, but its media id is unknown (a
   * lost publish answer; it is never guessed) or the comment call failed.
   */
  default void commentSkipped(PostRecord post, String reason) {}

  /** The post is FAILED with {@code reason} (see {@link app.omniy.core.post.Reasons}). */
  default void failed(PostRecord post, String reason) {}

  /** The post is FAILED because it could not go out within its window (POST-6). */
  default void missedWindow(PostRecord post) {}

  /** The post waits until {@code until}: a quota deferral (POST-3) or a retry (POST-5). */
  default void deferred(PostRecord post, Instant until, String reason) {}

  /** The post's account needs re-authorisation; the post waits in NEEDS_REAUTH (POST-4). */
  default void needsReauth(PostRecord post, String reason) {}

  /**
   * The post is due at {@code publishAt}, within the warning lead, and its account needs
   * re-authorisation: the owner should reconnect before then (POST-11). Raised once per post.
   */
  default void reauthWarning(PostRecord post, Instant publishAt) {}
}
