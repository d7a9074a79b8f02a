package app.omniy.core.dispatch;

import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Transition;
import app.omniy.core.post.spi.OutcomeClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a post's history says about the status polls of its current container: how many polls in a
 * row found it still processing and since when, read from the recorded {@code NOT_READY} moves, so
 * the cadence survives restarts and moves between runtimes with the post (POST-8).
 */
final class StatusPolls {
  /** How a give-up's reason detail starts; the next attempt then makes a new container. */
  static final String GAVE_UP = "gave up polling";

  private StatusPolls() {}

  /**
   * The polls of this run's container that found it in progress, this one included, and how long
   * ago the first of them was.
   */
  record Seen(int polls, Duration inProgressFor) {}

  static Seen seen(PostRecord r, Instant now) {
    List<Transition> history = r.history();
    int polls = 1;
    Instant first = now;
    for (int i = history.size() - 1; i >= 0; i--) {
      Transition t = history.get(i);
      if (t.to() == PostState.PUBLISHING) {
        continue; // the start of an attempt, between its polls
      }
      if (t.from() != PostState.PUBLISHING || !notReady(t)) {
        break;
      }
      polls++;
      first = t.at();
    }
    return new Seen(polls, first.isAfter(now) ? Duration.ZERO : Duration.between(first, now));
  }

  /** Whether the attempt before this one gave up on its container, which must not be reused. */
  static boolean gaveUp(PostRecord r) {
    List<Transition> history = r.history();
    for (int i = history.size() - 1; i >= 0; i--) {
      Transition t = history.get(i);
      if (t.to() != PostState.PUBLISHING) {
        return t.reason().startsWith(OutcomeClass.NEW_CONTAINER.name() + ": " + GAVE_UP);
      }
    }
    return false;
  }

  private static boolean notReady(Transition t) {
    return t.reasonCode().equals(OutcomeClass.NOT_READY.name());
  }
}
