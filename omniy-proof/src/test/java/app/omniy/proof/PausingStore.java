package app.omniy.proof;

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
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The worker's real store, with a trap the crash suite arms: the next time the dispatcher reaches
 * the armed {@link CrashPoint}, the thread says so on stdout and stops there until the test kills
 * the process with SIGKILL. Nothing else is changed: every call goes to the real store.
 */
final class PausingStore implements PostStore {
  private final PostStore store;
  private final PrintStream out;
  private final AtomicReference<@Nullable CrashPoint> armed = new AtomicReference<>();

  PausingStore(PostStore store, PrintStream out) {
    this.store = store;
    this.out = out;
  }

  void arm(CrashPoint point) {
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

  @Override
  public PostRecord recordContainer(LeaseToken token, String containerId, Instant now) {
    trap(CrashPoint.CONTAINER_CREATED, token.postId());
    PostRecord stored = store.recordContainer(token, containerId, now);
    trap(CrashPoint.CONTAINER_RECORDED, token.postId());
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
    return store.renew(token, now, leaseDuration);
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
}
