package app.omniy.ops.internal;

import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.post.OutcomeClass;
import app.omniy.core.post.PostRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every listener, in order; one that throws is logged and the others still hear (the
 * dispatcher would swallow the exception silently).
 */
public final class Listeners implements DispatchListener {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private final List<DispatchListener> all;

  /** Fans out to {@code all}. */
  public Listeners(List<DispatchListener> all) {
    this.all = List.copyOf(all);
  }

  private void each(String event, java.util.function.Consumer<DispatchListener> call) {
    for (DispatchListener l : all) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("dispatch listener {} failed on {}", l, event, e);
      }
    }
  }

  @Override
  public void attemptStarted(PostRecord post, Duration lateness) {
    each("attemptStarted", l -> l.attemptStarted(post, lateness));
  }

  @Override
  public void attemptEnded(PostRecord post, OutcomeClass outcome) {
    each("attemptEnded", l -> l.attemptEnded(post, outcome));
  }

  @Override
  public void published(PostRecord post, String mediaId) {
    each("published", l -> l.published(post, mediaId));
  }

  @Override
  public void failed(PostRecord post, String reason) {
    each("failed", l -> l.failed(post, reason));
  }

  @Override
  public void missedWindow(PostRecord post) {
    each("missedWindow", l -> l.missedWindow(post));
  }

  @Override
  public void deferred(PostRecord post, Instant until, String reason) {
    each("deferred", l -> l.deferred(post, until, reason));
  }

  @Override
  public void needsReauth(PostRecord post, String reason) {
    each("needsReauth", l -> l.needsReauth(post, reason));
  }

  @Override
  public void reauthWarning(PostRecord post, Instant publishAt) {
    each("reauthWarning", l -> l.reauthWarning(post, publishAt));
  }
}
