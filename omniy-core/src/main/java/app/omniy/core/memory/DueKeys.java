package app.omniy.core.memory;

import java.time.Instant;

/**
 * Due times as {@code long} nanoseconds since the epoch, so the in-memory store's heaps compare two
 * primitives instead of two {@link Instant}s behind pointers, which is cheaper on the dispatch
 * path. Saturated: instants more than 292 years from 1970 clamp to the extremes, where only the id
 * still orders them.
 */
final class DueKeys {
  private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;

  private DueKeys() {}

  static long of(Instant t) {
    long seconds = t.getEpochSecond();
    if (seconds >= MAX_SECONDS) {
      return Long.MAX_VALUE;
    }
    if (seconds <= -MAX_SECONDS) {
      return Long.MIN_VALUE;
    }
    return seconds * 1_000_000_000L + t.getNano();
  }

  /**
   * The first characters of {@code id} packed into a {@code long} whose unsigned order agrees with
   * the ids' order wherever the packed values differ: up to eight characters below U+00FF one byte
   * each, stopping at the first character at or above it (as U+00FF), zeros after. Posts due at the
   * same instant (the common case in a burst) are then ordered mostly without reading the strings.
   */
  static long idPrefix(String id) {
    long packed = 0;
    int n = Math.min(8, id.length());
    int i = 0;
    for (; i < n; i++) {
      char c = id.charAt(i);
      if (c >= 0xFF) {
        packed = (packed << 8) | 0xFF;
        i++;
        break;
      }
      packed = (packed << 8) | c;
    }
    return packed << (8 * (8 - i));
  }

  /**
   * The due order of {@code PostStoreRules.DUE_ORDER} as far as the keys tell: by due time, then by
   * id prefix; 0 when both tie, and only then do callers read the ids.
   */
  static int compareKeys(long dueA, long prefixA, long dueB, long prefixB) {
    int order = Long.compare(dueA, dueB);
    return order != 0 ? order : Long.compareUnsigned(prefixA, prefixB);
  }
}
