package app.omniy.firestore.internal;

import app.omniy.core.post.PostRecord;
import com.google.cloud.Timestamp;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The leased posts as this store last wrote them, with the update time of that write, so that the
 * lease holder's next write (start, container, outcome, release) needs no read first: it is written
 * with the precondition {@code updateTime == } that time, which Firestore applies only if nobody
 * wrote the post since, i.e. if the stored post is still exactly the record kept here. This halves
 * the calls of an attempt (and Firestore bills reads). If the precondition fails, the store reads
 * the post and decides as if it had never kept it.
 */
public final class HeldPosts {
  /** A post as written, and the update time Firestore gave the write. */
  public record Written(PostRecord record, Timestamp updateTime) {}

  /**
   * Beyond this many, all are forgotten: posts whose attempt ended without a release (a crash of
   * the attempt, a lost lease) would otherwise stay. Forgetting only costs reads.
   */
  static final int MAX = 10_000;

  private final ConcurrentHashMap<String, Written> byId = new ConcurrentHashMap<>();

  /** The post as this store last wrote it while leased, if it did. */
  public @Nullable Written get(String postId) {
    return byId.get(postId);
  }

  /** Keeps {@code record}, written at {@code updateTime}, while it is leased. */
  public void wrote(PostRecord record, Timestamp updateTime) {
    if (record.lease() == null) {
      byId.remove(record.id());
      return;
    }
    if (byId.size() >= MAX) {
      byId.clear();
    }
    byId.put(record.id(), new Written(record, updateTime));
  }

  /** Forgets {@code postId}: its stored state is no longer known. */
  public void forget(String postId) {
    byId.remove(postId);
  }
}
