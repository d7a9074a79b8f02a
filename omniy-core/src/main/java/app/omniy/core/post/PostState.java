package app.omniy.core.post;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a post is in its lifecycle (POST-4). The allowed moves are listed in {@link #next()}; every
 * other move is rejected with {@link IllegalTransitionException}.
 *
 * <pre>
 * SCHEDULED ──claim──▶ PUBLISHING ──▶ PUBLISHED
 *    ▲  │ ▲                │ │ │ └──▶ NEEDS_REAUTH ──reconnect──▶ SCHEDULED
 *    │  │ └── deferral ────┘ │ └──▶ FAILED ──safe retry (POST-7)──▶ SCHEDULED
 *    │  └──▶ CANCELLED       └──▶ RETRY_WAIT ──▶ PUBLISHING
 * </pre>
 */
public enum PostState {
  /** Waiting for its publish time (or for a quota deferral to end). */
  SCHEDULED,
  /** A worker holds it and is creating or publishing its container. */
  PUBLISHING,
  /** Published: final. */
  PUBLISHED,
  /** An attempt failed and another is scheduled (POST-5). */
  RETRY_WAIT,
  /** No further automatic attempt; a host may retry it safely (POST-7). */
  FAILED,
  /** Cancelled by the host: final. */
  CANCELLED,
  /** The account's token expired or was revoked; waits for the owner to reconnect. */
  NEEDS_REAUTH;

  /** The states this one may move to. */
  public Set<PostState> next() {
    return switch (this) {
      case SCHEDULED -> EnumSet.of(SCHEDULED, PUBLISHING, CANCELLED, FAILED, NEEDS_REAUTH);
      case PUBLISHING -> EnumSet.of(PUBLISHED, RETRY_WAIT, FAILED, NEEDS_REAUTH, SCHEDULED);
      case RETRY_WAIT ->
          EnumSet.of(RETRY_WAIT, PUBLISHING, SCHEDULED, CANCELLED, FAILED, NEEDS_REAUTH);
      case NEEDS_REAUTH -> EnumSet.of(NEEDS_REAUTH, SCHEDULED, CANCELLED, FAILED);
      // FAILED → PUBLISHED only when reconciliation finds the container went out after all.
      case FAILED -> EnumSet.of(SCHEDULED, PUBLISHED);
      case PUBLISHED, CANCELLED -> EnumSet.noneOf(PostState.class);
    };
  }

  /** Whether a move from this state to {@code to} is allowed. */
  public boolean canMoveTo(PostState to) {
    return Moves.ALLOWED.get(this).contains(to);
  }

  /**
   * {@link #next()} computed once: every recorded transition checks its move, and a new set per
   * check was a profiled 3% of the bytes the dispatcher allocates per post.
   */
  private static final class Moves {
    static final Map<PostState, Set<PostState>> ALLOWED = new EnumMap<>(PostState.class);

    static {
      for (PostState s : values()) {
        ALLOWED.put(s, s.next());
      }
    }

    private Moves() {}
  }

  /** Whether a claimer may pick a post in this state when it is due. */
  public boolean isDue() {
    return this == SCHEDULED || this == RETRY_WAIT;
  }

  /** Whether nothing more can happen automatically (a FAILED post may still be retried by hand). */
  public boolean isFinal() {
    return this == PUBLISHED || this == FAILED || this == CANCELLED;
  }

  /**
   * Checks a move.
   *
   * @throws IllegalTransitionException if {@code to} is not in {@link #next()}
   */
  public void requireMove(String postId, PostState to) {
    if (!canMoveTo(to)) {
      throw new IllegalTransitionException(postId, this, to);
    }
  }
}
