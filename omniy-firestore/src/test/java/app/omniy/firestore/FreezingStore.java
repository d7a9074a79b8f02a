package app.omniy.firestore;

import app.omniy.core.OmniyException;
import app.omniy.core.post.LeaseToken;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.spi.PostStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A worker's real store that the test can freeze, as if the worker's process stopped dead (SIGSTOP,
 * a lost machine): from {@link #freeze()} on, every call waits until {@link #bury()} and then
 * fails, so nothing the worker does after the freeze reaches Firestore. It remembers the posts the
 * worker claimed, so the test can check that the others finished them.
 */
final class FreezingStore implements PostStore {
  private final PostStore store;
  private final CountDownLatch buried = new CountDownLatch(1);
  private final Set<String> claimed = ConcurrentHashMap.newKeySet();
  private volatile boolean frozen;

  FreezingStore(PostStore store) {
    this.store = store;
  }

  /** Stops the worker dead: no call of its reaches the store from now on. */
  void freeze() {
    frozen = true;
  }

  /** Ends the frozen worker's waiting calls with an exception, so its threads can end. */
  void bury() {
    buried.countDown();
  }

  /** The posts the worker claimed before it froze. */
  Set<String> claimed() {
    return Set.copyOf(claimed);
  }

  private void gate() {
    if (!frozen) {
      return;
    }
    try {
      buried.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new OmniyException("the worker is dead");
  }

  @Override
  public List<PostRecord> claimDue(Instant now, int limit, String owner, Duration leaseDuration) {
    gate();
    List<PostRecord> got = store.claimDue(now, limit, owner, leaseDuration);
    got.forEach(r -> claimed.add(r.id()));
    return got;
  }

  @Override
  public Optional<PostRecord> claimExpired(
      String postId, long version, String owner, Instant now, Duration leaseDuration) {
    gate();
    Optional<PostRecord> got = store.claimExpired(postId, version, owner, now, leaseDuration);
    got.ifPresent(r -> claimed.add(r.id()));
    return got;
  }

  @Override
  public PostRecord insert(Post post, Instant now) {
    gate();
    return store.insert(post, now);
  }

  @Override
  public Optional<PostRecord> find(String postId) {
    gate();
    return store.find(postId);
  }

  @Override
  public List<PostRecord> findByAccount(String accountId, Set<PostState> states) {
    gate();
    return store.findByAccount(accountId, states);
  }

  @Override
  public PostRecord renew(LeaseToken token, Instant now, Duration leaseDuration) {
    gate();
    return store.renew(token, now, leaseDuration);
  }

  @Override
  public PostRecord release(LeaseToken token, Instant now) {
    gate();
    return store.release(token, now);
  }

  @Override
  public PostRecord recordTransition(
      LeaseToken token, PostState to, String reason, Instant nextAttemptAt, Instant now) {
    gate();
    return store.recordTransition(token, to, reason, nextAttemptAt, now);
  }

  @Override
  public PostRecord recordContainer(LeaseToken token, String containerId, Instant now) {
    gate();
    return store.recordContainer(token, containerId, now);
  }

  @Override
  public PostRecord replace(PostRecord expected, PostRecord changed, Instant now) {
    gate();
    return store.replace(expected, changed, now);
  }

  @Override
  public List<PostRecord> findExpiredLeases(Instant now, int limit) {
    gate();
    return store.findExpiredLeases(now, limit);
  }

  @Override
  public Optional<Instant> oldestDue(Instant now) {
    gate();
    return store.oldestDue(now);
  }

  @Override
  public Map<String, Instant> publishSlots(String accountId, Instant since) {
    gate();
    return store.publishSlots(accountId, since);
  }

  @Override
  public Optional<Instant> nextDueAt() {
    gate();
    return store.nextDueAt();
  }
}
