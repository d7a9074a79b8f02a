package app.omniy.core.dispatch;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One account's publishing slots by post id (POST-3), in three arrays scanned by the ids' hash
 * codes: an account holds at most its daily limit of slots, and a scan of a few dozen {@code int}s
 * costs less than a hash map's node per slot, which a profiled 15% of dispatch time went to (issue
 * 8). Not thread-safe: the ledger guards it.
 */
final class SlotList {
  private String[] ids = new String[8];
  private int[] hashes = new int[8];
  private Instant[] times = new Instant[8];
  private int size;

  int size() {
    return size;
  }

  boolean contains(String postId) {
    return indexOf(postId) >= 0;
  }

  /** Sets the post's slot to {@code at}, adding it if it has none. */
  void put(String postId, Instant at) {
    int i = indexOf(postId);
    if (i >= 0) {
      times[i] = at;
      return;
    }
    if (size == ids.length) {
      int capacity = size * 2;
      ids = Arrays.copyOf(ids, capacity);
      hashes = Arrays.copyOf(hashes, capacity);
      times = Arrays.copyOf(times, capacity);
    }
    ids[size] = postId;
    hashes[size] = postId.hashCode();
    times[size] = at;
    size++;
  }

  void remove(String postId) {
    int i = indexOf(postId);
    if (i >= 0) {
      removeAt(i);
    }
  }

  /** Drops the slots taken at or before {@code start}. */
  void removeAtOrBefore(Instant start) {
    for (int i = size - 1; i >= 0; i--) {
      if (!times[i].isAfter(start)) {
        removeAt(i);
      }
    }
  }

  void forEach(BiConsumer<String, Instant> action) {
    for (int i = 0; i < size; i++) {
      action.accept(ids[i], times[i]);
    }
  }

  /** Puts every slot into {@code into}, replacing what it holds for the same post. */
  void putAllInto(Map<String, Instant> into) {
    for (int i = 0; i < size; i++) {
      into.put(ids[i], times[i]);
    }
  }

  private int indexOf(String postId) {
    int hash = postId.hashCode();
    for (int i = 0; i < size; i++) {
      if (hashes[i] == hash && postId.equals(ids[i])) {
        return i;
      }
    }
    return -1;
  }

  /** Moves the last slot into {@code i}'s place. */
  private void removeAt(int i) {
    int last = --size;
    ids[i] = ids[last];
    hashes[i] = hashes[last];
    times[i] = times[last];
    ids[last] = null;
    times[last] = null;
  }
}
