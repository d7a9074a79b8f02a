package app.omniy.core.dispatch;

import app.omniy.core.Require;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.Transition;
import app.omniy.core.post.spi.OutcomeClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Dispatch listeners behind one guard: every callback reaches every listener, in order, and one
 * that throws goes to the {@link FailureHandler} while the others still hear. A listener's bug must
 * not stop publishing, and the transition it hears of is already recorded. The {@link Dispatcher}
 * puts its listener behind a guard that swallows the exceptions; a runtime that fans out to several
 * listeners and logs their failures passes its own guard, which the dispatcher then uses as it is.
 * A loop per callback rather than one loop taking a lambda, which allocated on every event of the
 * dispatch path.
 */
public final class GuardedListener implements DispatchListener {
  /** What becomes of an exception a listener threw. */
  @FunctionalInterface
  public interface FailureHandler {
    /** Swallows the exception. */
    FailureHandler IGNORE = (listener, callback, failure) -> {};

    /**
     * {@code listener} threw {@code failure} from {@code callback} (the method's name, e.g. {@code
     * published}). An exception this throws is swallowed too.
     */
    void failed(DispatchListener listener, String callback, RuntimeException failure);
  }

  private final DispatchListener[] all;
  private final FailureHandler onFailure;

  /**
   * Fans out to {@code listeners}, in order.
   *
   * @param onFailure told of each exception a listener throws; {@link FailureHandler#IGNORE} to
   *     swallow them
   * @throws app.omniy.core.InvalidValueException if the list, a listener or the handler is missing
   */
  public GuardedListener(List<? extends DispatchListener> listeners, FailureHandler onFailure) {
    Require.nonNull(listeners, "listeners");
    this.all = new DispatchListener[listeners.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = Require.nonNull(listeners.get(i), "listeners[" + i + "]");
    }
    this.onFailure = Require.nonNull(onFailure, "onFailure");
  }

  /** {@code listener} behind a guard that swallows its exceptions; a guard as it is. */
  static GuardedListener guard(DispatchListener listener) {
    return listener instanceof GuardedListener guarded
        ? guarded
        : new GuardedListener(List.of(listener), FailureHandler.IGNORE);
  }

  private void threw(DispatchListener listener, String callback, RuntimeException failure) {
    try {
      onFailure.failed(listener, callback, failure);
    } catch (RuntimeException ignored) {
      // a handler's bug must not stop publishing either
    }
  }

  /**
   * Tells of a post's recorded move the callback its new state calls for, with the move's reason (a
   * recovery's or an attempt's last move).
   */
  void announce(PostRecord r, String mediaId) {
    List<Transition> history = r.history();
    String reason = history.isEmpty() ? "" : history.get(history.size() - 1).reason();
    switch (r.state()) {
      case PUBLISHED -> published(r, mediaId);
      case FAILED -> {
        failed(r, reason);
        if (reason.startsWith(Reasons.MISSED_WINDOW)) {
          missedWindow(r);
        }
      }
      case NEEDS_REAUTH -> needsReauth(r, reason);
      case SCHEDULED, RETRY_WAIT -> deferred(r, r.nextAttemptAt(), reason);
      case PUBLISHING, CANCELLED -> {}
    }
  }

  @Override
  public void attemptStarted(PostRecord post, Duration lateness) {
    for (DispatchListener l : all) {
      try {
        l.attemptStarted(post, lateness);
      } catch (RuntimeException e) {
        threw(l, "attemptStarted", e);
      }
    }
  }

  @Override
  public void attemptEnded(PostRecord post, OutcomeClass outcome) {
    for (DispatchListener l : all) {
      try {
        l.attemptEnded(post, outcome);
      } catch (RuntimeException e) {
        threw(l, "attemptEnded", e);
      }
    }
  }

  @Override
  public void published(PostRecord post, String mediaId) {
    for (DispatchListener l : all) {
      try {
        l.published(post, mediaId);
      } catch (RuntimeException e) {
        threw(l, "published", e);
      }
    }
  }

  @Override
  public void commented(PostRecord post, String mediaId) {
    for (DispatchListener l : all) {
      try {
        l.commented(post, mediaId);
      } catch (RuntimeException e) {
        threw(l, "commented", e);
      }
    }
  }

  @Override
  public void commentSkipped(PostRecord post, String reason) {
    for (DispatchListener l : all) {
      try {
        l.commentSkipped(post, reason);
      } catch (RuntimeException e) {
        threw(l, "commentSkipped", e);
      }
    }
  }

  @Override
  public void failed(PostRecord post, String reason) {
    for (DispatchListener l : all) {
      try {
        l.failed(post, reason);
      } catch (RuntimeException e) {
        threw(l, "failed", e);
      }
    }
  }

  @Override
  public void missedWindow(PostRecord post) {
    for (DispatchListener l : all) {
      try {
        l.missedWindow(post);
      } catch (RuntimeException e) {
        threw(l, "missedWindow", e);
      }
    }
  }

  @Override
  public void deferred(PostRecord post, Instant until, String reason) {
    for (DispatchListener l : all) {
      try {
        l.deferred(post, until, reason);
      } catch (RuntimeException e) {
        threw(l, "deferred", e);
      }
    }
  }

  @Override
  public void needsReauth(PostRecord post, String reason) {
    for (DispatchListener l : all) {
      try {
        l.needsReauth(post, reason);
      } catch (RuntimeException e) {
        threw(l, "needsReauth", e);
      }
    }
  }

  @Override
  public void reauthWarning(PostRecord post, Instant publishAt) {
    for (DispatchListener l : all) {
      try {
        l.reauthWarning(post, publishAt);
      } catch (RuntimeException e) {
        threw(l, "reauthWarning", e);
      }
    }
  }
}
