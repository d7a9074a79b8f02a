package app.omniy.core.post;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the {@link InMemoryPostStore} indexes per account: its unleased due posts as a binary
 * min-heap ordered by (due time, id), and the posts that hold or held a publishing slot (POST-3).
 * The heap lives in two arrays, each entry's keys side by side in one and its references side by
 * side in the other, so taking the head costs a few primitive comparisons, touches few cache lines
 * and allocates no node per post (the trees it replaced were a profiled 30% of dispatch time, issue
 * 8).
 *
 * <p>The heap is lazy: a post the host changed is pushed again and its old entry stays until it
 * reaches the top, where {@link #dropStaleHead} discards it (the entry's record is no longer the
 * post's current one). So no write has to find a post inside the heap.
 */
final class AccountIndex {
  final String id;

  /** Under the store's lock: position in the store's heap of account heads, -1 when not in it. */
  int headPosition = -1;

  /** Under the store's lock: whether the account is in the store's round-robin queue. */
  boolean ready;

  /** Under the store's lock: per entry i, its due key at 2i and its id prefix at 2i + 1. */
  private long[] keys = new long[8];

  /** Under the store's lock: per entry i, its record at 2i and its post's cell at 2i + 1. */
  private Object[] refs = new Object[8];

  private int size;

  /** Under this object's monitor: posts that entered PUBLISHING or PUBLISHED (POST-3). */
  final List<StoredPost> slotHolders = new ArrayList<>();

  AccountIndex(String id) {
    this.id = id;
  }

  boolean isEmpty() {
    return size == 0;
  }

  long headDue() {
    return keys[0];
  }

  long headPrefix() {
    return keys[1];
  }

  PostRecord headRecord() {
    return (PostRecord) refs[0];
  }

  StoredPost headPost() {
    return (StoredPost) refs[1];
  }

  /** Discards heads that are no longer their post's current record; whether any was. */
  boolean dropStaleHead() {
    boolean dropped = false;
    while (size > 0 && headPost().record() != refs[0]) {
      removeHead();
      dropped = true;
    }
    return dropped;
  }

  /** Adds an unleased due record; whether it became the head. */
  boolean add(StoredPost post, PostRecord record) {
    if (2 * size == keys.length) {
      int entries = size + (size >> 1) + 1; // 1.5×: less slack per pending post than doubling
      keys = Arrays.copyOf(keys, 2 * entries);
      refs = Arrays.copyOf(refs, 2 * entries);
    }
    long due = DueKeys.of(record.nextAttemptAt());
    long prefix = DueKeys.idPrefix(record.id());
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (compareTo(parent, due, prefix, record) <= 0) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    put(i, due, prefix, record, post);
    return i == 0;
  }

  /** Removes the head. */
  void removeHead() {
    int last = --size;
    long due = keys[2 * last];
    long prefix = keys[2 * last + 1];
    PostRecord record = (PostRecord) refs[2 * last];
    StoredPost post = (StoredPost) refs[2 * last + 1];
    refs[2 * last] = null;
    refs[2 * last + 1] = null;
    if (last == 0) {
      return;
    }
    int i = 0;
    int half = last >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < last
          && compareTo(right, keys[2 * child], keys[2 * child + 1], (PostRecord) refs[2 * child])
              < 0) {
        child = right;
      }
      if (compareTo(child, due, prefix, record) >= 0) {
        break;
      }
      move(child, i);
      i = child;
    }
    put(i, due, prefix, record, post);
  }

  /** Entry {@code i} against the given keys, in the due order. */
  private int compareTo(int i, long due, long prefix, PostRecord record) {
    int order = Long.compare(keys[2 * i], due);
    if (order != 0) {
      return order;
    }
    order = Long.compareUnsigned(keys[2 * i + 1], prefix);
    return order != 0 ? order : ((PostRecord) refs[2 * i]).id().compareTo(record.id());
  }

  private void move(int from, int to) {
    keys[2 * to] = keys[2 * from];
    keys[2 * to + 1] = keys[2 * from + 1];
    refs[2 * to] = refs[2 * from];
    refs[2 * to + 1] = refs[2 * from + 1];
  }

  private void put(int i, long due, long prefix, PostRecord record, StoredPost post) {
    keys[2 * i] = due;
    keys[2 * i + 1] = prefix;
    refs[2 * i] = record;
    refs[2 * i + 1] = post;
  }
}
