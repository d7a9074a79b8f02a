package app.omniy.examples.trial;

import app.omniy.core.dispatch.Dispatcher;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.spi.OutcomeClass;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What a host does with the dispatcher's callbacks, as the trial does it: every event goes to the
 * meters (which the alert rules read), and an account whose token expired is marked, so its later
 * posts wait for the owner without calling Instagram again (POST-11).
 */
final class TrialListener implements DispatchListener {
  private final DispatchListener meters;
  private final Supplier<Dispatcher> dispatcher;

  TrialListener(DispatchListener meters, Supplier<Dispatcher> dispatcher) {
    this.meters = meters;
    this.dispatcher = dispatcher;
  }

  @Override
  public void needsReauth(PostRecord post, String reason) {
    meters.needsReauth(post, reason);
    dispatcher.get().accountNeedsReauth(post.accountId());
  }

  @Override
  public void attemptStarted(PostRecord post, Duration lateness) {
    meters.attemptStarted(post, lateness);
  }

  @Override
  public void attemptEnded(PostRecord post, OutcomeClass outcome) {
    meters.attemptEnded(post, outcome);
  }

  @Override
  public void published(PostRecord post, String mediaId) {
    meters.published(post, mediaId);
  }

  @Override
  public void commented(PostRecord post, String mediaId) {
    meters.commented(post, mediaId);
  }

  @Override
  public void commentSkipped(PostRecord post, String reason) {
    meters.commentSkipped(post, reason);
  }

  @Override
  public void failed(PostRecord post, String reason) {
    meters.failed(post, reason);
  }

  @Override
  public void missedWindow(PostRecord post) {
    meters.missedWindow(post);
  }

  @Override
  public void deferred(PostRecord post, Instant until, String reason) {
    meters.deferred(post, until, reason);
  }

  @Override
  public void reauthWarning(PostRecord post, Instant publishAt) {
    meters.reauthWarning(post, publishAt);
  }
}
