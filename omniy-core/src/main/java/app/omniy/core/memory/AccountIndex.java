package app.omniy.core.memory;

import app.omniy.core.post.PostRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the {@link InMemoryPostStore} indexes per account: its unleased due posts as a min-heap
 * ordered by (due time, id), and the posts that hold or held a publishing slot (POST-3).
 *
 * <p>The heap is 4-ary and lives in two arrays: per entry three {@code long}s side by side (the due
 * time, a prefix of the id that orders most ties without reading the string, and the stamp the post
 * was indexed with) and the post's cell. Taking the head thus costs a few primitive comparisons
 * over half the depth of a binary heap, moves one reference per level (each a garbage collector
 * barrier) and allocates nothing; the red-black trees it replaced were a profiled 30–40% of
 * dispatch time.
 *
 * <p>The heap is lazy: a post the host changed is pushed again under a new stamp and its old entry
 * stays until it reaches the top, where {@link #dropStaleHead} discards it. So no write has to find
 * a post inside the heap.
 */
final class AccountIndex {
  private static final int ARITY = 4;
  private static final int KEYS = 3;

  /** Under the store's lock: position in the store's heap of account heads, -1 when not in it. */
  int headPosition = -1;

  /** Under the store's lock: whether the account is in the store's round-robin queue. */
  boolean ready;

  /** Under the store's lock: per entry i, due key at 3i, id prefix at 3i + 1, stamp at 3i + 2. */
  private long[] keys = new long[KEYS * 4];

  /** Under the store's lock: per entry i, the post's cell. */
  private StoredPost[] cells = new StoredPost[4];

  private int size;

  /** Under this object's monitor: posts that entered PUBLISHING or PUBLISHED (POST-3). */
  final List<StoredPost> slotHolders = new ArrayList<>();

  boolean isEmpty() {
    return size == 0;
  }

  long headDue() {
    return keys[0];
  }

  long headPrefix() {
    return keys[1];
  }

  StoredPost headPost() {
    return cells[0];
  }

  /** The head's record: current, since a stale head is dropped before it is read. */
  PostRecord headRecord() {
    return cells[0].record();
  }

  /** Discards heads indexed under a stamp their post no longer has; whether any was. */
  boolean dropStaleHead() {
    boolean dropped = false;
    while (size > 0 && cells[0].indexStamp != keys[2]) {
      removeHead();
      dropped = true;
    }
    return dropped;
  }

  /** Adds the post's current (unleased, due) record under {@code stamp}; whether it is the head. */
  boolean add(StoredPost cell, PostRecord record, long stamp) {
    if (size == cells.length) {
      int capacity = size + (size >> 1) + 1; // 1.5×: less slack per pending post than doubling
      keys = Arrays.copyOf(keys, KEYS * capacity);
      cells = Arrays.copyOf(cells, capacity);
    }
    long due = DueKeys.of(record.nextAttemptAt());
    long prefix = DueKeys.idPrefix(record.id());
    String id = record.id();
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) / ARITY;
      if (compare(parent, due, prefix, id) <= 0) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    put(i, due, prefix, stamp, cell);
    return i == 0;
  }

  /**
   * Gives {@code action} the current record of every entry whose due key is in {@code [fromKey,
   * toKey]} and that is not stale, still waiting (SCHEDULED, RETRY_WAIT) and unleased; a subtree
   * whose root is due after {@code toKey} is skipped (a heap's children are due no earlier).
   */
  void forEachWaiting(long fromKey, long toKey, Consumer<PostRecord> action) {
    forEachWaiting(0, fromKey, toKey, action);
  }

  private void forEachWaiting(int i, long fromKey, long toKey, Consumer<PostRecord> action) {
    if (i >= size || keys[KEYS * i] > toKey) {
      return;
    }
    if (keys[KEYS * i] >= fromKey && cells[i].indexStamp == keys[KEYS * i + 2]) {
      PostRecord r = cells[i].record();
      if (r.state().isDue() && r.lease() == null) {
        action.accept(r);
      }
    }
    for (int c = ARITY * i + 1, end = Math.min(c + ARITY, size); c < end; c++) {
      forEachWaiting(c, fromKey, toKey, action);
    }
  }

  /** Removes the head. */
  void removeHead() {
    int last = --size;
    long due = keys[KEYS * last];
    long prefix = keys[KEYS * last + 1];
    long stamp = keys[KEYS * last + 2];
    StoredPost cell = cells[last];
    cells[last] = null;
    if (last == 0) {
      return;
    }
    String id = null; // read only if the keys tie
    int i = 0;
    while (true) {
      int first = ARITY * i + 1;
      if (first >= last) {
        break;
      }
      int least = first;
      int end = Math.min(first + ARITY, last);
      for (int c = first + 1; c < end; c++) {
        if (before(c, least)) {
          least = c;
        }
      }
      int order = DueKeys.compareKeys(keys[KEYS * least], keys[KEYS * least + 1], due, prefix);
      if (order == 0) {
        if (id == null) {
          id = cell.record().id();
        }
        order = idAt(least).compareTo(id);
      }
      if (order >= 0) {
        break;
      }
      move(least, i);
      i = least;
    }
    put(i, due, prefix, stamp, cell);
  }

  /** Entry {@code i} against the given keys, in the due order. */
  private int compare(int i, long due, long prefix, String id) {
    int order = DueKeys.compareKeys(keys[KEYS * i], keys[KEYS * i + 1], due, prefix);
    return order != 0 ? order : idAt(i).compareTo(id);
  }

  private boolean before(int a, int b) {
    int order =
        DueKeys.compareKeys(keys[KEYS * a], keys[KEYS * a + 1], keys[KEYS * b], keys[KEYS * b + 1]);
    return order != 0 ? order < 0 : idAt(a).compareTo(idAt(b)) < 0;
  }

  /**
   * The id of entry {@code i}'s post: the same for a stale entry as for its current record, since a
   * host's change keeps the id.
   */
  private String idAt(int i) {
    return cells[i].record().id();
  }

  private void move(int from, int to) {
    keys[KEYS * to] = keys[KEYS * from];
    keys[KEYS * to + 1] = keys[KEYS * from + 1];
    keys[KEYS * to + 2] = keys[KEYS * from + 2];
    cells[to] = cells[from];
  }

  private void put(int i, long due, long prefix, long stamp, StoredPost cell) {
    keys[KEYS * i] = due;
    keys[KEYS * i + 1] = prefix;
    keys[KEYS * i + 2] = stamp;
    cells[i] = cell;
  }
}
