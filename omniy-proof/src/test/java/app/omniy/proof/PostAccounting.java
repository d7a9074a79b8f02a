package app.omniy.proof;

import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.Transition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where every post of a suite ended (POST-9): published; excluded for a named user-side reason (the
 * host cancelled it, the account needs re-authorisation, or Instagram refused the user's media or
 * account: {@code USER_CAUSED} with its detail); or lost — anything else, including a post still
 * waiting, a post failed for a reason that counts against the service (retries exhausted, missed
 * window, a permanent error) and a post failed without a named reason. A suite asserts that none is
 * lost, and names each lost post in its failure message.
 */
final class PostAccounting {
  /** The reason codes that are the user's own doing (POST-9), by the state they end in. */
  private static final Map<PostState, String> USER_SIDE =
      Map.of(
          PostState.CANCELLED, Reasons.CANCELLED,
          PostState.NEEDS_REAUTH, Reasons.NEEDS_REAUTH,
          PostState.FAILED, Reasons.USER_CAUSED);

  private static final Set<String> USER_SIDE_CODES = Set.copyOf(USER_SIDE.values());

  private final int total;
  private final long published;
  private final Map<String, Long> excluded;
  private final List<PostRecord> lost;

  private PostAccounting(
      int total, long published, Map<String, Long> excluded, List<PostRecord> lost) {
    this.total = total;
    this.published = published;
    this.excluded = excluded;
    this.lost = lost;
  }

  static PostAccounting of(Collection<PostRecord> records) {
    long published = 0;
    Map<String, Long> excluded = new TreeMap<>();
    List<PostRecord> lost = new ArrayList<>();
    for (PostRecord r : records) {
      if (r.state() == PostState.PUBLISHED) {
        published++;
        continue;
      }
      Optional<String> userSide = userSideReason(r);
      if (userSide.isPresent()) {
        excluded.merge(userSide.get(), 1L, Long::sum);
      } else {
        lost.add(r);
      }
    }
    return new PostAccounting(records.size(), published, excluded, List.copyOf(lost));
  }

  /**
   * The code of the user-side reason the post ended with: its state is one the user's doing leads
   * to, and its last move into that state names the matching reason with a detail or a code.
   */
  private static Optional<String> userSideReason(PostRecord r) {
    String expected = USER_SIDE.get(r.state());
    if (expected == null) {
      return Optional.empty();
    }
    return r.lastTransition()
        .filter(t -> t.to() == r.state())
        .map(Transition::reasonCode)
        .filter(code -> code.equals(expected) && USER_SIDE_CODES.contains(code));
  }

  int total() {
    return total;
  }

  long published() {
    return published;
  }

  /** Posts excluded for a user-side reason, by reason code. */
  Map<String, Long> excluded() {
    return excluded;
  }

  List<PostRecord> lost() {
    return lost;
  }

  /** Each lost post: id, account, state and attempt, then its recorded moves, one a line. */
  String describeLost() {
    StringBuilder text = new StringBuilder();
    String nl = System.lineSeparator();
    for (PostRecord r : lost) {
      text.append(nl)
          .append(r.id())
          .append(" (account ")
          .append(r.accountId())
          .append(") ")
          .append(r.state())
          .append(" after attempt ")
          .append(r.attempt());
      for (Transition t : r.history()) {
        text.append(nl)
            .append("    ")
            .append(t.at())
            .append(' ')
            .append(t.from())
            .append(" -> ")
            .append(t.to())
            .append(" #")
            .append(t.attempt())
            .append(": ")
            .append(t.reason());
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return total
        + " posts: "
        + published
        + " published, "
        + excluded.values().stream().mapToLong(Long::longValue).sum()
        + " excluded for a user-side reason "
        + excluded
        + ", "
        + lost.size()
        + " lost";
  }
}
