package app.omniy.core.post.spi;

import app.omniy.core.post.IllegalTransitionException;
import app.omniy.core.post.LeaseToken;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.StaleWriteException;
import app.omniy.core.post.UnknownPostException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where scheduled posts live, shared by every worker (POST-8). Every method takes {@code now}, so
 * leases are judged on the caller's clock. A store shared over a network may in addition require a
 * lease to have ended by its own clock, with the workers' clock-skew margin, before another worker
 * takes the post over (the Firestore store does, by the server's time); it never takes a lease over
 * before the caller's clock says it ended. Every successful write increases the post's {@link
 * PostRecord#version() version} by one and returns the stored record.
 *
 * <p>Two kinds of write: the lease holder's ({@link #renew}, {@link #release}, {@link
 * #recordTransition}, {@link #recordContainer}) present a {@link LeaseToken} and are refused with
 * {@link StaleWriteException} unless the lease is the token's owner's, unexpired at {@code now},
 * and the post is at the token's version (fencing). The host's edits go through {@link #replace},
 * refused while a worker holds the post. {@code omniy-testkit}'s {@code PostStoreContract} checks
 * all of this on every implementation.
 */
public interface PostStore {

  /**
   * Stores a newly scheduled post as {@link PostRecord#scheduled}, at version 1.
   *
   * @throws app.omniy.core.InvalidValueException if a post with the same id exists
   */
  PostRecord insert(Post post, Instant now);

  /** The post with {@code postId}, if stored. */
  Optional<PostRecord> find(String postId);

  /** The posts of {@code accountId} whose state is in {@code states}, by next attempt time. */
  List<PostRecord> findByAccount(String accountId, Set<PostState> states);

  /**
   * Claims up to {@code limit} due posts for {@code owner} in one atomic step: posts in SCHEDULED
   * or RETRY_WAIT whose next attempt time is at or before {@code now} and that no live lease holds,
   * earliest first. When more posts are due than {@code limit}, every account with due posts gets
   * an equal share (round robin over accounts, earliest first), so one busy account never delays
   * another (POST-10). Each claimed post gets a lease until {@code now + leaseDuration}. Two
   * concurrent claimers never both get the same post.
   *
   * @return the claimed records in due-time order, each with its new version and lease
   */
  List<PostRecord> claimDue(Instant now, int limit, String owner, Duration leaseDuration);

  /**
   * Claims one post whose lease expired, for recovery (POST-8, POST-10): succeeds only if the post
   * is at {@code version} and no live lease holds it. Recovery of a post left in PUBLISHING then
   * reconciles its container (POST-7).
   *
   * @return the claimed record, or empty if another worker got there first
   */
  Optional<PostRecord> claimExpired(
      String postId, long version, String owner, Instant now, Duration leaseDuration);

  /** Extends the lease to {@code now + leaseDuration}. */
  PostRecord renew(LeaseToken token, Instant now, Duration leaseDuration);

  /**
   * Gives the post back. Refused for a post in PUBLISHING: its outcome must be recorded first, or
   * the lease left to expire so recovery reconciles it.
   *
   * @throws IllegalTransitionException if the post is in PUBLISHING
   */
  PostRecord release(LeaseToken token, Instant now);

  /**
   * Moves the post to {@code to}, recording the transition at {@code now} with {@code reason}, and
   * sets its next attempt time. Leaving PUBLISHING for a final or waiting state keeps the lease;
   * release it afterwards. A deferral is a move to the same state (POST-3).
   *
   * @throws IllegalTransitionException if POST-4 does not allow the move
   */
  PostRecord recordTransition(
      LeaseToken token, PostState to, String reason, Instant nextAttemptAt, Instant now);

  /**
   * Records the attempt's last move and gives the post back: {@link #recordTransition} then {@link
   * #release}, which a store may do as one write (the in-memory store does, saving one write per
   * post on the dispatch path). The version increases by one per write the store makes.
   *
   * @return the post, moved and released
   * @throws IllegalTransitionException if POST-4 does not allow the move, or {@code to} is
   *     PUBLISHING (a post in PUBLISHING cannot be released); nothing is written then
   */
  default PostRecord finishAttempt(
      LeaseToken token, PostState to, String reason, Instant nextAttemptAt, Instant now) {
    PostStoreRules.requireReleasable(token, to);
    PostRecord moved = recordTransition(token, to, reason, nextAttemptAt, now);
    return release(moved.token(), now);
  }

  /**
   * Records the current attempt's container id, before the caller calls {@link Publisher#publish}
   * (POST-7).
   */
  PostRecord recordContainer(LeaseToken token, String containerId, Instant now);

  /**
   * Replaces a post the host changed (edit, reschedule, cancel, retry): accepted only if the post
   * is at {@code expected.version()} and no live lease holds it. The store keeps nothing of the
   * stored record but its version, which it increments; an expired lease is dropped unless the post
   * is in PUBLISHING (recovery finds it by that lease). A change of state must end its history with
   * that move.
   *
   * @throws StaleWriteException if the post changed or a worker holds it
   * @throws UnknownPostException if there is no such post
   */
  PostRecord replace(PostRecord expected, PostRecord changed, Instant now);

  /**
   * Up to {@code limit} posts whose lease expired at or before {@code now}, oldest expiry first.
   */
  List<PostRecord> findExpiredLeases(Instant now, int limit);

  /**
   * When the longest-waiting claimable post became claimable, for the runtime's "oldest due post"
   * health check: among posts that {@link #claimDue} would take at {@code now} (a due state, next
   * attempt time at or before {@code now}, no live lease), the earliest {@link
   * PostStoreRules#claimableSince claimable-since} instant. A large age means the dispatchers fall
   * behind, or none runs. Must be cheap (an index lookup, not a scan of every post).
   *
   * @return empty when no post waits to be claimed
   */
  Optional<Instant> oldestDue(Instant now);

  /**
   * The publishing slots {@code accountId} holds in the quota window (POST-3), by post id, each
   * with the instant it was taken ({@link PostStoreRules#quotaSlot}): every post in PUBLISHING (its
   * attempt may publish) and every PUBLISHED post, whose instant is after {@code since}. Several
   * runtimes sharing this store derive the account's quota from it, so together they never exceed
   * it; the count must therefore come from the store, not from one worker's memory.
   */
  Map<String, Instant> publishSlots(String accountId, Instant since);

  /**
   * The posts of {@code accountId} waiting to publish (SCHEDULED or RETRY_WAIT) whose next attempt
   * time is at or after {@code from} and before {@code to}, by post id, each with that time. With
   * {@link #publishSlots} it gives the account's publishing plan around an instant, which {@code
   * PostService} checks a new post against (POST-3, {@code QUOTA_FULL}); it runs on every schedule,
   * so it must be cheap: an index range query, or a scan of this one account's waiting posts, never
   * a scan of the whole store. A store may leave out a post a worker holds at that moment (it is
   * about to publish, and then counts through {@link #publishSlots}). The default filters {@link
   * #findByAccount}; both stores in this project answer from an index.
   */
  default Map<String, Instant> plannedPublishes(String accountId, Instant from, Instant to) {
    Map<String, Instant> found = new HashMap<>();
    for (PostRecord r :
        findByAccount(accountId, EnumSet.of(PostState.SCHEDULED, PostState.RETRY_WAIT))) {
      Instant at = r.nextAttemptAt();
      if (!at.isBefore(from) && at.isBefore(to)) {
        found.put(r.id(), at);
      }
    }
    return found;
  }

  /**
   * When the earliest unleased post in SCHEDULED or RETRY_WAIT falls due (it may be in the past),
   * if the store can tell cheaply; empty when no such post is stored or the store cannot tell. A
   * dispatcher sleeps until then, never longer than its poll interval, so posts start on time
   * instead of up to one poll late. The default says nothing: the dispatcher polls.
   */
  default Optional<Instant> nextDueAt() {
    return Optional.empty();
  }
}
