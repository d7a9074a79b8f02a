package app.omniy.firestore;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.post.IllegalTransitionException;
import app.omniy.core.post.Lease;
import app.omniy.core.post.LeaseToken;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.StaleWriteException;
import app.omniy.core.post.UnknownPostException;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.post.spi.PostStoreRules;
import app.omniy.firestore.internal.Args;
import app.omniy.firestore.internal.DueWindow;
import app.omniy.firestore.internal.DueWindow.Candidate;
import app.omniy.firestore.internal.FirestoreCallException;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.HeldPosts;
import app.omniy.firestore.internal.PostCodec;
import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Precondition;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.QuerySnapshot;
import com.google.cloud.firestore.WriteBatch;
import com.google.cloud.firestore.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PostStore} on Firestore, shared by any number of workers (POST-7, POST-8, POST-10): one
 * document per post in {@code omniy/{namespace}/posts}, laid out as {@code docs/firestore.md}
 * describes, the transition history as a bounded array in that document.
 *
 * <p><b>Atomicity.</b> Every write reads the post, checks it (fencing by lease owner, lease expiry
 * and version; POST-4 moves) and writes the whole record back with an {@code updateTime}
 * precondition: Firestore applies the write only if nobody wrote the post since it was read, so a
 * read-check-write is atomic exactly like a one-document transaction. Unlike a server transaction
 * it takes no lock, so racing claimers fail fast and move on to the next post instead of queueing
 * on a lock (Firestore transactions lock pessimistically; contended ones are slow, on the emulator
 * seconds). The read is skipped when this store wrote the post last ({@code HeldPosts}): the write
 * then carries the update time of that write.
 *
 * <p><b>Claims.</b> A claim takes from a window of due posts this store read with one query per
 * shard ({@code DueWindow}), so most claims cost one conditional write per post, several posts in
 * one batch; the window is read again when it runs short, after {@code WINDOW_AGE} (1 s), or when
 * this store made a post due within it. A claimer that lost races picks a random few of the
 * earliest posts instead of the very earliest ({@code FairPick.spread}) for {@code CONTENDED_FOR}
 * (5 s).
 *
 * <p><b>Lease expiry by the server's clock.</b> Workers' clocks disagree. A lease's end is written
 * on its holder's clock, but another worker takes the post over (claiming it due again, {@link
 * #claimExpired}, {@link #findExpiredLeases}) or the host replaces it only once the lease has
 * expired both by the caller's clock (the {@link PostStore} contract) and by Firestore's: the read
 * that found the post must be at least {@code maxClockSkew} past the lease's end ({@code expiresAt
 * + maxClockSkew <= readTime}). While every worker's clock is within {@code maxClockSkew} of
 * Firestore's, no lease is taken over before it ended in real time, however far two workers' clocks
 * are apart; see {@code docs/firestore.md}.
 *
 * <p><b>Scale.</b> The due-time index is spread over {@code dueShards} shards: each post carries
 * {@code dueShard} (a hash of its id) and claimers query every shard for {@code dueNs <= now}, so
 * the monotonically growing due time is written to {@code dueShards} separate index ranges instead
 * of one hot range (Firestore sustains about 500 writes/s into one such range).
 */
public final class FirestorePostStore implements PostStore {
  static final String COLLECTION = FirestoreCollections.POSTS;

  /** The default number of due-time shards; see {@code docs/firestore.md} for the throughput. */
  public static final int DEFAULT_DUE_SHARDS = 16;

  private static final Comparator<PostRecord> DUE_ORDER = PostStoreRules.DUE_ORDER;

  /** How many rounds a claimer retries after losing every race of a round. */
  private static final int CLAIM_ROUNDS = 50;

  /** Posts read per shard into the window of due posts (more if a claim asks for more). */
  static final int WINDOW_PER_SHARD = 32;

  /**
   * How long, on the callers' clock, a window of due posts answers claims: bounds how late this
   * store sees posts that other workers released or inserted already due, and so how far its fair
   * share can lag (POST-10).
   */
  static final Duration WINDOW_AGE = Duration.ofSeconds(1);

  /** After losing a claim race, how long this store spreads its picks (see FairPick.spread). */
  static final Duration CONTENDED_FOR = Duration.ofSeconds(5);

  private final CollectionReference posts;
  private final FirestoreCalls calls;
  private final int dueShards;
  private final DueWindow<DocumentSnapshot> window = new DueWindow<>(WINDOW_AGE.toNanos());

  /**
   * Held while one thread reads a new window; not the window's own lock, which the lease holders'
   * writes take briefly and must not wait out a fan-out for.
   */
  private final Object windowRead = new Object();

  private final HeldPosts held = new HeldPosts();

  /** When (callers' clock, epoch ns) a claim write of this store last lost a race. */
  private volatile long lastLossNs = Long.MIN_VALUE;

  /** How far past a lease's end Firestore's clock must be before the lease is taken over. */
  private final long maxClockSkewNs;

  /** A store with {@link #DEFAULT_DUE_SHARDS} due-time shards. */
  public FirestorePostStore(FirestoreStoreOptions options) {
    this(options, DEFAULT_DUE_SHARDS);
  }

  /**
   * A store spreading the due-time index over {@code dueShards} shards, taking a lease over once
   * Firestore's clock is {@link DispatchSettings#DEFAULT_MAX_CLOCK_SKEW} (5 s) past its end.
   *
   * @throws InvalidValueException unless {@code dueShards} is 1 to 256
   */
  public FirestorePostStore(FirestoreStoreOptions options, int dueShards) {
    this(options, dueShards, DispatchSettings.DEFAULT_MAX_CLOCK_SKEW);
  }

  /**
   * A store spreading the due-time index over {@code dueShards} shards. Only ever raise the number
   * for an existing database: posts keep the shard they were written with, and a claimer queries
   * shards {@code 0 … dueShards-1} only.
   *
   * @param maxClockSkew how far apart the workers' clocks and Firestore's may be: a lease is taken
   *     over only once Firestore's clock is this far past its end; use the dispatchers' {@link
   *     DispatchSettings#maxClockSkew}
   * @throws InvalidValueException unless {@code dueShards} is 1 to 256 and {@code maxClockSkew} is
   *     zero or positive
   */
  public FirestorePostStore(FirestoreStoreOptions options, int dueShards, Duration maxClockSkew) {
    Require.nonNull(options, "options");
    if (dueShards < 1 || dueShards > 256) {
      throw new InvalidValueException("dueShards", dueShards, "must be 1 to 256");
    }
    Require.nonNegative(maxClockSkew, "maxClockSkew");
    this.maxClockSkewNs =
        maxClockSkew.getSeconds() >= Long.MAX_VALUE / 4 / 1_000_000_000L
            ? Long.MAX_VALUE / 4
            : maxClockSkew.toNanos();
    this.posts = options.collection(COLLECTION);
    this.calls = new FirestoreCalls(options.meters());
    this.dueShards = dueShards;
  }

  @Override
  public PostRecord insert(Post post, Instant now) {
    Require.nonNull(post, "post");
    Require.nonNull(now, "now");
    PostRecord stored = PostRecord.scheduled(post).withVersion(1);
    try {
      calls.get(ref(post.id()).create(PostCodec.encode(stored, shard(post.id()))));
    } catch (FirestoreCallException e) {
      if (e.alreadyExists()) {
        throw new InvalidValueException("id", post.id(), "a post with this id already exists");
      }
      throw e;
    }
    window.forgetIfDueBy(PostCodec.dueNs(stored));
    return stored;
  }

  @Override
  public Optional<PostRecord> find(String postId) {
    DocumentSnapshot doc = calls.get(ref(Require.nonNull(postId, "postId")).get());
    return doc.exists() ? Optional.of(PostCodec.decode(doc)) : Optional.empty();
  }

  @Override
  public List<PostRecord> findByAccount(String accountId, Set<PostState> states) {
    Require.nonNull(accountId, "accountId");
    Require.nonNull(states, "states");
    if (states.isEmpty()) {
      return List.of();
    }
    List<String> names = states.stream().map(PostState::name).toList();
    // Equality filters only: Firestore merges the single-field indexes, no composite needed.
    return calls
        .get(posts.whereEqualTo("accountId", accountId).whereIn("state", names).get())
        .getDocuments()
        .stream()
        .map(PostCodec::decode)
        .sorted(DUE_ORDER)
        .toList();
  }

  @Override
  public List<PostRecord> claimDue(Instant now, int limit, String owner, Duration leaseDuration) {
    Require.nonNull(now, "now");
    if (limit < 0) {
      throw new InvalidValueException("limit", limit, "must be at least 0");
    }
    Args.nonBlank(owner, "owner");
    requirePositive(leaseDuration);
    if (limit == 0) {
      return List.of();
    }
    long nowNs = PostCodec.nanos(now, "now");
    Lease lease = new Lease(owner, now.plus(leaseDuration));
    for (int round = 0; round < CLAIM_ROUNDS; round++) {
      // The fair, earliest-first pick (POST-10), unless this store lost races lately: then a
      // random few, so that workers which read the same earliest posts do not all chase them.
      boolean spread = round > 0 || contendedAt(nowNs);
      List<Candidate<DocumentSnapshot>> picked = window.take(now, nowNs, limit, spread, false);
      if (picked == null) {
        picked = readWindow(now, nowNs, limit, spread);
      }
      if (picked.isEmpty()) {
        return List.of();
      }
      List<PostRecord> claimed = claimAll(picked, lease, nowNs);
      if (!claimed.isEmpty()) {
        return claimed.stream().sorted(DUE_ORDER).toList();
      }
    }
    return List.of();
  }

  /**
   * Reads a new window of due posts and takes from it. One thread of this store reads at a time;
   * the others wait for its window instead of sending a fan-out of their own.
   */
  private List<Candidate<DocumentSnapshot>> readWindow(
      Instant now, long nowNs, int limit, boolean spread) {
    synchronized (windowRead) {
      List<Candidate<DocumentSnapshot>> picked = window.take(now, nowNs, limit, spread, false);
      if (picked != null) {
        return picked; // another thread read meanwhile
      }
      fillWindow(nowNs, limit);
      picked = window.take(now, nowNs, limit, spread, true);
      return picked == null ? List.of() : picked;
    }
  }

  /**
   * Queries every shard for its earliest posts due by {@code now + WINDOW_AGE} and keeps them as
   * the window.
   */
  private void fillWindow(long nowNs, int limit) {
    // Per shard, at least 32: a window lasts several claims, and the fair share sees accounts due
    // behind a busy one. A query costs far more than the documents it returns.
    int perShard = Math.max(limit, WINDOW_PER_SHARD);
    // Also the posts falling due while the window answers: then it knows when nothing is due.
    long ageNs = WINDOW_AGE.toNanos();
    long horizon = nowNs > Long.MAX_VALUE - ageNs ? Long.MAX_VALUE : nowNs + ageNs;
    long upTo = horizon;
    List<Candidate<DocumentSnapshot>> due = new ArrayList<>();
    // Composite index (dueShard ASC, dueNs ASC): see firestore.indexes.json.
    for (List<QueryDocumentSnapshot> shard : acrossShards(PostCodec.DUE, upTo, perShard)) {
      if (shard.size() == perShard) {
        // This shard may hold more posts after its last one read: the window is in due order
        // only up to there.
        horizon = Math.min(horizon, shard.get(shard.size() - 1).getLong(PostCodec.DUE));
      }
      for (DocumentSnapshot doc : shard) {
        PostRecord r = PostCodec.decode(doc);
        if (expiredByServer(r, doc.getReadTime())) { // a lease another worker may still hold
          due.add(new Candidate<>(r, doc, doc.getLong(PostCodec.DUE)));
        }
      }
    }
    due.sort(Comparator.comparing((Candidate<DocumentSnapshot> c) -> c.record(), DUE_ORDER));
    window.fill(due, nowNs, horizon);
  }

  /**
   * The documents whose {@code field} is at most {@code upTo}, earliest first, at most {@code
   * limit} per shard: one query per shard, all sent before any answer is awaited.
   */
  private List<List<QueryDocumentSnapshot>> acrossShards(String field, long upTo, int limit) {
    List<ApiFuture<QuerySnapshot>> queries = new ArrayList<>(dueShards);
    for (int shard = 0; shard < dueShards; shard++) {
      queries.add(
          posts
              .whereEqualTo(PostCodec.SHARD, (long) shard)
              .whereLessThanOrEqualTo(field, upTo)
              .orderBy(field, Query.Direction.ASCENDING)
              .limit(limit)
              .get());
    }
    List<List<QueryDocumentSnapshot>> shards = new ArrayList<>(dueShards);
    for (ApiFuture<QuerySnapshot> query : queries) {
      shards.add(calls.get(query).getDocuments());
    }
    return shards;
  }

  /**
   * Claims each of {@code picked} that nobody wrote since it was read. First all in one batch: one
   * commit, which Firestore (and the emulator, about three times faster than ten separate writes)
   * applies only if every precondition holds. If one fails, nothing was written, and each is
   * written on its own, all in flight at once; a lost one is simply not returned (it is out of the
   * window already). The window counts the losses, and is read anew once it is mostly stale.
   */
  private List<PostRecord> claimAll(
      List<Candidate<DocumentSnapshot>> picked, Lease lease, long nowNs) {
    List<PostRecord> next = new ArrayList<>(picked.size());
    for (Candidate<DocumentSnapshot> c : picked) {
      next.add(c.record().withLease(lease).withVersion(c.record().version() + 1));
    }
    if (picked.size() > 1) {
      WriteBatch batch = posts.getFirestore().batch();
      for (int i = 0; i < picked.size(); i++) {
        DocumentSnapshot read = picked.get(i).read();
        batch.update(
            read.getReference(),
            PostCodec.encode(next.get(i), shardOf(read, next.get(i).id())),
            Precondition.updatedAt(read.getUpdateTime()));
      }
      try {
        List<WriteResult> results = calls.get(batch.commit());
        for (int i = 0; i < next.size(); i++) {
          held.wrote(next.get(i), results.get(i).getUpdateTime());
        }
        window.claimed(next.size(), 0);
        return next;
      } catch (FirestoreCallException e) {
        if (!changedMeanwhile(e)) {
          throw e;
        }
        lastLossNs = nowNs; // nothing was written: find out which one by one
      }
    }
    List<ApiFuture<WriteResult>> writes = new ArrayList<>(picked.size());
    for (int i = 0; i < picked.size(); i++) {
      writes.add(write(picked.get(i).read(), next.get(i)));
    }
    List<PostRecord> won = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      try {
        held.wrote(next.get(i), calls.get(writes.get(i)).getUpdateTime());
        won.add(next.get(i));
      } catch (FirestoreCallException e) {
        if (!changedMeanwhile(e)) {
          throw e;
        }
        lastLossNs = nowNs;
      }
    }
    window.claimed(won.size(), picked.size() - won.size());
    return won;
  }

  /** Whether this store lost a claim race within {@link #CONTENDED_FOR} before {@code nowNs}. */
  private boolean contendedAt(long nowNs) {
    long lost = lastLossNs;
    return lost != Long.MIN_VALUE && nowNs >= lost && nowNs - lost <= CONTENDED_FOR.toNanos();
  }

  @Override
  public Optional<PostRecord> claimExpired(
      String postId, long version, String owner, Instant now, Duration leaseDuration) {
    Require.nonNull(postId, "postId");
    Args.nonBlank(owner, "owner");
    Require.nonNull(now, "now");
    requirePositive(leaseDuration);
    while (true) {
      DocumentSnapshot doc = calls.get(ref(postId).get());
      if (!doc.exists()) {
        return Optional.empty();
      }
      PostRecord r = PostCodec.decode(doc);
      if (r.version() != version
          || r.lease() == null
          || r.isLeasedAt(now)
          || !expiredByServer(r, doc.getReadTime())) {
        return Optional.empty();
      }
      PostRecord claimed =
          r.withLease(new Lease(owner, now.plus(leaseDuration))).withVersion(r.version() + 1);
      try {
        wrote(claimed, calls.get(write(doc, claimed)));
        return Optional.of(claimed);
      } catch (FirestoreCallException e) {
        if (!changedMeanwhile(e)) {
          throw e;
        }
        // Re-read: the version moved on, so the next round answers empty.
      }
    }
  }

  @Override
  public PostRecord renew(LeaseToken token, Instant now, Duration leaseDuration) {
    requirePositive(leaseDuration);
    return fencedUpdate(
        token, now, r -> r.withLease(new Lease(token.owner(), now.plus(leaseDuration))));
  }

  @Override
  public PostRecord release(LeaseToken token, Instant now) {
    return fencedUpdate(
        token,
        now,
        r -> {
          if (r.state() == PostState.PUBLISHING) {
            throw new IllegalTransitionException(
                r.id(),
                r.state(),
                r.state(),
                "cannot release a post in PUBLISHING: record the attempt's outcome first");
          }
          return r.withLease(null);
        });
  }

  @Override
  public PostRecord recordTransition(
      LeaseToken token, PostState to, String reason, Instant nextAttemptAt, Instant now) {
    return fencedUpdate(token, now, r -> r.moved(to, reason, nextAttemptAt, now));
  }

  /**
   * The move and the release as one conditional write, one round trip fewer per attempt: the moved
   * record without its lease, so a due target state carries its due-index fields and is claimable
   * at {@code nextAttemptAt} by any worker. Fenced like every lease holder's write; written on top
   * of this store's last write when it knows it, else after a read.
   */
  @Override
  public PostRecord finishAttempt(
      LeaseToken token, PostState to, String reason, Instant nextAttemptAt, Instant now) {
    Require.nonNull(token, "token");
    Require.nonNull(to, "to");
    PostStoreRules.requireReleasable(token, to);
    return fencedUpdate(token, now, r -> r.moved(to, reason, nextAttemptAt, now).withLease(null));
  }

  @Override
  public PostRecord recordContainer(LeaseToken token, String containerId, Instant now) {
    Args.nonBlank(containerId, "containerId");
    return fencedUpdate(token, now, r -> r.withContainer(containerId));
  }

  @Override
  public PostRecord replace(PostRecord expected, PostRecord changed, Instant now) {
    Require.nonNull(expected, "expected");
    Require.nonNull(changed, "changed");
    Require.nonNull(now, "now");
    if (!changed.id().equals(expected.id())) {
      throw new InvalidValueException("changed.id", changed.id(), "must be " + expected.id());
    }
    DocumentSnapshot doc = calls.get(ref(expected.id()).get());
    if (!doc.exists()) {
      throw new UnknownPostException(expected.id());
    }
    PostRecord r = PostCodec.decode(doc);
    if (r.version() != expected.version()) {
      throw new StaleWriteException(
          r.id(), "the post is at version " + r.version() + ", not " + expected.version());
    }
    Lease lease = r.lease();
    if (lease != null && (lease.isLiveAt(now) || !expiredByServer(r, doc.getReadTime()))) {
      throw new StaleWriteException(r.id(), "worker " + lease.owner() + " holds the post");
    }
    PostStoreRules.requireRecordedMove(r, changed);
    // An expired lease means nothing once the host changed the post, except in PUBLISHING, where
    // it is what recovery finds the post by (POST-10).
    boolean keepLease = changed.state() == PostState.PUBLISHING;
    PostRecord next = (keepLease ? changed : changed.withLease(null)).withVersion(r.version() + 1);
    try {
      wrote(next, calls.get(write(doc, next)));
    } catch (FirestoreCallException e) {
      if (changedMeanwhile(e)) {
        throw new StaleWriteException(r.id(), "the post changed while it was being replaced");
      }
      throw e;
    }
    return next;
  }

  @Override
  public List<PostRecord> findExpiredLeases(Instant now, int limit) {
    Require.nonNull(now, "now");
    if (limit < 0) {
      throw new InvalidValueException("limit", limit, "must be at least 0");
    }
    if (limit == 0) {
      return List.of();
    }
    long nowNs = PostCodec.nanos(now, "now");
    List<PostRecord> expired = new ArrayList<>();
    // Composite index (dueShard ASC, leaseExpiresNs ASC): see firestore.indexes.json.
    for (List<QueryDocumentSnapshot> shard : acrossShards(PostCodec.LEASE_EXPIRES, nowNs, limit)) {
      for (QueryDocumentSnapshot doc : shard) {
        PostRecord r = PostCodec.decode(doc);
        if (expiredByServer(r, doc.getReadTime())) {
          expired.add(r);
        }
      }
    }
    expired.sort(
        Comparator.comparing((PostRecord r) -> r.lease().expiresAt())
            .thenComparing(PostRecord::id));
    return List.copyOf(expired.subList(0, Math.min(limit, expired.size())));
  }

  /** One query per shard for its earliest claimable post (the claim's own index). */
  @Override
  public Optional<Instant> oldestDue(Instant now) {
    Require.nonNull(now, "now");
    Instant oldest = null;
    for (List<QueryDocumentSnapshot> shard :
        acrossShards(PostCodec.DUE, PostCodec.nanos(now, "now"), 1)) {
      for (DocumentSnapshot doc : shard) {
        Instant since = PostStoreRules.claimableSince(PostCodec.decode(doc), now).orElse(null);
        if (since != null && (oldest == null || since.isBefore(oldest))) {
          oldest = since;
        }
      }
    }
    return Optional.ofNullable(oldest);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One query on the composite index (accountId ASC, state ASC, nextAttemptNs ASC): see {@code
   * firestore.indexes.json}.
   */
  @Override
  public Map<String, Instant> plannedPublishes(String accountId, Instant from, Instant to) {
    Require.nonNull(accountId, "accountId");
    Require.nonNull(from, "from");
    Require.nonNull(to, "to");
    Map<String, Instant> planned = new HashMap<>();
    if (!from.isBefore(to)) {
      return planned;
    }
    for (DocumentSnapshot doc :
        calls
            .get(
                posts
                    .whereEqualTo("accountId", accountId)
                    .whereIn(
                        "state", List.of(PostState.SCHEDULED.name(), PostState.RETRY_WAIT.name()))
                    .whereGreaterThanOrEqualTo("nextAttemptNs", PostCodec.nanos(from, "from"))
                    .whereLessThan("nextAttemptNs", PostCodec.nanos(to, "to"))
                    .get())
            .getDocuments()) {
      PostRecord r = PostCodec.decode(doc);
      planned.put(r.id(), r.nextAttemptAt());
    }
    return planned;
  }

  @Override
  public Map<String, Instant> publishSlots(String accountId, Instant since) {
    Require.nonNull(accountId, "accountId");
    Require.nonNull(since, "since");
    Map<String, Instant> slots = new HashMap<>();
    // Composite index (accountId ASC, quotaSlotNs ASC): see firestore.indexes.json.
    for (DocumentSnapshot doc :
        calls
            .get(
                posts
                    .whereEqualTo("accountId", accountId)
                    .whereGreaterThan(PostCodec.QUOTA_SLOT, PostCodec.nanos(since, "since"))
                    .get())
            .getDocuments()) {
      PostRecord r = PostCodec.decode(doc);
      PostStoreRules.quotaSlot(r).ifPresent(at -> slots.put(r.id(), at));
    }
    return slots;
  }

  /**
   * Whether Firestore's clock, at the read that found {@code r}, is at least {@code maxClockSkew}
   * past the end of its lease (or it has none): only then may another worker take it over, however
   * far ahead its own clock runs. A read without a time (never from Firestore) counts as not.
   */
  private boolean expiredByServer(PostRecord r, @Nullable Timestamp readTime) {
    Lease lease = r.lease();
    if (lease == null) {
      return true;
    }
    if (readTime == null) {
      return false;
    }
    long serverNs = readTime.getSeconds() * 1_000_000_000L + readTime.getNanos();
    long endsNs = PostCodec.nanos(lease.expiresAt(), "lease.expiresAt");
    return endsNs <= serverNs - maxClockSkewNs;
  }

  /** The lease holder's write: fenced by owner, expiry and version, then {@code change}. */
  private PostRecord fencedUpdate(LeaseToken token, Instant now, UnaryOperator<PostRecord> change) {
    Require.nonNull(token, "token");
    Require.nonNull(now, "now");
    PostRecord done = fencedUpdateAsWritten(token, now, change);
    if (done != null) {
      return done;
    }
    DocumentSnapshot doc = calls.get(ref(token.postId()).get());
    if (!doc.exists()) {
      throw new UnknownPostException(token.postId());
    }
    PostRecord r = PostCodec.decode(doc);
    PostStoreRules.requireWritable(r, token, now);
    PostRecord next = change.apply(r).withVersion(r.version() + 1);
    try {
      wrote(next, calls.get(write(doc, next)));
    } catch (FirestoreCallException e) {
      if (changedMeanwhile(e)) {
        throw new StaleWriteException(r.id(), "the post changed at version " + r.version());
      }
      throw e;
    }
    return next;
  }

  /**
   * The lease holder's write without a read, on the post as this store last wrote it, if nobody
   * wrote it since ({@link HeldPosts}). Null when that is not known to hold or any check fails:
   * then the caller reads the post and decides, so every refusal comes from a fresh read.
   */
  private @Nullable PostRecord fencedUpdateAsWritten(
      LeaseToken token, Instant now, UnaryOperator<PostRecord> change) {
    HeldPosts.Written known = held.get(token.postId());
    if (known == null || known.record().version() != token.version()) {
      return null;
    }
    PostRecord next;
    try {
      PostStoreRules.requireWritable(known.record(), token, now);
      next = change.apply(known.record()).withVersion(token.version() + 1);
    } catch (RuntimeException refused) {
      return null;
    }
    // Every field but the shard, which stays as stored (it may predate a change of dueShards).
    Map<String, Object> fields = PostCodec.encode(next, 0);
    fields.remove(PostCodec.SHARD);
    try {
      WriteResult result =
          calls.get(ref(token.postId()).update(fields, Precondition.updatedAt(known.updateTime())));
      wrote(next, result);
      return next;
    } catch (FirestoreCallException e) {
      if (!changedMeanwhile(e)) {
        throw e;
      }
      held.forget(token.postId());
      return null;
    }
  }

  /** After this store wrote {@code next}: keeps it for the holder's next write, and the window. */
  private void wrote(PostRecord next, WriteResult result) {
    held.wrote(next, result.getUpdateTime());
    window.drop(next.id());
    window.forgetIfDueBy(PostCodec.dueNs(next));
  }

  /** Writes {@code next} over the post read as {@code read}, if nobody wrote it since. */
  private ApiFuture<WriteResult> write(DocumentSnapshot read, PostRecord next) {
    return read.getReference()
        .update(
            PostCodec.encode(next, shardOf(read, next.id())),
            Precondition.updatedAt(read.getUpdateTime()));
  }

  private int shardOf(DocumentSnapshot read, String postId) {
    Long stored = read.getLong(PostCodec.SHARD);
    return stored == null ? shard(postId) : stored.intValue();
  }

  private static boolean changedMeanwhile(FirestoreCallException e) {
    return e.code() == StatusCode.Code.FAILED_PRECONDITION
        || e.code() == StatusCode.Code.ABORTED
        || e.code() == StatusCode.Code.NOT_FOUND;
  }

  private int shard(String postId) {
    return Math.floorMod(postId.hashCode(), dueShards);
  }

  private DocumentReference ref(String postId) {
    return posts.document(DocumentIds.encode(postId));
  }

  private static void requirePositive(Duration leaseDuration) {
    if (leaseDuration == null || leaseDuration.isNegative() || leaseDuration.isZero()) {
      throw new InvalidValueException("leaseDuration", leaseDuration, "must be positive");
    }
  }
}
