package app.omniy.core.post;

import app.omniy.core.InvalidValueException;
import app.omniy.core.internal.Require;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.post.spi.PostStoreRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded default {@link PostStore}: everything in memory, for one process (tests, trials,
 * single-instance hosts). Thread-safe: every write replaces a post's record by compare-and-set on
 * the record it checked (so a fenced write can never overwrite another), and one lock guards the
 * due index, which makes {@link #claimDue} atomic. A lease holder's writes (start, container,
 * outcome, renewal, and the release of a post that is no longer due) do not touch the index and
 * take no lock: the workers of a busy dispatcher do not queue for each other once per step, and a
 * worker descheduled by the operating system while holding the lock stalls only claims (issue 8).
 *
 * <p>Due index: per account, a tree of the unleased due posts ordered by (next attempt time, id),
 * plus a tree of each account's earliest post. Claiming walks only what it takes, so claiming
 * {@code k} posts costs O(k log n) however many posts are stored; the {@code PostStoreBenchmark}
 * measures it. Per pending post the store keeps one record, one tree node and one hash-map node
 * (128 bytes measured besides the post itself; see {@code docs/posts.md}).
 *
 * <p>Listing by account scans every stored post (O(n)): it serves host screens, not the dispatch
 * path, and an index would cost memory on every pending post.
 */
public final class InMemoryPostStore implements PostStore {
  private static final Comparator<PostRecord> DUE_ORDER = PostStoreRules.DUE_ORDER;

  /** Guards the due index ({@link #dueByAccount}, {@link #accountHeads}). */
  private final ReentrantLock lock = new ReentrantLock();

  /** Every post; replaced only by {@link #swap} (compare-and-set) or, new, under the lock. */
  private final ConcurrentHashMap<String, PostRecord> byId = new ConcurrentHashMap<>();

  private final Map<String, TreeSet<PostRecord>> dueByAccount = new HashMap<>();
  private final TreeSet<PostRecord> accountHeads = new TreeSet<>(DUE_ORDER);

  /**
   * Under the lock: the ids of posts with a lease (live or expired), out of the due index, and of
   * posts released since without the lock, which the next claim drops (a concurrent set here cost a
   * profiled 9% of dispatch time in contended size counting).
   */
  private final Set<String> leased = new HashSet<>();

  /**
   * Per account, the publishing slots its PUBLISHING and PUBLISHED posts hold (POST-3). Guarded by
   * its own monitor, since writes to leased posts take no store lock.
   */
  private final Map<String, Map<String, Instant>> slotsByAccount = new HashMap<>();

  /** An empty store. */
  public InMemoryPostStore() {}

  @Override
  public PostRecord insert(Post post, Instant now) {
    Require.nonNull(post, "post");
    Require.nonNull(now, "now");
    lock.lock();
    try {
      PostRecord stored = PostRecord.scheduled(post).withVersion(1);
      if (byId.putIfAbsent(post.id(), stored) != null) {
        throw new InvalidValueException("id", post.id(), "a post with this id already exists");
      }
      index(stored);
      return stored;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<PostRecord> find(String postId) {
    Require.nonNull(postId, "postId");
    return Optional.ofNullable(byId.get(postId));
  }

  @Override
  public List<PostRecord> findByAccount(String accountId, Set<PostState> states) {
    Require.nonNull(accountId, "accountId");
    Require.nonNull(states, "states");
    List<PostRecord> found = new ArrayList<>();
    for (PostRecord r : byId.values()) {
      if (r.accountId().equals(accountId) && states.contains(r.state())) {
        found.add(r);
      }
    }
    found.sort(DUE_ORDER);
    return found;
  }

  @Override
  public List<PostRecord> claimDue(Instant now, int limit, String owner, Duration leaseDuration) {
    Require.nonNull(now, "now");
    Require.atLeast(limit, 0, "limit");
    Require.nonBlank(owner, "owner");
    Require.positive(leaseDuration, "leaseDuration");
    Lease lease = new Lease(owner, now.plus(leaseDuration));
    lock.lock();
    try {
      returnExpiredToDue(now);
      List<PostRecord> picked = pickFairly(now, limit);
      picked.sort(DUE_ORDER);
      List<PostRecord> claimed = new ArrayList<>(picked.size());
      for (PostRecord r : picked) {
        PostRecord next = r.withLeaseAt(r.version() + 1, lease);
        // Only writes under this lock change an unleased post, so the swap succeeds; if it ever
        // did not, the stored record goes back in the index as it is.
        PostRecord stored = swap(r, next) ? next : byId.get(r.id());
        if (stored != null) {
          index(stored);
        }
        if (stored == next) {
          claimed.add(next);
        }
      }
      return claimed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Round robin over the accounts with due posts, earliest head first (POST-10); the picked posts
   * leave the due index. The served accounts' heads come off the heads tree in order and each
   * account's posts off the front of its tree, so taking a post costs no search; each served
   * account then gets its new head back once (issue 8: the index was 40% of dispatch time).
   */
  private List<PostRecord> pickFairly(Instant now, int limit) {
    List<TreeSet<PostRecord>> served = new ArrayList<>();
    List<String> accounts = new ArrayList<>();
    while (served.size() < limit && !accountHeads.isEmpty()) {
      PostRecord head = accountHeads.first();
      if (head.nextAttemptAt().isAfter(now)) {
        break;
      }
      accountHeads.pollFirst();
      served.add(dueByAccount.get(head.accountId()));
      accounts.add(head.accountId());
    }
    List<PostRecord> picked = new ArrayList<>(Math.min(limit, 1024));
    boolean[] drained = new boolean[served.size()];
    boolean progress = true;
    while (progress && picked.size() < limit) {
      progress = false;
      for (int i = 0; i < served.size() && picked.size() < limit; i++) {
        TreeSet<PostRecord> queue = served.get(i);
        if (drained[i]) {
          continue;
        }
        PostRecord next = queue.isEmpty() ? null : queue.first();
        if (next != null && !next.nextAttemptAt().isAfter(now)) {
          queue.pollFirst();
          picked.add(next);
          progress = true;
        } else {
          drained[i] = true;
        }
      }
    }
    for (int i = 0; i < served.size(); i++) {
      TreeSet<PostRecord> queue = served.get(i);
      if (queue.isEmpty()) {
        dueByAccount.remove(accounts.get(i));
      } else {
        accountHeads.add(queue.first());
      }
    }
    return picked;
  }

  /** A post whose lease expired in a due state is claimable again: put it back in the index. */
  private void returnExpiredToDue(Instant now) {
    if (leased.isEmpty()) {
      return;
    }
    List<PostRecord> expired = new ArrayList<>();
    for (Iterator<String> ids = leased.iterator(); ids.hasNext(); ) {
      PostRecord r = byId.get(ids.next());
      if (r == null || r.lease() == null) {
        ids.remove(); // released without the lock
      } else if (r.state().isDue() && !r.isLeasedAt(now)) {
        expired.add(r);
      }
    }
    for (PostRecord r : expired) {
      // Not a write of the post: the expired holder stays fenced off (its owner no longer matches).
      PostRecord unleased = r.withLease(null);
      if (swap(r, unleased)) {
        leased.remove(r.id());
        index(unleased);
      }
    }
  }

  @Override
  public Optional<PostRecord> claimExpired(
      String postId, long version, String owner, Instant now, Duration leaseDuration) {
    Require.nonNull(postId, "postId");
    Require.nonBlank(owner, "owner");
    Require.nonNull(now, "now");
    Require.positive(leaseDuration, "leaseDuration");
    lock.lock();
    try {
      PostRecord r = byId.get(postId);
      if (r == null || r.version() != version || r.lease() == null || r.isLeasedAt(now)) {
        return Optional.empty();
      }
      PostRecord next = r.withLeaseAt(r.version() + 1, new Lease(owner, now.plus(leaseDuration)));
      return swap(r, next) ? Optional.of(next) : Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public PostRecord renew(LeaseToken token, Instant now, Duration leaseDuration) {
    Require.positive(leaseDuration, "leaseDuration");
    Lease renewed = new Lease(token.owner(), now.plus(leaseDuration));
    while (true) {
      PostRecord r = fenced(token, now);
      PostRecord next = r.withLeaseAt(r.version() + 1, renewed);
      if (swap(r, next)) {
        return next;
      }
    }
  }

  @Override
  public PostRecord release(LeaseToken token, Instant now) {
    PostRecord seen = fenced(token, now);
    if (!seen.state().isDue()) {
      // Final or waiting for re-authorisation: it enters no index, and the next claim drops its id
      // from the leased set. The state cannot change meanwhile: only this token may write the post
      // at this version.
      return releaseOnce(token, now);
    }
    lock.lock();
    try {
      PostRecord released = releaseOnce(token, now);
      leased.remove(released.id());
      index(released);
      return released;
    } finally {
      lock.unlock();
    }
  }

  private PostRecord releaseOnce(LeaseToken token, Instant now) {
    while (true) {
      PostRecord r = fenced(token, now);
      if (r.state() == PostState.PUBLISHING) {
        throw new IllegalTransitionException(
            r.id(),
            r.state(),
            r.state(),
            "cannot release a post in PUBLISHING: record the attempt's outcome first");
      }
      PostRecord next = r.withLeaseAt(r.version() + 1, null);
      if (swap(r, next)) {
        return next;
      }
    }
  }

  @Override
  public PostRecord recordTransition(
      LeaseToken token, PostState to, String reason, Instant nextAttemptAt, Instant now) {
    while (true) {
      PostRecord r = fenced(token, now);
      PostRecord next = r.movedAt(r.version() + 1, to, reason, nextAttemptAt, now);
      if (swap(r, next)) {
        return next; // still leased: the index does not change
      }
    }
  }

  @Override
  public PostRecord recordContainer(LeaseToken token, String containerId, Instant now) {
    Require.nonBlank(containerId, "containerId");
    while (true) {
      PostRecord r = fenced(token, now);
      PostRecord next = r.withContainerAt(r.version() + 1, containerId);
      if (swap(r, next)) {
        return next;
      }
    }
  }

  @Override
  public PostRecord replace(PostRecord expected, PostRecord changed, Instant now) {
    Require.nonNull(expected, "expected");
    Require.nonNull(changed, "changed");
    Require.nonNull(now, "now");
    if (!changed.id().equals(expected.id())) {
      throw new InvalidValueException("changed.id", changed.id(), "must be " + expected.id());
    }
    lock.lock();
    try {
      PostRecord r = byId.get(expected.id());
      if (r == null) {
        throw new UnknownPostException(expected.id());
      }
      if (r.version() != expected.version()) {
        throw new StaleWriteException(
            r.id(), "the post is at version " + r.version() + ", not " + expected.version());
      }
      if (r.isLeasedAt(now)) {
        throw new StaleWriteException(r.id(), "worker " + r.lease().owner() + " holds the post");
      }
      PostStoreRules.requireRecordedMove(r, changed);
      // An expired lease means nothing once the host changed the post, except in PUBLISHING, where
      // it is what recovery finds the post by (POST-10).
      boolean keepLease = changed.state() == PostState.PUBLISHING;
      PostRecord next =
          (keepLease ? changed : changed.withLease(null)).withVersion(r.version() + 1);
      if (!swap(r, next)) {
        throw new StaleWriteException(r.id(), "the post changed while it was being replaced");
      }
      unindex(r);
      index(next);
      return next;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<PostRecord> findExpiredLeases(Instant now, int limit) {
    Require.nonNull(now, "now");
    Require.atLeast(limit, 0, "limit");
    List<PostRecord> expired = new ArrayList<>();
    lock.lock();
    try {
      for (String id : leased) {
        PostRecord r = byId.get(id);
        if (r != null && r.lease() != null && !r.isLeasedAt(now)) {
          expired.add(r);
        }
      }
    } finally {
      lock.unlock();
    }
    expired.sort(
        Comparator.comparing((PostRecord r) -> r.lease().expiresAt())
            .thenComparing(PostRecord::id));
    return List.copyOf(expired.subList(0, Math.min(limit, expired.size())));
  }

  /**
   * The earliest next attempt time among unleased posts in a due state, from the head of the due
   * index (O(log n)), so the dispatcher sleeps until exactly then instead of polling.
   */
  @Override
  public Optional<Instant> nextDueAt() {
    lock.lock();
    try {
      return accountHeads.isEmpty()
          ? Optional.empty()
          : Optional.of(accountHeads.first().nextAttemptAt());
    } finally {
      lock.unlock();
    }
  }

  /** The stored record if {@code token} may write to it at {@code now}. */
  private PostRecord fenced(LeaseToken token, Instant now) {
    Require.nonNull(token, "token");
    Require.nonNull(now, "now");
    PostRecord r = byId.get(token.postId());
    if (r == null) {
      throw new UnknownPostException(token.postId());
    }
    PostStoreRules.requireWritable(r, token, now);
    return r;
  }

  /**
   * Replaces {@code current} by {@code next} unless another write came in between (then nothing
   * changes): the one compare-and-set every write goes through, so two writers that both passed
   * their checks can never both succeed (POST-8 fencing without a lock).
   */
  private boolean swap(PostRecord current, PostRecord next) {
    if (!byId.replace(current.id(), current, next)) {
      return false;
    }
    if (current.state() != next.state()) {
      reindexSlot(next.id());
    }
    return true;
  }

  /**
   * Brings {@link #slotsByAccount} in step with the post's latest version. It reads the latest
   * version rather than taking the one just written, so two writers' updates arriving out of order
   * still leave the index right.
   */
  private void reindexSlot(String postId) {
    synchronized (slotsByAccount) {
      PostRecord r = byId.get(postId);
      if (r == null) {
        return;
      }
      Optional<Instant> slot = PostStoreRules.quotaSlot(r);
      if (slot.isPresent()) {
        slotsByAccount.computeIfAbsent(r.accountId(), a -> new HashMap<>()).put(r.id(), slot.get());
        return;
      }
      Map<String, Instant> slots = slotsByAccount.get(r.accountId());
      if (slots != null && slots.remove(r.id()) != null && slots.isEmpty()) {
        slotsByAccount.remove(r.accountId());
      }
    }
  }

  /**
   * The head of the due index, or an expired lease among the leased posts (few: those in flight).
   */
  @Override
  public Optional<Instant> oldestDue(Instant now) {
    Require.nonNull(now, "now");
    lock.lock();
    try {
      Instant oldest = null;
      if (!accountHeads.isEmpty() && !accountHeads.first().nextAttemptAt().isAfter(now)) {
        oldest = accountHeads.first().nextAttemptAt();
      }
      for (String id : leased) {
        PostRecord r = byId.get(id);
        Instant since = r == null ? null : PostStoreRules.claimableSince(r, now).orElse(null);
        if (since != null && (oldest == null || since.isBefore(oldest))) {
          oldest = since;
        }
      }
      return Optional.ofNullable(oldest);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Map<String, Instant> publishSlots(String accountId, Instant since) {
    Require.nonNull(accountId, "accountId");
    Require.nonNull(since, "since");
    Map<String, Instant> found = new HashMap<>();
    synchronized (slotsByAccount) {
      slotsByAccount
          .getOrDefault(accountId, Map.of())
          .forEach(
              (id, at) -> {
                if (at.isAfter(since)) {
                  found.put(id, at);
                }
              });
    }
    return found;
  }

  private void index(PostRecord r) {
    if (r.lease() != null) {
      leased.add(r.id());
    } else if (r.state().isDue()) {
      TreeSet<PostRecord> due =
          dueByAccount.computeIfAbsent(r.accountId(), a -> new TreeSet<>(DUE_ORDER));
      PostRecord oldHead = due.isEmpty() ? null : due.first();
      due.add(r);
      if (oldHead == null || DUE_ORDER.compare(r, oldHead) < 0) {
        if (oldHead != null) {
          accountHeads.remove(oldHead);
        }
        accountHeads.add(r);
      }
    }
  }

  private void unindex(PostRecord r) {
    if (r.lease() != null) {
      leased.remove(r.id());
      return;
    }
    TreeSet<PostRecord> due = dueByAccount.get(r.accountId());
    if (due == null || !due.remove(r)) {
      return;
    }
    if (accountHeads.remove(r) && !due.isEmpty()) {
      accountHeads.add(due.first());
    }
    if (due.isEmpty()) {
      dueByAccount.remove(r.accountId());
    }
  }
}
