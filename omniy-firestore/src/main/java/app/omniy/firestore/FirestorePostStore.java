package app.omniy.firestore;

import app.omniy.core.InvalidValueException;
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
import app.omniy.firestore.internal.FairPick;
import app.omniy.firestore.internal.FirestoreCallException;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.PostCodec;
import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Precondition;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QuerySnapshot;
import com.google.cloud.firestore.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

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
 * seconds).
 *
 * <p><b>Scale.</b> The due-time index is spread over {@code dueShards} shards: each post carries
 * {@code dueShard} (a hash of its id) and claimers query every shard for {@code dueNs <= now}, so
 * the monotonically growing due time is written to {@code dueShards} separate index ranges instead
 * of one hot range (Firestore sustains about 500 writes/s into one such range).
 */
public final class FirestorePostStore implements PostStore {
  static final String COLLECTION = "posts";

  /** The default number of due-time shards; see {@code docs/firestore.md} for the throughput. */
  public static final int DEFAULT_DUE_SHARDS = 16;

  private static final Comparator<PostRecord> DUE_ORDER = PostStoreRules.DUE_ORDER;

  /** How many rounds a claimer retries after losing every race of a round. */
  private static final int CLAIM_ROUNDS = 50;

  private final CollectionReference posts;
  private final FirestoreCalls calls;
  private final int dueShards;

  /** A store with {@link #DEFAULT_DUE_SHARDS} due-time shards. */
  public FirestorePostStore(FirestoreStoreOptions options) {
    this(options, DEFAULT_DUE_SHARDS);
  }

  /**
   * A store spreading the due-time index over {@code dueShards} shards. Only ever raise the number
   * for an existing database: posts keep the shard they were written with, and a claimer queries
   * shards {@code 0 … dueShards-1} only.
   *
   * @throws InvalidValueException unless {@code dueShards} is 1 to 256
   */
  public FirestorePostStore(FirestoreStoreOptions options, int dueShards) {
    Args.required(options, "options");
    if (dueShards < 1 || dueShards > 256) {
      throw new InvalidValueException("dueShards", dueShards, "must be 1 to 256");
    }
    this.posts = options.collection(COLLECTION);
    this.calls = new FirestoreCalls(options.meters());
    this.dueShards = dueShards;
  }

  @Override
  public PostRecord insert(Post post, Instant now) {
    Args.required(post, "post");
    Args.required(now, "now");
    PostRecord stored = PostRecord.scheduled(post).withVersion(1);
    try {
      calls.get(ref(post.id()).create(PostCodec.encode(stored, shard(post.id()))));
    } catch (FirestoreCallException e) {
      if (e.alreadyExists()) {
        throw new InvalidValueException("id", post.id(), "a post with this id already exists");
      }
      throw e;
    }
    return stored;
  }

  @Override
  public Optional<PostRecord> find(String postId) {
    DocumentSnapshot doc = calls.get(ref(Args.required(postId, "postId")).get());
    return doc.exists() ? Optional.of(PostCodec.decode(doc)) : Optional.empty();
  }

  @Override
  public List<PostRecord> findByAccount(String accountId, Set<PostState> states) {
    Args.required(accountId, "accountId");
    Args.required(states, "states");
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
    Args.required(now, "now");
    if (limit < 0) {
      throw new InvalidValueException("limit", limit, "must be at least 0");
    }
    Args.nonBlank(owner, "owner");
    requirePositive(leaseDuration);
    if (limit == 0) {
      return List.of();
    }
    Lease lease = new Lease(owner, now.plus(leaseDuration));
    Set<String> lost = new HashSet<>();
    for (int round = 0; round < CLAIM_ROUNDS; round++) {
      Map<String, DocumentSnapshot> read = new HashMap<>();
      List<PostRecord> due = dueCandidates(now, limit, read);
      due.removeIf(r -> lost.contains(r.id()));
      if (due.isEmpty()) {
        return List.of();
      }
      // The first round takes the fair, earliest-first pick (POST-10); after losing races, a
      // random pick spreads racing claimers over the due posts instead of all on the earliest.
      List<PostRecord> picked =
          round == 0 ? FairPick.pick(due, limit) : FairPick.sample(due, limit);
      List<PostRecord> claimed = claimAll(picked, read, lease, lost);
      if (!claimed.isEmpty()) {
        return claimed.stream().sorted(DUE_ORDER).toList();
      }
    }
    return List.of();
  }

  /** The claimable posts of every shard's window, due at {@code now}. */
  private List<PostRecord> dueCandidates(
      Instant now, int limit, Map<String, DocumentSnapshot> read) {
    long nowNs = PostCodec.nanos(now, "now");
    // Per shard, at least 32 so that the fair share sees accounts due behind a busy one.
    int window = Math.max(limit, 32);
    List<PostRecord> due = new ArrayList<>();
    // Composite index (dueShard ASC, dueNs ASC): see firestore.indexes.json.
    for (DocumentSnapshot doc : acrossShards(PostCodec.DUE, nowNs, window)) {
      PostRecord r = PostCodec.decode(doc);
      if (r.isClaimableAt(now)) {
        due.add(r);
        read.put(r.id(), doc);
      }
    }
    due.sort(DUE_ORDER);
    return due;
  }

  /**
   * The documents whose {@code field} is at most {@code upTo}, earliest first, at most {@code
   * limit} per shard: one query per shard, all sent before any answer is awaited.
   */
  private List<DocumentSnapshot> acrossShards(String field, long upTo, int limit) {
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
    List<DocumentSnapshot> documents = new ArrayList<>();
    for (ApiFuture<QuerySnapshot> query : queries) {
      documents.addAll(calls.get(query).getDocuments());
    }
    return documents;
  }

  /** Claims each of {@code picked} that nobody wrote since it was read; records the losers. */
  private List<PostRecord> claimAll(
      List<PostRecord> picked, Map<String, DocumentSnapshot> read, Lease lease, Set<String> lost) {
    List<ApiFuture<WriteResult>> writes = new ArrayList<>(picked.size());
    List<PostRecord> next = new ArrayList<>(picked.size());
    for (PostRecord r : picked) {
      PostRecord claimed = r.withLease(lease).withVersion(r.version() + 1);
      next.add(claimed);
      writes.add(write(read.get(r.id()), claimed));
    }
    List<PostRecord> won = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      try {
        calls.get(writes.get(i));
        won.add(next.get(i));
      } catch (FirestoreCallException e) {
        if (!changedMeanwhile(e)) {
          throw e;
        }
        lost.add(picked.get(i).id());
      }
    }
    return won;
  }

  @Override
  public Optional<PostRecord> claimExpired(
      String postId, long version, String owner, Instant now, Duration leaseDuration) {
    Args.required(postId, "postId");
    Args.nonBlank(owner, "owner");
    Args.required(now, "now");
    requirePositive(leaseDuration);
    while (true) {
      DocumentSnapshot doc = calls.get(ref(postId).get());
      if (!doc.exists()) {
        return Optional.empty();
      }
      PostRecord r = PostCodec.decode(doc);
      if (r.version() != version || r.lease() == null || r.isLeasedAt(now)) {
        return Optional.empty();
      }
      PostRecord claimed =
          r.withLease(new Lease(owner, now.plus(leaseDuration))).withVersion(r.version() + 1);
      try {
        calls.get(write(doc, claimed));
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

  @Override
  public PostRecord recordContainer(LeaseToken token, String containerId, Instant now) {
    Args.nonBlank(containerId, "containerId");
    return fencedUpdate(token, now, r -> r.withContainer(containerId));
  }

  @Override
  public PostRecord replace(PostRecord expected, PostRecord changed, Instant now) {
    Args.required(expected, "expected");
    Args.required(changed, "changed");
    Args.required(now, "now");
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
    if (lease != null && lease.isLiveAt(now)) {
      throw new StaleWriteException(r.id(), "worker " + lease.owner() + " holds the post");
    }
    PostStoreRules.requireRecordedMove(r, changed);
    // An expired lease means nothing once the host changed the post, except in PUBLISHING, where
    // it is what recovery finds the post by (POST-10).
    boolean keepLease = changed.state() == PostState.PUBLISHING;
    PostRecord next = (keepLease ? changed : changed.withLease(null)).withVersion(r.version() + 1);
    try {
      calls.get(write(doc, next));
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
    Args.required(now, "now");
    if (limit < 0) {
      throw new InvalidValueException("limit", limit, "must be at least 0");
    }
    if (limit == 0) {
      return List.of();
    }
    long nowNs = PostCodec.nanos(now, "now");
    List<PostRecord> expired = new ArrayList<>();
    // Composite index (dueShard ASC, leaseExpiresNs ASC): see firestore.indexes.json.
    acrossShards(PostCodec.LEASE_EXPIRES, nowNs, limit)
        .forEach(d -> expired.add(PostCodec.decode(d)));
    expired.sort(
        Comparator.comparing((PostRecord r) -> r.lease().expiresAt())
            .thenComparing(PostRecord::id));
    return List.copyOf(expired.subList(0, Math.min(limit, expired.size())));
  }

  /** One query per shard for its earliest claimable post (the claim's own index). */
  @Override
  public Optional<Instant> oldestDue(Instant now) {
    Args.required(now, "now");
    Instant oldest = null;
    for (DocumentSnapshot doc : acrossShards(PostCodec.DUE, PostCodec.nanos(now, "now"), 1)) {
      Instant since = PostStoreRules.claimableSince(PostCodec.decode(doc), now).orElse(null);
      if (since != null && (oldest == null || since.isBefore(oldest))) {
        oldest = since;
      }
    }
    return Optional.ofNullable(oldest);
  }

  @Override
  public Map<String, Instant> publishSlots(String accountId, Instant since) {
    Args.required(accountId, "accountId");
    Args.required(since, "since");
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

  /** The lease holder's write: fenced by owner, expiry and version, then {@code change}. */
  private PostRecord fencedUpdate(LeaseToken token, Instant now, UnaryOperator<PostRecord> change) {
    Args.required(token, "token");
    Args.required(now, "now");
    DocumentSnapshot doc = calls.get(ref(token.postId()).get());
    if (!doc.exists()) {
      throw new UnknownPostException(token.postId());
    }
    PostRecord r = PostCodec.decode(doc);
    PostStoreRules.requireWritable(r, token, now);
    PostRecord next = change.apply(r).withVersion(r.version() + 1);
    try {
      calls.get(write(doc, next));
    } catch (FirestoreCallException e) {
      if (changedMeanwhile(e)) {
        throw new StaleWriteException(r.id(), "the post changed at version " + r.version());
      }
      throw e;
    }
    return next;
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
