package app.omniy.runtime.internal;

import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.spi.OutcomeClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every listener, in order; one that throws is logged and the others still hear (the
 * dispatcher would swallow the exception silently). A loop per callback rather than one loop taking
 * a lambda, which allocated on every event of the dispatch path.
 */
public final class Listeners implements DispatchListener {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private final DispatchListener[] all;

  /** Fans out to {@code all}. */
  public Listeners(List<DispatchListener> all) {
    this.all = all.toArray(DispatchListener[]::new);
  }

  private static void failed(DispatchListener l, String event, RuntimeException e) {
    LOG.warn("dispatch listener {} failed on {}", l, event, e);
  }

  @Override
  public void attemptStarted(PostRecord post, Duration lateness) {
    for (DispatchListener l : all) {
      try {
        l.attemptStarted(post, lateness);
      } catch (RuntimeException e) {
        failed(l, "attemptStarted", e);
      }
    }
  }

  @Override
  public void attemptEnded(PostRecord post, OutcomeClass outcome) {
    for (DispatchListener l : all) {
      try {
        l.attemptEnded(post, outcome);
      } catch (RuntimeException e) {
        failed(l, "attemptEnded", e);
      }
    }
  }

  @Override
  public void published(PostRecord post, String mediaId) {
    for (DispatchListener l : all) {
      try {
        l.published(post, mediaId);
      } catch (RuntimeException e) {
        failed(l, "published", e);
      }
    }
  }

  @Override
  public void commented(PostRecord post, String mediaId) {
    for (DispatchListener l : all) {
      try {
        l.commented(post, mediaId);
      } catch (RuntimeException e) {
        failed(l, "commented", e);
      }
    }
  }

  @Override
  public void commentSkipped(PostRecord post, String reason) {
    for (DispatchListener l : all) {
      try {
        l.commentSkipped(post, reason);
      } catch (RuntimeException e) {
        failed(l, "commentSkipped", e);
      }
    }
  }

  @Override
  public void failed(PostRecord post, String reason) {
    for (DispatchListener l : all) {
      try {
        l.failed(post, reason);
      } catch (RuntimeException e) {
        failed(l, "failed", e);
      }
    }
  }

  @Override
  public void missedWindow(PostRecord post) {
    for (DispatchListener l : all) {
      try {
        l.missedWindow(post);
      } catch (RuntimeException e) {
        failed(l, "missedWindow", e);
      }
    }
  }

  @Override
  public void deferred(PostRecord post, Instant until, String reason) {
    for (DispatchListener l : all) {
      try {
        l.deferred(post, until, reason);
      } catch (RuntimeException e) {
        failed(l, "deferred", e);
      }
    }
  }

  @Override
  public void needsReauth(PostRecord post, String reason) {
    for (DispatchListener l : all) {
      try {
        l.needsReauth(post, reason);
      } catch (RuntimeException e) {
        failed(l, "needsReauth", e);
      }
    }
  }

  @Override
  public void reauthWarning(PostRecord post, Instant publishAt) {
    for (DispatchListener l : all) {
      try {
        l.reauthWarning(post, publishAt);
      } catch (RuntimeException e) {
        failed(l, "reauthWarning", e);
      }
    }
  }
}
