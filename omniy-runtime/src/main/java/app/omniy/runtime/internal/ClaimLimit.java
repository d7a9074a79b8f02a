package app.omniy.runtime.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Back-pressure for the dispatcher: how many attempts may run at once, additive increase and
 * multiplicative decrease. An attempt that shows congestion (no answer, an open circuit, a rate
 * limit) or that took longer than {@code slow} halves the limit, when the attempt that struggled
 * before it was another account's; every quick clean attempt raises it by one, up to {@code max}.
 * So a struggling publisher gets fewer calls, not more.
 *
 * <p>Why another account's: the limit protects the publisher as a whole, and one account whose
 * every call stalls is that account's trouble, not the publisher's (POST-10). Halving on its
 * attempts alone let it throttle every other account: with the limit at one and the one worker
 * allowed to claim stuck in that account's call, nobody claimed until the call timed out. Trouble
 * on two accounts in turn is the publisher's, so a Graph API that fails for everyone still brings
 * the limit down at once.
 *
 * <p>Lock-free: every attempt records here, so a monitor would make the workers queue for each
 * other once per post; a clean attempt at the maximum (the usual case) writes nothing at all.
 */
public final class ClaimLimit {
  private final int max;
  private final long slowNanos;
  private final AtomicInteger limit;
  private final AtomicReference<@Nullable String> lastStruggling = new AtomicReference<>();

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

  /**
   * Records one attempt of {@code accountId}: whether it showed congestion and how long it took.
   */
  public void record(String accountId, boolean congested, Duration took) {
    record(accountId, congested, took.toNanos());
  }

  /** As {@link #record(String, boolean, Duration)}, in nanoseconds (no allocation per attempt). */
  public void record(String accountId, boolean congested, long tookNanos) {
    if (congested || tookNanos > slowNanos) {
      String before = lastStruggling.getAndSet(accountId);
      if (before != null && !before.equals(accountId)) {
        limit.updateAndGet(l -> Math.max(1, l / 2));
      }
    } else if (limit.get() < max) {
      limit.updateAndGet(l -> Math.min(max, l + 1));
    }
  }
}
