package app.omniy.instagram.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One account's last known API usage and the instant before which the adapter holds its calls back.
 * The adapter slows down when usage nears the limit, so that it is not throttled (and does not look
 * like a bot, a complaint about peer schedulers) in the first place.
 */
public final class AccountThrottle {
  private final AtomicInteger usagePercent = new AtomicInteger();
  private final AtomicReference<Instant> holdUntil = new AtomicReference<>(Instant.MIN);

  /** The gauge's value: the highest usage percentage the API last reported. */
  public AtomicInteger usagePercent() {
    return usagePercent;
  }

  /** How long calls are held back at {@code now}; zero when they may go. */
  public Duration heldFor(Instant now) {
    Instant until = holdUntil.get();
    return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
  }

  /**
   * Records the usage an answer carried; at {@code slowDownAt} percent or more, holds calls for the
   * wait the API stated, or {@code defaultHold} when it stated none.
   */
  public void record(RateLimitUsage usage, Instant now, int slowDownAt, Duration defaultHold) {
    usagePercent.set(usage.percent());
    if (usage.percent() >= slowDownAt) {
      hold(now.plus(usage.statedWait().orElse(defaultHold)));
    }
  }

  /** Holds calls until {@code until}, unless already held longer. */
  public void hold(Instant until) {
    holdUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
  }
}
