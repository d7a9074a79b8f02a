package app.omniy.core.memory;

import java.util.Arrays;

/**
 * The accounts with posts in the due index that are not in the store's round-robin queue of due
 * accounts, as a binary min-heap ordered by each account's earliest post (due time, then id): a
 * claim moves the accounts whose earliest post fell due into the queue, in that order, without
 * looking at the others. Indexed: each {@link AccountIndex} knows its position, so an account whose
 * head changed moves up or down in O(log accounts). Guarded by the store's lock.
 */
final class AccountHeads {
  private AccountIndex[] heap = new AccountIndex[16];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  AccountIndex first() {
    return heap[0];
  }

  /** Takes the first account off the heap. */
  AccountIndex pollFirst() {
    AccountIndex first = heap[0];
    removeAt(0);
    return first;
  }

  /**
   * Puts {@code account} where its head now belongs: added if absent, moved if present, removed if
   * it has no due post left.
   */
  void update(AccountIndex account) {
    int i = account.headPosition;
    if (account.isEmpty()) {
      if (i >= 0) {
        removeAt(i);
      }
      return;
    }
    if (i < 0) {
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, size * 2);
      }
      i = size++;
      place(i, account);
    }
    siftDown(siftUp(i));
  }

  private void removeAt(int i) {
    AccountIndex removed = heap[i];
    removed.headPosition = -1;
    int last = --size;
    AccountIndex moved = heap[last];
    heap[last] = null;
    if (i == last) {
      return;
    }
    place(i, moved);
    siftDown(siftUp(i));
  }

  private int siftUp(int i) {
    AccountIndex a = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (before(heap[parent], a)) {
        break;
      }
      place(i, heap[parent]);
      i = parent;
    }
    place(i, a);
    return i;
  }

  private void siftDown(int i) {
    AccountIndex a = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && before(heap[right], heap[child])) {
        child = right;
      }
      if (!before(heap[child], a)) {
        break;
      }
      place(i, heap[child]);
      i = child;
    }
    place(i, a);
  }

  private void place(int i, AccountIndex a) {
    heap[i] = a;
    a.headPosition = i;
  }

  private static boolean before(AccountIndex a, AccountIndex b) {
    int order = DueKeys.compareKeys(a.headDue(), a.headPrefix(), b.headDue(), b.headPrefix());
    // The ids only on a tie of both keys: reading them is three dereferences each.
    return order != 0 ? order < 0 : a.headRecord().id().compareTo(b.headRecord().id()) < 0;
  }
}
