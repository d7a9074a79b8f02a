package app.omniy.ops.internal;

import java.time.Duration;

/**
 * Back-pressure for the dispatcher: how many attempts may run at once, additive increase and
 * multiplicative decrease. Every attempt that shows congestion (no answer, an open circuit, a rate
 * limit) or that took longer than {@code slow} halves the limit; every quick clean attempt raises
 * it by one, up to {@code max}. So a struggling publisher gets fewer calls, not more.
 */
public final class ClaimLimit {
  private final int max;
  private final Duration slow;
  private int limit;

  /** Starts at {@code max}. */
  public ClaimLimit(int max, Duration slow) {
    this.max = max;
    this.slow = slow;
    this.limit = max;
  }

  /** The current limit, between 1 and the maximum. */
  public synchronized int limit() {
    return limit;
  }

  /** Records one attempt's congestion and duration. */
  public synchronized void record(boolean congested, Duration took) {
    if (congested || took.compareTo(slow) > 0) {
      limit = Math.max(1, limit / 2);
    } else if (limit < max) {
      limit++;
    }
  }
}
