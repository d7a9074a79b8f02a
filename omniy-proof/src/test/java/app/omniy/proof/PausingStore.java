package app.omniy.proof;

import app.omniy.core.post.Lease;
import app.omniy.core.post.LeaseToken;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.spi.PostStore;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The worker's real store, with a trap the crash suite arms: the next time the dispatcher reaches
 * the armed {@link CrashPoint}, the thread says so on stdout and stops there until the test kills
 * the process with SIGKILL. Every call goes to the real store.
 *
 * <p>A renewal point ({@link CrashPoint#needsRenewal}) needs an attempt that outlasts half its
 * lease, which a local fake Graph API never makes on its own: once such a point is armed, the next
 * {@link #recordContainer} returns only when less than half of the post's lease is left, as a store
 * write slowed down by a busy database would. The dispatcher then renews the lease before its next
 * call (POST-8), and the trap is in {@link #renew}, before or after the real renewal.
 */
final class PausingStore implements PostStore {
  private final PostStore store;
  private final PrintStream out;
  private final Duration leaseDuration;
  private final AtomicReference<@Nullable CrashPoint> armed = new AtomicReference<>();
  private final AtomicBoolean slowedOne = new AtomicBoolean();

  PausingStore(PostStore store, PrintStream out, Duration leaseDuration) {
    this.store = store;
    this.out = out;
    this.leaseDuration = leaseDuration;
  }

  void arm(CrashPoint point) {
    slowedOne.set(false);
    armed.set(point);
  }

  void disarm() {
    armed.set(null);
  }

  private void trap(CrashPoint point, String postId) {
    if (armed.compareAndSet(point, null)) {
      synchronized (out) {
        out.println("PAUSED " + point + " " + postId);
        out.flush();
      }
      while (true) {
        LockSupport.park(this); // until SIGKILL
      }
    }
  }

  /**
   * With a renewal point armed, the first caller waits until less than half of {@code stored}'s
   * lease is left (by the system clock, the worker's), so its next publisher call renews the lease.
   */
  private void slowWhenRenewalArmed(PostRecord stored) {
    CrashPoint point = armed.get();
    Lease lease = stored.lease();
    if (point == null
        || !point.needsRenewal()
        || lease == null
        || !slowedOne.compareAndSet(false, true)) {
      return;
    }
    Instant renewalDue = lease.expiresAt().minus(leaseDuration.dividedBy(2)).plusMillis(200);
    for (long left = Duration.between(Instant.now(), renewalDue).toNanos();
        left > 0;
        left = Duration.between(Instant.now(), renewalDue).toNanos()) {
      LockSupport.parkNanos(this, left);
    }
  }

  @Override
  public PostRecord recordContainer(LeaseToken token, String containerId, Instant now) {
    trap(CrashPoint.CONTAINER_CREATED, token.postId());
    PostRecord stored = store.recordContainer(token, containerId, now);
    trap(CrashPoint.CONTAINER_RECORDED, token.postId());
    slowWhenRenewalArmed(stored);
    return stored;
  }

  @Override
  public PostRecord recordTransition(
      LeaseToken token, PostState to, String reason, Instant nextAttemptAt, Instant now) {
    if (to == PostState.PUBLISHED) {
      trap(CrashPoint.PUBLISHED_NOT_RECORDED, token.postId());
    }
    return store.recordTransition(token, to, reason, nextAttemptAt, now);
  }

  /** The real store's one-write finish (Firestore's), with the trap before a PUBLISHED one. */
  @Override
  public PostRecord finishAttempt(
      LeaseToken token, PostState to, String reason, Instant nextAttemptAt, Instant now) {
    if (to == PostState.PUBLISHED) {
      trap(CrashPoint.PUBLISHED_NOT_RECORDED, token.postId());
    }
    return store.finishAttempt(token, to, reason, nextAttemptAt, now);
  }

  @Override
  public PostRecord insert(Post post, Instant now) {
    return store.insert(post, now);
  }

  @Override
  public Optional<PostRecord> find(String postId) {
    return store.find(postId);
  }

  @Override
  public List<PostRecord> findByAccount(String accountId, Set<PostState> states) {
    return store.findByAccount(accountId, states);
  }

  @Override
  public List<PostRecord> claimDue(Instant now, int limit, String owner, Duration leaseDuration) {
    return store.claimDue(now, limit, owner, leaseDuration);
  }

  @Override
  public Optional<PostRecord> claimExpired(
      String postId, long version, String owner, Instant now, Duration leaseDuration) {
    return store.claimExpired(postId, version, owner, now, leaseDuration);
  }

  @Override
  public PostRecord renew(LeaseToken token, Instant now, Duration leaseDuration) {
    trap(CrashPoint.RENEWAL_DUE, token.postId());
    PostRecord renewed = store.renew(token, now, leaseDuration);
    trap(CrashPoint.LEASE_RENEWED, token.postId());
    return renewed;
  }

  @Override
  public PostRecord release(LeaseToken token, Instant now) {
    return store.release(token, now);
  }

  @Override
  public PostRecord replace(PostRecord expected, PostRecord changed, Instant now) {
    return store.replace(expected, changed, now);
  }

  @Override
  public List<PostRecord> findExpiredLeases(Instant now, int limit) {
    return store.findExpiredLeases(now, limit);
  }

  @Override
  public Optional<Instant> oldestDue(Instant now) {
    return store.oldestDue(now);
  }

  @Override
  public Map<String, Instant> publishSlots(String accountId, Instant since) {
    return store.publishSlots(accountId, since);
  }

  @Override
  public Optional<Instant> nextDueAt() {
    return store.nextDueAt();
  }
}
