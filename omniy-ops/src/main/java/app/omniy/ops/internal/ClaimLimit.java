package app.omniy.ops.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Back-pressure for the dispatcher: how many attempts may run at once, additive increase and
 * multiplicative decrease. Every attempt that shows congestion (no answer, an open circuit, a rate
 * limit) or that took longer than {@code slow} halves the limit; every quick clean attempt raises
 * it by one, up to {@code max}. So a struggling publisher gets fewer calls, not more.
 *
 * <p>Lock-free: every attempt records here, so a monitor would make the workers queue for each
 * other once per post; a clean attempt at the maximum (the usual case) writes nothing at all.
 */
public final class ClaimLimit {
  private final int max;
  private final long slowNanos;
  private final AtomicInteger limit;

  /** Starts at {@code max}. */
  public ClaimLimit(int max, Duration slow) {
    this.max = max;
    this.slowNanos = slow.toNanos();
    this.limit = new AtomicInteger(max);
  }

  /** The current limit, between 1 and the maximum. */
  public int limit() {
    return limit.get();
  }

  /** Records one attempt's congestion and duration. */
  public void record(boolean congested, Duration took) {
    record(congested, took.toNanos());
  }

  /** Records one attempt's congestion and duration in nanoseconds (no allocation per attempt). */
  public void record(boolean congested, long tookNanos) {
    if (congested || tookNanos > slowNanos) {
      limit.updateAndGet(l -> Math.max(1, l / 2));
    } else if (limit.get() < max) {
      limit.updateAndGet(l -> Math.min(max, l + 1));
    }
  }
}
