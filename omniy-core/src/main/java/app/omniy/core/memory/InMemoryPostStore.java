package app.omniy.core.memory;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.post.Lease;
import app.omniy.core.post.LeaseToken;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.StaleWriteException;
import app.omniy.core.post.UnknownPostException;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.post.spi.PostStoreRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The embedded default {@link PostStore}: everything in memory, for one process (tests, trials,
 * single-instance hosts). Thread-safe: every write replaces a post's record by compare-and-set on
 * the record it checked (so a fenced write can never overwrite another), and one lock guards the
 * due index, which makes {@link #claimDue} atomic. A lease holder's writes (start, container,
 * outcome, renewal, and the release of a post that is no longer due) do not touch the index and
 * take no lock: the workers of a busy dispatcher do not queue for each other once per step, and a
 * worker descheduled by the operating system while holding the lock stalls only claims.
 *
 * <p>Due index: per account, a 4-ary heap in arrays of its unleased due posts ordered by (next
 * attempt time, id) ({@link AccountIndex}); the accounts whose earliest post is due wait their turn
 * in a round-robin queue, and the others in a heap ordered by their earliest post ({@link
 * AccountHeads}), from which a claim moves them to the queue as they fall due. A claim takes one
 * post from the account at the front of the queue and puts it at the back, until it has enough:
 * every account with due posts gets its turn whatever the others hold (POST-10), and taking a post
 * costs O(1) in the queue plus O(log n) in its account's heap.
 *
 * <p>Leased posts are kept in a list that a claim looks through only when a lease may have expired
 * (the earliest expiry it granted has passed) or when the list doubled since it was last compacted,
 * so looking for expired leases costs O(1) per claimed post.
 *
 * <p>Publishing slots (POST-3): per account, the posts that entered PUBLISHING or PUBLISHED; a
 * {@link #publishSlots} call drops those that gave their slot back or whose slot is older than the
 * window it asks for (the quota window does not move backwards).
 *
 * <p>Listing by account scans every stored post (O(n)): it serves host screens, not the dispatch
 * path, and an index would cost memory on every pending post.
 */
public final class InMemoryPostStore implements PostStore {
  private static final Comparator<PostRecord> DUE_ORDER = PostStoreRules.DUE_ORDER;

  /** The least the leased list grows by before it is compacted. */
  private static final int MIN_COMPACTION = 1024;

  /** Guards the due index, the leased list and the account heads. */
  private final ReentrantLock lock = new ReentrantLock();

  private final ConcurrentHashMap<String, StoredPost> byId = new ConcurrentHashMap<>();

  /** Created under the lock, read without it. */
  private final ConcurrentHashMap<String, AccountIndex> accounts = new ConcurrentHashMap<>();

  /** Under the lock: accounts with due posts, served in turn (POST-10). */
  private final ArrayDeque<AccountIndex> ready = new ArrayDeque<>();

  /** Under the lock: the other accounts with posts in the due index, by their earliest post. */
  private final AccountHeads heads = new AccountHeads();

  /**
   * Under the lock: posts given a lease, and posts released since without the lock, which the next
   * compaction drops.
   */
  private final List<StoredPost> leased = new ArrayList<>();

  /** Under the lock: no lease in {@link #leased} that may still expire expires before this. */
  private long earliestExpiry = Long.MAX_VALUE;

  /** Under the lock: the last stamp given to an entry of the due index. */
  private long stamps;

  /** Under the lock: the size of {@link #leased} at which it is compacted. */
  private int compactAt = MIN_COMPACTION;

  /** An empty store. */
  public InMemoryPostStore() {}

  @Override
  public PostRecord insert(Post post, Instant now) {
    Require.nonNull(post, "post");
    Require.nonNull(now, "now");
    lock.lock();
    try {
      PostRecord stored = PostRecord.scheduled(post).withVersion(1);
      AccountIndex account = accounts.computeIfAbsent(post.accountId(), a -> new AccountIndex());
      StoredPost cell = new StoredPost(account, stored);
      if (byId.putIfAbsent(post.id(), cell) != null) {
        throw new InvalidValueException("id", post.id(), "a post with this id already exists");
      }
      index(cell, stored);
      return stored;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<PostRecord> find(String postId) {
    Require.nonNull(postId, "postId");
    StoredPost cell = byId.get(postId);
    return cell == null ? Optional.empty() : Optional.of(cell.record());
  }

  @Override
  public List<PostRecord> findByAccount(String accountId, Set<PostState> states) {
    Require.nonNull(accountId, "accountId");
    Require.nonNull(states, "states");
    List<PostRecord> found = new ArrayList<>();
    for (StoredPost cell : byId.values()) {
      PostRecord r = cell.record();
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
      List<Picked> picked = pickFairly(DueKeys.of(now), limit);
      if (picked.size() > 1) {
        picked.sort(Picked::compareTo);
      }
      List<PostRecord> claimed = new ArrayList<>(picked.size());
      for (Picked p : picked) {
        StoredPost cell = p.post();
        PostRecord r = p.record();
        PostRecord next = r.withLeaseAt(r.version() + 1, lease);
        // Only writes under this lock change an unleased post, so this succeeds.
        if (write(cell, r, next)) {
          listLeased(cell, next);
          claimed.add(next);
        } else {
          index(cell, cell.record());
        }
      }
      return claimed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Round robin over the accounts with due posts (POST-10): one post from the account at the front
   * of the queue, which then goes to the back if it has another due post. The picked posts leave
   * the due index.
   */
  private List<Picked> pickFairly(long now, int limit) {
    promoteDue(now);
    List<Picked> picked = new ArrayList<>(Math.min(limit, 1024));
    while (picked.size() < limit && !ready.isEmpty()) {
      AccountIndex account = ready.pollFirst();
      account.ready = false;
      if (!dueHead(account, now)) {
        continue;
      }
      StoredPost cell = account.headPost();
      picked.add(new Picked(account.headDue(), account.headPrefix(), cell.record(), cell));
      cell.indexStamp = 0;
      account.removeHead();
      if (dueHead(account, now)) {
        account.ready = true;
        ready.addLast(account);
      }
    }
    return picked;
  }

  /** A post taken off the due index, with its due keys, to be sorted without reading the record. */
  private record Picked(long due, long prefix, PostRecord record, StoredPost post) {
    int compareTo(Picked other) {
      int order = DueKeys.compareKeys(due, prefix, other.due, other.prefix);
      return order != 0 ? order : record.id().compareTo(other.record.id());
    }
  }

  /**
   * Whether the account's head (after dropping stale ones) is due at {@code now}; if it has posts
   * but none due, it goes (back) to the heads heap.
   */
  private boolean dueHead(AccountIndex account, long now) {
    account.dropStaleHead();
    if (account.isEmpty()) {
      heads.update(account); // leaves the heap if it was in it
      return false;
    }
    if (account.headDue() <= now) {
      return true;
    }
    heads.update(account);
    return false;
  }

  /** Moves the accounts whose earliest post fell due from the heads heap to the queue, in order. */
  private void promoteDue(long now) {
    while (!heads.isEmpty()) {
      AccountIndex first = heads.first();
      if (first.dropStaleHead()) {
        heads.update(first);
        continue;
      }
      if (first.headDue() > now) {
        return;
      }
      heads.pollFirst();
      first.ready = true;
      ready.addLast(first);
    }
  }

  /**
   * A post whose lease expired in a due state is claimable again: put it back in the index. Looks
   * through the leased list only once a lease may have expired, or to compact it.
   */
  private void returnExpiredToDue(Instant now) {
    if (DueKeys.of(now) < earliestExpiry && leased.size() < compactAt) {
      return;
    }
    long earliest = Long.MAX_VALUE;
    for (int i = leased.size() - 1; i >= 0; i--) {
      StoredPost cell = leased.get(i);
      PostRecord r = cell.record();
      Lease lease = r.lease();
      if (lease == null) {
        unlistLeased(i); // released without the lock
      } else if (lease.isLiveAt(now)) {
        earliest = Math.min(earliest, DueKeys.of(lease.expiresAt()));
      } else if (r.state().isDue()) {
        // Not a write of the post: the expired holder stays fenced off (its owner no longer
        // matches).
        PostRecord unleased = r.withLease(null);
        if (write(cell, r, unleased)) {
          unlistLeased(i);
          index(cell, unleased);
        } else {
          earliest = Long.MIN_VALUE; // written meanwhile: look again next time
        }
      }
      // An expired lease in another state stays listed for recovery (findExpiredLeases): only
      // claimExpired, under this lock, changes such a post, so it cannot become due unseen.
    }
    earliestExpiry = earliest;
    compactAt = Math.max(MIN_COMPACTION, 2 * leased.size());
  }

  private void listLeased(StoredPost cell, PostRecord r) {
    if (!cell.inLeasedList) {
      cell.inLeasedList = true;
      leased.add(cell);
    }
    Lease lease = r.lease();
    if (lease != null) {
      earliestExpiry = Math.min(earliestExpiry, DueKeys.of(lease.expiresAt()));
    }
  }

  /** Removes the i-th leased post by moving the last one into its place. */
  private void unlistLeased(int i) {
    leased.get(i).inLeasedList = false;
    StoredPost last = leased.remove(leased.size() - 1);
    if (i < leased.size()) {
      leased.set(i, last);
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
      StoredPost cell = byId.get(postId);
      PostRecord r = cell == null ? null : cell.record();
      if (r == null || r.version() != version || r.lease() == null || r.isLeasedAt(now)) {
        return Optional.empty();
      }
      PostRecord next = r.withLeaseAt(r.version() + 1, new Lease(owner, now.plus(leaseDuration)));
      if (!write(cell, r, next)) {
        return Optional.empty();
      }
      listLeased(cell, next);
      return Optional.of(next);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public PostRecord renew(LeaseToken token, Instant now, Duration leaseDuration) {
    Require.positive(leaseDuration, "leaseDuration");
    Lease renewed = new Lease(token.owner(), now.plus(leaseDuration));
    StoredPost cell = cell(token);
    while (true) {
      PostRecord r = writable(cell, token, now);
      PostRecord next = r.withLeaseAt(r.version() + 1, renewed);
      if (write(cell, r, next)) {
        return next; // a later expiry: the earliest expiry noted stays a lower bound
      }
    }
  }

  @Override
  public PostRecord release(LeaseToken token, Instant now) {
    StoredPost cell = cell(token);
    PostRecord seen = writable(cell, token, now);
    PostStoreRules.requireReleasable(token, seen.state());
    return seen.state().isDue()
        ? writeAndIndex(cell, token, now, r -> r.withLeaseAt(r.version() + 1, null))
        : writeLeased(cell, token, now, r -> r.withLeaseAt(r.version() + 1, null));
  }

  /**
   * One write instead of two: the move and the release (the dispatcher's last step of every
   * attempt). A post moved to a due state enters the index under the lock; a final one needs none.
   */
  @Override
  public PostRecord finishAttempt(
      LeaseToken token, PostState to, String reason, Instant nextAttemptAt, Instant now) {
    Require.nonNull(to, "to");
    PostStoreRules.requireReleasable(token, to);
    StoredPost cell = cell(token);
    return to.isDue()
        ? writeAndIndex(
            cell, token, now, r -> r.finishedAt(r.version() + 1, to, reason, nextAttemptAt, now))
        : writeLeased(
            cell, token, now, r -> r.finishedAt(r.version() + 1, to, reason, nextAttemptAt, now));
  }

  @Override
  public PostRecord recordTransition(
      LeaseToken token, PostState to, String reason, Instant nextAttemptAt, Instant now) {
    return writeLeased(
        cell(token), token, now, r -> r.movedAt(r.version() + 1, to, reason, nextAttemptAt, now));
  }

  @Override
  public PostRecord recordContainer(LeaseToken token, String containerId, Instant now) {
    Require.nonBlank(containerId, "containerId");
    return writeLeased(
        cell(token), token, now, r -> r.withContainerAt(r.version() + 1, containerId));
  }

  /** A lease holder's write that changes no index: compare-and-set, no lock. */
  private PostRecord writeLeased(
      StoredPost cell, LeaseToken token, Instant now, UnaryOperator<PostRecord> change) {
    while (true) {
      PostRecord r = writable(cell, token, now);
      PostRecord next = change.apply(r);
      if (write(cell, r, next)) {
        return next;
      }
    }
  }

  /** A lease holder's write whose result is due again: under the lock, then indexed. */
  private PostRecord writeAndIndex(
      StoredPost cell, LeaseToken token, Instant now, UnaryOperator<PostRecord> change) {
    lock.lock();
    try {
      PostRecord next = writeLeased(cell, token, now, change);
      index(cell, next);
      return next;
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
      StoredPost cell = byId.get(expected.id());
      if (cell == null) {
        throw new UnknownPostException(expected.id());
      }
      PostRecord r = cell.record();
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
      if (!write(cell, r, next)) {
        throw new StaleWriteException(r.id(), "the post changed while it was being replaced");
      }
      index(cell, next); // an old heap entry of the post is now stale and dropped when reached
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
      for (StoredPost cell : leased) {
        PostRecord r = cell.record();
        if (r.lease() != null && !r.isLeasedAt(now)) {
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
   * The earliest next attempt time among unleased posts in a due state, from the top of the heads
   * heap (O(1) once stale heads are dropped), so the dispatcher sleeps until exactly then instead
   * of polling.
   */
  @Override
  public Optional<Instant> nextDueAt() {
    lock.lock();
    try {
      Instant queued = null;
      while (queued == null && !ready.isEmpty()) {
        AccountIndex first = ready.peekFirst();
        first.dropStaleHead();
        if (first.isEmpty()) {
          ready.pollFirst();
          first.ready = false;
        } else {
          queued = first.headRecord().nextAttemptAt(); // due when queued
        }
      }
      dropStaleHeads();
      Instant waiting = heads.isEmpty() ? null : heads.first().headRecord().nextAttemptAt();
      if (queued == null || (waiting != null && waiting.isBefore(queued))) {
        queued = waiting;
      }
      return Optional.ofNullable(queued);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The earliest head among the due accounts and of the heads heap, or an expired lease among the
   * leased posts (few: those in flight). O(accounts with due posts): a health check's question.
   */
  @Override
  public Optional<Instant> oldestDue(Instant now) {
    Require.nonNull(now, "now");
    lock.lock();
    try {
      dropStaleHeads();
      Instant oldest = null;
      if (!heads.isEmpty()) {
        Instant first = heads.first().headRecord().nextAttemptAt();
        oldest = first.isAfter(now) ? null : first;
      }
      for (AccountIndex account : ready) {
        account.dropStaleHead();
        Instant head = account.isEmpty() ? null : account.headRecord().nextAttemptAt();
        if (head != null && !head.isAfter(now) && (oldest == null || head.isBefore(oldest))) {
          oldest = head;
        }
      }
      for (StoredPost cell : leased) {
        Instant since = PostStoreRules.claimableSince(cell.record(), now).orElse(null);
        if (since != null && (oldest == null || since.isBefore(oldest))) {
          oldest = since;
        }
      }
      return Optional.ofNullable(oldest);
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Scans this account's due heap under the store's lock, O(the account's waiting posts); a post
   * held by a worker's lease is not in the heap and is left out.
   */
  @Override
  public Map<String, Instant> plannedPublishes(String accountId, Instant from, Instant to) {
    Require.nonNull(accountId, "accountId");
    Require.nonNull(from, "from");
    Require.nonNull(to, "to");
    AccountIndex account = accounts.get(accountId);
    if (account == null) {
      return Map.of();
    }
    Map<String, Instant> found = new HashMap<>();
    lock.lock();
    try {
      account.forEachWaiting(
          DueKeys.of(from),
          DueKeys.of(to),
          r -> {
            Instant at = r.nextAttemptAt();
            if (!at.isBefore(from) && at.isBefore(to)) {
              found.put(r.id(), at);
            }
          });
    } finally {
      lock.unlock();
    }
    return found;
  }

  @Override
  public Map<String, Instant> publishSlots(String accountId, Instant since) {
    Require.nonNull(accountId, "accountId");
    Require.nonNull(since, "since");
    AccountIndex account = accounts.get(accountId);
    if (account == null) {
      return Map.of();
    }
    Map<String, Instant> found = new HashMap<>();
    synchronized (account) {
      List<StoredPost> holders = account.slotHolders;
      for (int i = holders.size() - 1; i >= 0; i--) {
        StoredPost cell = holders.get(i);
        PostRecord r = cell.record();
        Instant slot = PostStoreRules.quotaSlot(r).orElse(null);
        if (slot != null && slot.isAfter(since)) {
          found.put(r.id(), slot);
        } else if (slot == null || r.state() == PostState.PUBLISHED) {
          // Gave its slot back, or published before the window: forgotten.
          cell.holdsSlotListed = false;
          StoredPost last = holders.remove(holders.size() - 1);
          if (i < holders.size()) {
            holders.set(i, last);
          }
        }
      }
    }
    return found;
  }

  /** The post's cell. */
  private StoredPost cell(LeaseToken token) {
    Require.nonNull(token, "token");
    StoredPost cell = byId.get(token.postId());
    if (cell == null) {
      throw new UnknownPostException(token.postId());
    }
    return cell;
  }

  /** The stored record if {@code token} may write to it at {@code now}. */
  private static PostRecord writable(StoredPost cell, LeaseToken token, Instant now) {
    Require.nonNull(now, "now");
    PostRecord r = cell.record();
    PostStoreRules.requireWritable(r, token, now);
    return r;
  }

  /**
   * Replaces {@code current} by {@code next} unless another write came in between (then nothing
   * changes): the one compare-and-set every write goes through, so two writers that both passed
   * their checks can never both succeed (POST-8 fencing without a lock). A post that starts holding
   * a publishing slot joins its account's slot holders.
   */
  private static boolean write(StoredPost cell, PostRecord current, PostRecord next) {
    if (!cell.compareAndSet(current, next)) {
      return false;
    }
    if (holdsSlot(next) && !holdsSlot(current)) {
      // Under the account's monitor, after the write: a publishSlots call that saw the record
      // before this write and dropped the post is followed by this check, which lists it again.
      synchronized (cell.account) {
        if (!cell.holdsSlotListed) {
          cell.holdsSlotListed = true;
          cell.account.slotHolders.add(cell);
        }
      }
    }
    return true;
  }

  private static boolean holdsSlot(PostRecord r) {
    return r.state() == PostState.PUBLISHING || r.state() == PostState.PUBLISHED;
  }

  /** Under the lock: puts the post's current record where claims and recovery look. */
  private void index(StoredPost cell, PostRecord r) {
    cell.indexStamp = 0; // whatever entry the post had in its account's heap is stale from now on
    if (r.lease() != null) {
      listLeased(cell, r);
    } else if (r.state().isDue()) {
      AccountIndex account = cell.account;
      cell.indexStamp = ++stamps;
      if (account.add(cell, r, cell.indexStamp) && !account.ready) {
        heads.update(account);
      }
    }
  }

  /** Under the lock: drops stale heads until the first account's head is current. */
  private void dropStaleHeads() {
    while (!heads.isEmpty() && heads.first().dropStaleHead()) {
      heads.update(heads.first());
    }
  }
}
