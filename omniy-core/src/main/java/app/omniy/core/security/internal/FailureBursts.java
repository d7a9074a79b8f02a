package app.omniy.core.security.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Recent failure instants per key (an account or a source), fewer than {@code threshold} per key
 * and at most {@code maxKeys} keys: memory is bounded whatever the traffic. A burst is {@code
 * threshold} failures within {@code window}; once reported, the key starts counting afresh, so a
 * long attack reports once per {@code threshold} new failures rather than at every one.
 */
public final class FailureBursts {
  private final int threshold;
  private final long windowMillis;
  private final Lru<String, Recent> recent;

  /** The failures of one key still in the window, in epoch milliseconds, in arrival order. */
  private static final class Recent {
    final long[] millis;
    int count;

    Recent(int capacity) {
      this.millis = new long[capacity];
    }

    long newest() {
      long newest = Long.MIN_VALUE;
      for (int i = 0; i < count; i++) {
        newest = Math.max(newest, millis[i]);
      }
      return newest;
    }
  }

  /**
   * @param threshold failures that make a burst, at least 1
   * @param window the sliding window; a failure exactly {@code window} old still counts
   * @param maxKeys keys tracked at once; the least recently failed is forgotten first
   */
  public FailureBursts(int threshold, Duration window, int maxKeys) {
    this.threshold = threshold;
    this.windowMillis = window.toMillis();
    this.recent = new Lru<>(maxKeys);
  }

  /** Records a failure of {@code key}; true when it completes a burst. */
  public boolean failed(String key, Instant at) {
    long t = at.toEpochMilli();
    Recent r = recent.get(key);
    int kept = 0;
    if (r != null) {
      // Events may arrive slightly out of order, so every entry is tested, not just the oldest.
      for (int i = 0; i < r.count; i++) {
        if (Math.abs(t - r.millis[i]) <= windowMillis) {
          r.millis[kept++] = r.millis[i];
        }
      }
    }
    if (kept + 1 >= threshold) {
      recent.remove(key);
      return true;
    }
    if (r == null) {
      r = new Recent(threshold - 1);
      recent.put(key, r);
    }
    r.millis[kept] = t;
    r.count = kept + 1;
    return false;
  }

  /** Forgets every key whose newest failure is more than {@code window} before {@code now}. */
  public void prune(Instant now) {
    long t = now.toEpochMilli();
    recent.values().removeIf(r -> t - r.newest() > windowMillis);
  }

  /** Keys tracked now. */
  public int size() {
    return recent.size();
  }
}
