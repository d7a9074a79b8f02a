package app.omniy.testkit.graph;

import app.omniy.core.InvalidValueException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A Graph API call the {@link FakeGraphApi} holds on arrival (see {@link
 * FakeGraphApi#holdNext(GraphCall)}) until the test decides what becomes of it: {@link #serve()}
 * lets it take effect — a held {@code media_publish} then publishes, and the answer goes to whoever
 * still listens — and {@link #drop()} closes the connection without serving it, as if the request
 * never reached Meta. In between, the caller is waiting on its answer: the moment to kill the
 * worker that sent it (POST-7's "crash during {@code media_publish}"). A call held for two minutes
 * without a decision is dropped.
 */
public final class HeldCall {
  private final Hold hold;

  HeldCall(Hold hold) {
    this.hold = hold;
  }

  /** Which kind of call is held. */
  public GraphCall call() {
    return hold.call();
  }

  /**
   * Waits until the call arrives and is being held.
   *
   * @return whether it arrived within {@code timeout}
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitArrival(Duration timeout) throws InterruptedException {
    if (timeout == null || timeout.isNegative()) {
      throw new InvalidValueException("timeout", timeout, "must be zero or positive");
    }
    return hold.awaitArrival(timeout);
  }

  /** Whether the call has arrived. */
  public boolean arrived() {
    return hold.hasArrived();
  }

  /** The request's path once it arrived, such as {@code /v26.0/17841400000000001/media_publish}. */
  public String path() {
    return hold.path();
  }

  /**
   * The request's parameters (query and form body, without any {@code access_token}) once it
   * arrived; for {@code media_publish} the container is {@code creation_id}.
   */
  public Map<String, String> params() {
    return hold.params();
  }

  /** The account the call's token belongs to, once it arrived. */
  public Optional<String> accountId() {
    return Optional.ofNullable(hold.accountId());
  }

  /** Lets the call through: it is served as if it had never been held. */
  public void serve() {
    hold.decide(true);
  }

  /** Closes the call's connection without serving it: it has no effect. */
  public void drop() {
    hold.decide(false);
  }
}
