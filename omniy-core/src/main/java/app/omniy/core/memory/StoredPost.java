package app.omniy.core.memory;

import app.omniy.core.post.PostRecord;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One post's cell in the {@link InMemoryPostStore}: the current record, replaced only by
 * compare-and-set, so the lease holder's writes need neither the store's lock nor a hash-map bin
 * lock, and busy workers do not queue for each other. The other fields are bookkeeping of the
 * store's indexes, each guarded as it says.
 */
final class StoredPost {
  private static final VarHandle RECORD;

  static {
    try {
      RECORD = MethodHandles.lookup().findVarHandle(StoredPost.class, "record", PostRecord.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final AccountIndex account;

  @SuppressWarnings("unused") // read and written through RECORD
  private volatile PostRecord record;

  /**
   * Under the store's lock: the stamp of the post's entry in its account's due heap, 0 when it has
   * none; an entry with another stamp is stale.
   */
  long indexStamp;

  /** Under the store's lock: whether the post is in the store's list of leased posts. */
  boolean inLeasedList;

  /** Under {@link #account}'s monitor: whether the account's slot holders list this post. */
  boolean holdsSlotListed;

  StoredPost(AccountIndex account, PostRecord record) {
    this.account = account;
    this.record = record;
  }

  PostRecord record() {
    return record;
  }

  /** Replaces {@code expected} by {@code next} unless another write came first. */
  boolean compareAndSet(PostRecord expected, PostRecord next) {
    return RECORD.compareAndSet(this, expected, next);
  }
}
