package app.omniy.core.dispatch;

import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.spi.OutcomeClass;
import java.time.Duration;
import java.time.Instant;

/**
 * The host's listener with its exceptions swallowed: a listener's bug must not stop publishing, and
 * the transition it hears of is already recorded. A method per callback rather than a lambda per
 * call, which allocated on every event of the dispatch path.
 */
final class GuardedListener implements DispatchListener {
  private final DispatchListener host;

  GuardedListener(DispatchListener host) {
    this.host = host;
  }

  @Override
  public void attemptStarted(PostRecord post, Duration lateness) {
    try {
      host.attemptStarted(post, lateness);
    } catch (RuntimeException ignored) {
      // see the class comment
    }
  }

  @Override
  public void attemptEnded(PostRecord post, OutcomeClass outcome) {
    try {
      host.attemptEnded(post, outcome);
    } catch (RuntimeException ignored) {
      // see the class comment
    }
  }

  @Override
  public void published(PostRecord post, String mediaId) {
    try {
      host.published(post, mediaId);
    } catch (RuntimeException ignored) {
      // see the class comment
    }
  }

  @Override
  public void commented(PostRecord post, String mediaId) {
    try {
      host.commented(post, mediaId);
    } catch (RuntimeException ignored) {
      // see the class comment
    }
  }

  @Override
  public void commentSkipped(PostRecord post, String reason) {
    try {
      host.commentSkipped(post, reason);
    } catch (RuntimeException ignored) {
      // see the class comment
    }
  }

  @Override
  public void failed(PostRecord post, String reason) {
    try {
      host.failed(post, reason);
    } catch (RuntimeException ignored) {
      // see the class comment
    }
  }

  @Override
  public void missedWindow(PostRecord post) {
    try {
      host.missedWindow(post);
    } catch (RuntimeException ignored) {
      // see the class comment
    }
  }

  @Override
  public void deferred(PostRecord post, Instant until, String reason) {
    try {
      host.deferred(post, until, reason);
    } catch (RuntimeException ignored) {
      // see the class comment
    }
  }

  @Override
  public void needsReauth(PostRecord post, String reason) {
    try {
      host.needsReauth(post, reason);
    } catch (RuntimeException ignored) {
      // see the class comment
    }
  }

  @Override
  public void reauthWarning(PostRecord post, Instant publishAt) {
    try {
      host.reauthWarning(post, publishAt);
    } catch (RuntimeException ignored) {
      // see the class comment
    }
  }
}
