package app.omniy.core.post;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A post as a store holds it: the host's {@link Post} plus its lifecycle (POST-4), retry (POST-5)
 * and exactly-once (POST-7) state. Immutable; the {@code with…} methods return changed copies for
 * stores to persist, and the store alone sets {@link #version()}.
 *
 * @param post the post as scheduled
 * @param state the lifecycle state
 * @param version increases with every stored change; writes name the version they saw
 * @param attempt how many publishing attempts have started
 * @param nextAttemptAt when the post is next due: the publish time, a retry time or the end of a
 *     quota deferral
 * @param containerId the media container of the current attempt, stored before {@code
 *     media_publish} (POST-7); {@code null} before one is created
 * @param lease the worker holding the post; {@code null} when none
 * @param history every transition, oldest first
 */
public record PostRecord(
    Post post,
    PostState state,
    long version,
    int attempt,
    Instant nextAttemptAt,
    @Nullable String containerId,
    @Nullable Lease lease,
    List<Transition> history) {

  /**
   * @throws InvalidValueException naming the field if one is missing or negative
   */
  public PostRecord {
    Require.nonNull(post, "post");
    Require.nonNull(state, "state");
    Require.atLeast(version, 0, "version");
    Require.atLeast(attempt, 0, "attempt");
    Require.nonNull(nextAttemptAt, "nextAttemptAt");
    history = List.copyOf(Require.nonNull(history, "history"));
  }

  /** A newly scheduled post: SCHEDULED, due at its publish time, version 0. */
  public static PostRecord scheduled(Post post) {
    Require.nonNull(post, "post");
    return new PostRecord(post, PostState.SCHEDULED, 0, 0, post.publishAt(), null, null, List.of());
  }

  /** The post's id. */
  public String id() {
    return post.id();
  }

  /** The post's account. */
  public String accountId() {
    return post.accountId();
  }

  /** The container id, if one was recorded. */
  public Optional<String> container() {
    return Optional.ofNullable(containerId);
  }

  /** The lease, if any (it may have expired). */
  public Optional<Lease> currentLease() {
    return Optional.ofNullable(lease);
  }

  /** Whether a worker holds an unexpired lease at {@code now}. */
  public boolean isLeasedAt(Instant now) {
    return lease != null && lease.isLiveAt(now);
  }

  /** Whether a claimer may take it at {@code now}: due, in a due state, and not leased. */
  public boolean isClaimableAt(Instant now) {
    return state.isDue() && !nextAttemptAt.isAfter(now) && !isLeasedAt(now);
  }

  /**
   * The token the lease holder writes with.
   *
   * @throws StaleWriteException if no worker holds the post
   */
  public LeaseToken token() {
    if (lease == null) {
      throw new StaleWriteException(id(), "the post is not leased");
    }
    return new LeaseToken(id(), lease.owner(), version);
  }

  /** The last transition, if any. */
  public Optional<Transition> lastTransition() {
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
  }

  /**
   * This record moved to {@code to} at {@code now}, the move recorded with {@code reason}; moving
   * to PUBLISHING starts a new attempt.
   *
   * @throws IllegalTransitionException if POST-4 does not allow the move
   */
  public PostRecord moved(PostState to, String reason, Instant nextAttempt, Instant now) {
    return movedAt(version, to, reason, nextAttempt, now);
  }

  /**
   * {@link #moved} and {@link #withVersion} in one copy, for the in-memory store's hot path: one
   * record and one history array per write instead of two of each.
   */
  public PostRecord movedAt(
      long newVersion, PostState to, String reason, Instant nextAttempt, Instant now) {
    return movedAt(newVersion, to, reason, nextAttempt, now, lease);
  }

  /** {@link #movedAt} and {@link #withLease withLease(null)} in one copy (in-memory store). */
  public PostRecord finishedAt(
      long newVersion, PostState to, String reason, Instant nextAttempt, Instant now) {
    return movedAt(newVersion, to, reason, nextAttempt, now, null);
  }

  private PostRecord movedAt(
      long newVersion,
      PostState to,
      String reason,
      Instant nextAttempt,
      Instant now,
      @Nullable Lease newLease) {
    Require.nonNull(to, "to");
    Require.nonBlank(reason, "reason");
    Require.nonNull(nextAttempt, "nextAttemptAt");
    Require.nonNull(now, "now");
    state.requireMove(id(), to);
    int nextAttemptNumber = to == PostState.PUBLISHING ? attempt + 1 : attempt;
    Transition move = new Transition(now, state, to, reason, nextAttemptNumber);
    List<Transition> moves;
    if (history.isEmpty()) {
      moves = List.of(move);
    } else if (history.size() == 1) {
      moves = List.of(history.get(0), move); // most posts: no array to copy
    } else {
      Transition[] all = history.toArray(new Transition[history.size() + 1]);
      all[history.size()] = move;
      moves = List.of(all);
    }
    // List.of copies the array once; the constructor's List.copyOf then keeps that list as it is.
    return new PostRecord(
        post, to, newVersion, nextAttemptNumber, nextAttempt, containerId, newLease, moves);
  }

  /** {@link #withLease} and {@link #withVersion} in one copy (in-memory store). */
  public PostRecord withLeaseAt(long newVersion, @Nullable Lease newLease) {
    return new PostRecord(
        post, state, newVersion, attempt, nextAttemptAt, containerId, newLease, history);
  }

  /** {@link #withContainer} and {@link #withVersion} in one copy (in-memory store). */
  public PostRecord withContainerAt(long newVersion, String newContainerId) {
    return new PostRecord(
        post, state, newVersion, attempt, nextAttemptAt, newContainerId, lease, history);
  }

  /** This record at another version (stores only). */
  public PostRecord withVersion(long newVersion) {
    return new PostRecord(
        post, state, newVersion, attempt, nextAttemptAt, containerId, lease, history);
  }

  /** This record with another lease, or none. */
  public PostRecord withLease(@Nullable Lease newLease) {
    return new PostRecord(
        post, state, version, attempt, nextAttemptAt, containerId, newLease, history);
  }

  /** This record with a container id, or none for a fresh attempt. */
  public PostRecord withContainer(@Nullable String newContainerId) {
    return new PostRecord(
        post, state, version, attempt, nextAttemptAt, newContainerId, lease, history);
  }

  /** This record with the host's changed post (same id and account). */
  public PostRecord withPost(Post changed) {
    Require.nonNull(changed, "post");
    if (!changed.id().equals(id()) || !changed.accountId().equals(accountId())) {
      throw new InvalidValueException(
          "post", changed.id() + "@" + changed.accountId(), "must keep the id and the account");
    }
    return new PostRecord(
        changed, state, version, attempt, nextAttemptAt, containerId, lease, history);
  }

  /** This record with the attempt counter reset, for a fresh series of attempts (POST-7). */
  public PostRecord withAttemptsReset() {
    return new PostRecord(post, state, version, 0, nextAttemptAt, containerId, lease, history);
  }
}
