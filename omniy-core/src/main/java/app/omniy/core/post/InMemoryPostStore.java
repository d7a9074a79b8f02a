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
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded default {@link PostStore}: everything in memory, for one process (tests, trials,
 * single-instance hosts). Thread-safe: one lock guards every operation, which makes {@link
 * #claimDue} atomic without compare-and-set loops; each operation is short.
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

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, PostRecord> byId = new HashMap<>();
  private final Map<String, TreeSet<PostRecord>> dueByAccount = new HashMap<>();
  private final TreeSet<PostRecord> accountHeads = new TreeSet<>(DUE_ORDER);
  private final Set<String> leased = new HashSet<>();

  /** Per account, the publishing slots its PUBLISHING and PUBLISHED posts hold (POST-3). */
  private final Map<String, Map<String, Instant>> slotsByAccount = new HashMap<>();

  /** An empty store. */
  public InMemoryPostStore() {}

  @Override
  public PostRecord insert(Post post, Instant now) {
    Require.nonNull(post, "post");
    Require.nonNull(now, "now");
    lock.lock();
    try {
      if (byId.containsKey(post.id())) {
        throw new InvalidValueException("id", post.id(), "a post with this id already exists");
      }
      PostRecord stored = PostRecord.scheduled(post).withVersion(1);
      byId.put(post.id(), stored);
      index(stored);
      return stored;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<PostRecord> find(String postId) {
    Require.nonNull(postId, "postId");
    lock.lock();
    try {
      return Optional.ofNullable(byId.get(postId));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<PostRecord> findByAccount(String accountId, Set<PostState> states) {
    Require.nonNull(accountId, "accountId");
    Require.nonNull(states, "states");
    List<PostRecord> found = new ArrayList<>();
    lock.lock();
    try {
      for (PostRecord r : byId.values()) {
        if (r.accountId().equals(accountId) && states.contains(r.state())) {
          found.add(r);
        }
      }
    } finally {
      lock.unlock();
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
        claimed.add(store(r, r.withLease(lease)));
      }
      return claimed;
    } finally {
      lock.unlock();
    }
  }

  /** Round robin over the accounts with due posts, earliest head first (POST-10). */
  private List<PostRecord> pickFairly(Instant now, int limit) {
    List<Iterator<PostRecord>> queues = new ArrayList<>();
    for (PostRecord head : accountHeads) {
      if (queues.size() >= limit || head.nextAttemptAt().isAfter(now)) {
        break;
      }
      queues.add(dueByAccount.get(head.accountId()).iterator());
    }
    List<PostRecord> picked = new ArrayList<>(Math.min(limit, 1024));
    boolean progress = true;
    while (progress && picked.size() < limit) {
      progress = false;
      for (int i = 0; i < queues.size() && picked.size() < limit; i++) {
        Iterator<PostRecord> queue = queues.get(i);
        if (queue == null) {
          continue;
        }
        PostRecord next = queue.hasNext() ? queue.next() : null;
        if (next != null && !next.nextAttemptAt().isAfter(now)) {
          picked.add(next);
          progress = true;
        } else {
          queues.set(i, null);
        }
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
    for (String id : leased) {
      PostRecord r = byId.get(id);
      if (r != null && r.state().isDue() && !r.isLeasedAt(now)) {
        expired.add(r);
      }
    }
    for (PostRecord r : expired) {
      // Not a write of the post: the expired holder stays fenced off (its owner no longer matches).
      replaceIndexed(r, r.withLease(null));
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
      return Optional.of(store(r, r.withLease(new Lease(owner, now.plus(leaseDuration)))));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public PostRecord renew(LeaseToken token, Instant now, Duration leaseDuration) {
    Require.positive(leaseDuration, "leaseDuration");
    lock.lock();
    try {
      PostRecord r = fenced(token, now);
      return store(r, r.withLease(new Lease(token.owner(), now.plus(leaseDuration))));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public PostRecord release(LeaseToken token, Instant now) {
    lock.lock();
    try {
      PostRecord r = fenced(token, now);
      if (r.state() == PostState.PUBLISHING) {
        throw new IllegalTransitionException(
            r.id(),
            r.state(),
            r.state(),
            "cannot release a post in PUBLISHING: record the attempt's outcome first");
      }
      return store(r, r.withLease(null));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public PostRecord recordTransition(
      LeaseToken token, PostState to, String reason, Instant nextAttemptAt, Instant now) {
    lock.lock();
    try {
      PostRecord r = fenced(token, now);
      return store(r, r.moved(to, reason, nextAttemptAt, now));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public PostRecord recordContainer(LeaseToken token, String containerId, Instant now) {
    Require.nonBlank(containerId, "containerId");
    lock.lock();
    try {
      PostRecord r = fenced(token, now);
      return store(r, r.withContainer(containerId));
    } finally {
      lock.unlock();
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
      return store(r, keepLease ? changed : changed.withLease(null));
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

  /** Stores {@code changed} as the next version of {@code current}. */
  private PostRecord store(PostRecord current, PostRecord changed) {
    PostRecord next = changed.withVersion(current.version() + 1);
    replaceIndexed(current, next);
    return next;
  }

  private void replaceIndexed(PostRecord current, PostRecord next) {
    unindex(current);
    byId.put(next.id(), next);
    index(next);
    if (current.state() != next.state()) {
      indexSlot(next);
    }
  }

  /** Keeps {@link #slotsByAccount} in step with a post whose state changed. */
  private void indexSlot(PostRecord r) {
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
        Instant since = PostStoreRules.claimableSince(byId.get(id), now).orElse(null);
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
    lock.lock();
    try {
      slotsByAccount
          .getOrDefault(accountId, Map.of())
          .forEach(
              (id, at) -> {
                if (at.isAfter(since)) {
                  found.put(id, at);
                }
              });
    } finally {
      lock.unlock();
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
