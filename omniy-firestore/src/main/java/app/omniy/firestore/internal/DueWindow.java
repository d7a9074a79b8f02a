package app.omniy.firestore.internal;

import app.omniy.core.post.PostRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The due posts one post store read in its last per-shard fan-out, which its later claims take from
 * until it runs short or grows old, shared by the threads of that store.
 *
 * <p>Why: on Firestore (and far more on the emulator) a query costs much more than a write, and a
 * fan-out is one query per shard. Reading a window of due posts once and claiming from it for
 * several calls turns a claim into one conditional write per post. A post in the window may have
 * been claimed or changed by another worker since it was read: the claim's write carries the read's
 * {@code updateTime} as a precondition and fails, so a stale window costs a failed write, never a
 * double claim.
 *
 * <p>Order: the window holds the posts due by {@code readAt + maxAge}, complete up to its horizon
 * (that instant, or the last due time read from a shard whose query filled its limit, if earlier:
 * that shard may hold more posts after it). So until the horizon it also answers "nothing more is
 * due" without a read, which keeps idle workers from querying every shard on every poll. Posts that
 * this store makes due itself (insert, release, host change) drop the window ({@link
 * #forgetIfDueBy}); other workers' such writes are seen at the next read, at most {@code maxAge}
 * later.
 *
 * @param <R> what a post was read as (the store's document snapshot)
 */
public final class DueWindow<R> {
  /**
   * A due post and the read it was decoded from ({@code R}: for the store, the document snapshot
   * whose update time the claim's write checks).
   */
  public record Candidate<R>(PostRecord record, R read, long dueNs) {}

  /** Losses the window tolerates before it may be judged stale. */
  static final int STALE_AFTER = 3;

  private final long maxAgeNs;
  private List<Candidate<R>> due = new ArrayList<>();
  private long readAtNs = Long.MIN_VALUE;
  private long horizonNs = Long.MIN_VALUE;
  private int won;
  private int lost;

  /** A window that answers for at most {@code maxAgeNs} after its read. */
  public DueWindow(long maxAgeNs) {
    this.maxAgeNs = maxAgeNs;
  }

  /**
   * Replaces the window by {@code read} (in due order), read at {@code readAtNs} and complete up to
   * {@code horizonNs}; posts due after the horizon are left out, as a later read orders them.
   */
  public synchronized void fill(List<Candidate<R>> read, long readAtNs, long horizonNs) {
    List<Candidate<R>> kept = new ArrayList<>(read.size());
    for (Candidate<R> c : read) {
      if (c.dueNs() <= horizonNs) {
        kept.add(c);
      }
    }
    this.due = kept;
    this.readAtNs = readAtNs;
    this.horizonNs = horizonNs;
    this.won = 0;
    this.lost = 0;
  }

  /**
   * Takes up to {@code limit} posts claimable at {@code now} out of the window (so no other thread
   * of this store tries them too): the fair pick (POST-10), or with {@code spread} the fair pick of
   * a random few ({@link FairPick#spread}), which keeps racing workers apart.
   *
   * @param orFewer whether fewer than {@code limit} will do though the window is not complete up to
   *     {@code now} (right after a fill)
   * @return the posts (empty if none is due), or null if the window cannot answer: read at another
   *     time than {@code [readAt, readAt + maxAge]}, or holding fewer than {@code limit} when a
   *     later read could find more due by {@code now}
   */
  public synchronized @Nullable List<Candidate<R>> take(
      Instant now, long nowNs, int limit, boolean spread, boolean orFewer) {
    if (readAtNs == Long.MIN_VALUE || nowNs < readAtNs || nowNs - readAtNs > maxAgeNs) {
      return null;
    }
    List<PostRecord> usable = new ArrayList<>(due.size());
    for (Candidate<R> c : due) {
      if (c.record().isClaimableAt(now)) {
        usable.add(c.record());
      }
    }
    if (usable.size() < limit && nowNs > horizonNs && !orFewer) {
      return null;
    }
    List<PostRecord> picked =
        spread ? FairPick.spread(usable, limit) : FairPick.pick(usable, limit);
    Set<String> ids = new HashSet<>();
    picked.forEach(r -> ids.add(r.id()));
    List<Candidate<R>> taken = new ArrayList<>(picked.size());
    List<Candidate<R>> rest = new ArrayList<>(due.size());
    for (Candidate<R> c : due) {
      (ids.contains(c.record().id()) ? taken : rest).add(c);
    }
    due = rest;
    return taken;
  }

  /**
   * Counts the outcome of claiming posts taken from the window; once more were lost to other
   * workers than won (and more than a few), the window is mostly stale and is forgotten.
   */
  public synchronized void claimed(int wonNow, int lostNow) {
    won += wonNow;
    lost += lostNow;
    if (lost > STALE_AFTER && lost > won) {
      forget();
    }
  }

  /** Drops {@code postId}: this store wrote it, so the window's read of it is out of date. */
  public synchronized void drop(String postId) {
    due.removeIf(c -> c.record().id().equals(postId));
  }

  /**
   * Forgets the window if this store just made a post due at {@code dueNs} within it (null: not
   * due): the window would not order that post, so the next claim reads again.
   */
  public synchronized void forgetIfDueBy(@Nullable Long dueNs) {
    if (dueNs != null && dueNs <= horizonNs) {
      forget();
    }
  }

  /** Forgets the window: the next claim reads anew. */
  public synchronized void forget() {
    fill(List.of(), Long.MIN_VALUE, Long.MIN_VALUE);
  }
}
