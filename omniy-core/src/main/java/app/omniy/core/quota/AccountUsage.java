package app.omniy.core.quota;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What one account used of its quota (POST-3), as the {@link QuotaLedger} keeps it: publishing
 * slots by post id and container creations, each with its instant. Plain arrays in one object: an
 * account holds at most its daily limits, a scan of a few dozen {@code int}s costs less than a hash
 * map node per slot, and a check touches few cache lines (per-account collections were a profiled
 * 15–25% of dispatch time). Not thread-safe: the ledger locks it.
 */
final class AccountUsage {
  private String[] slotIds = new String[8];
  private int[] slotHashes = new int[8];
  private Instant[] slotTimes = new Instant[8];
  private int slots;

  private Instant[] containerTimes = new Instant[8];
  private int containers;

  /**
   * No entry is older than this: until it leaves the window there is nothing to prune, so a check
   * costs O(1) instead of a scan of both collections.
   */
  private Instant earliest = Instant.MAX;

  /** The live publishing limit last read (POST-3); 0 until one is. */
  private volatile int liveLimit;

  /** When the live limit may be read again, in epoch milliseconds. */
  private volatile long nextLimitReadMillis = Long.MIN_VALUE;

  int liveLimit() {
    return liveLimit;
  }

  void liveLimit(int limit) {
    liveLimit = limit;
  }

  /**
   * Whether the caller should read the live limit now; if so, the next read is pushed {@code
   * intervalMillis} out, so one caller reads while the others go on with the last answer. Only a
   * due read takes the monitor.
   */
  boolean limitReadDue(Instant now, long intervalMillis) {
    long millis = now.toEpochMilli();
    if (millis < nextLimitReadMillis) {
      return false;
    }
    synchronized (this) {
      if (millis < nextLimitReadMillis) {
        return false;
      }
      nextLimitReadMillis = millis + intervalMillis;
      return true;
    }
  }

  int slots() {
    return slots;
  }

  int containers() {
    return containers;
  }

  boolean holdsSlot(String postId) {
    return indexOf(postId) >= 0;
  }

  /** Sets the post's slot to {@code at}, adding it if it has none. */
  void slot(String postId, Instant at) {
    noted(at);
    int i = indexOf(postId);
    if (i >= 0) {
      slotTimes[i] = at;
      return;
    }
    if (slots == slotIds.length) {
      slotIds = Arrays.copyOf(slotIds, slots * 2);
      slotHashes = Arrays.copyOf(slotHashes, slots * 2);
      slotTimes = Arrays.copyOf(slotTimes, slots * 2);
    }
    slotIds[slots] = postId;
    slotHashes[slots] = postId.hashCode();
    slotTimes[slots] = at;
    slots++;
  }

  void releaseSlot(String postId) {
    int i = indexOf(postId);
    if (i >= 0) {
      removeSlot(i);
    }
  }

  void addContainers(Instant at, int count) {
    if (count <= 0) {
      return;
    }
    noted(at);
    if (containers + count > containerTimes.length) {
      containerTimes = Arrays.copyOf(containerTimes, Math.max(containers + count, containers * 2));
    }
    for (int i = 0; i < count; i++) {
      containerTimes[containers++] = at;
    }
  }

  /** Gives back up to {@code count} containers created at {@code at}. */
  void releaseContainers(Instant at, int count) {
    for (int i = containers - 1; i >= 0 && count > 0; i--) {
      if (containerTimes[i].equals(at)) {
        containerTimes[i] = containerTimes[--containers];
        containerTimes[containers] = null;
        count--;
      }
    }
  }

  /** Drops the entries at or before {@code start}, if there are any. */
  void prune(Instant start) {
    if (earliest.isAfter(start)) {
      return;
    }
    earliest = Instant.MAX;
    for (int i = slots - 1; i >= 0; i--) {
      if (slotTimes[i].isAfter(start)) {
        noted(slotTimes[i]);
      } else {
        removeSlot(i);
      }
    }
    for (int i = containers - 1; i >= 0; i--) {
      if (containerTimes[i].isAfter(start)) {
        noted(containerTimes[i]);
      } else {
        containerTimes[i] = containerTimes[--containers];
        containerTimes[containers] = null;
      }
    }
  }

  void forEachSlot(BiConsumer<String, Instant> action) {
    for (int i = 0; i < slots; i++) {
      action.accept(slotIds[i], slotTimes[i]);
    }
  }

  /** Puts every slot into {@code into}, replacing what it holds for the same post. */
  void putSlotsInto(Map<String, Instant> into) {
    for (int i = 0; i < slots; i++) {
      into.put(slotIds[i], slotTimes[i]);
    }
  }

  List<Instant> containerTimes() {
    return List.of(Arrays.copyOf(containerTimes, containers));
  }

  private void noted(Instant t) {
    if (t.isBefore(earliest)) {
      earliest = t;
    }
  }

  private int indexOf(String postId) {
    int hash = postId.hashCode();
    for (int i = 0; i < slots; i++) {
      if (slotHashes[i] == hash && postId.equals(slotIds[i])) {
        return i;
      }
    }
    return -1;
  }

  /** Moves the last slot into {@code i}'s place. */
  private void removeSlot(int i) {
    int last = --slots;
    slotIds[i] = slotIds[last];
    slotHashes[i] = slotHashes[last];
    slotTimes[i] = slotTimes[last];
    slotIds[last] = null;
    slotTimes[last] = null;
  }
}
