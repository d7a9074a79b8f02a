package app.omniy.core.quota;

import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Transition;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.post.spi.Publisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * What each account used of its publishing and container quota (POST-3), kept per account so one
 * account's quota never touches another's (POST-10). A check reserves its slot at once, by post id,
 * so concurrent attempts of one account cannot together exceed the limit; a reservation whose
 * attempt did not publish is given back.
 *
 * <p>With {@code fromStore} (the default), every check also reads the account's publishing slots
 * from the store ({@link PostStore#publishSlots}: its posts in PUBLISHING and those PUBLISHED in
 * the window), merged with this ledger's own reservations by post id. Several runtimes sharing one
 * store thus count each other's publishes, not only their own: POST-3's quota holds across the
 * workers POST-8 allows. What remains is a race of one store round trip: two runtimes checking the
 * same account at the same instant, before either recorded its move to PUBLISHING, may both take
 * the last slot. Container usage stays per runtime, approximated from the account's PUBLISHED posts
 * when first seen.
 *
 * <p>The publishing limit is the account's live one when the publisher can read it ({@link
 * Publisher#publishLimit}: Instagram's {@code quota_total}), asked when the ledger first meets the
 * account and then at most once per {@link #LIVE_LIMIT_READ_INTERVAL}; the last answer is kept when
 * a later read fails, and the policy's default applies until the first answer (POST-3).
 */
public final class QuotaLedger {
  /** How long a live publishing limit is used before it is read again. */
  static final Duration LIVE_LIMIT_READ_INTERVAL = Duration.ofHours(1);

  private static final long LIVE_LIMIT_READ_MILLIS = LIVE_LIMIT_READ_INTERVAL.toMillis();

  private final PostStore store;
  private final Publisher publisher;
  private final QuotaPolicy policy;
  private final boolean fromStore;

  /** Each account's usage, guarded by its own monitor: accounts never wait for each other. */
  private final ConcurrentHashMap<String, AccountUsage> byAccount = new ConcurrentHashMap<>();

  public QuotaLedger(PostStore store, Publisher publisher, QuotaPolicy policy, boolean fromStore) {
    this.store = store;
    this.publisher = publisher;
    this.policy = policy;
    this.fromStore = fromStore;
  }

  /**
   * Decides whether post {@code postId} of the account may publish now, needing {@code
   * containersNeeded} new containers (0 to reuse one), and if so reserves the slots.
   */
  public QuotaDecision reserve(String postId, String accountId, int containersNeeded, Instant now) {
    // Read outside the lock: a store round trip must not serialise every account's checks.
    Instant windowStart = now.minus(policy.window());
    Map<String, Instant> shared = fromStore ? store.publishSlots(accountId, windowStart) : Map.of();
    AccountUsage usage = usage(accountId);
    int limit = publishLimit(usage, accountId, now);
    synchronized (usage) {
      usage.prune(windowStart);
      Map<String, Instant> merged = null;
      int count = usage.slots();
      if (!shared.isEmpty()) {
        merged = new HashMap<>(shared);
        usage.putSlotsInto(merged);
        count = merged.size();
      }
      // The post's own earlier slot (PUBLISHING while reconciled, or kept after a lost answer) is
      // the one it takes again: not counted against it, and kept if it is refused. Looked up only
      // when it can change the answer, to spare the dispatch path a lookup per check.
      boolean own =
          count >= limit && (merged == null ? usage.holdsSlot(postId) : merged.containsKey(postId));
      if (count - (own ? 1 : 0) < limit
          && usage.containers() + containersNeeded <= policy.containerLimit()) {
        // Fast path, the same answer as the policy's: everything counted is in the window.
        take(usage, postId, containersNeeded, now);
        return new QuotaDecision(true, now, "");
      }
      List<Instant> others = new ArrayList<>(count);
      BiConsumer<String, Instant> other =
          (id, at) -> {
            if (!id.equals(postId)) {
              others.add(at);
            }
          };
      if (merged == null) {
        usage.forEachSlot(other);
      } else {
        merged.forEach(other);
      }
      QuotaUsage seen =
          new QuotaUsage(
              others,
              containersNeeded == 0 ? List.of() : usage.containerTimes(),
              usage.liveLimit() > 0 ? limit : null);
      QuotaDecision decision = policy.decide(seen, Math.max(containersNeeded, 1), now);
      if (decision.mayGoNow()) {
        take(usage, postId, containersNeeded, now);
      }
      return decision;
    }
  }

  /**
   * The account's publishing limit: its live one when read (from the publisher, outside any lock:
   * it may be a network call), else the policy's default.
   */
  private int publishLimit(AccountUsage usage, String accountId, Instant now) {
    if (usage.limitReadDue(now, LIVE_LIMIT_READ_MILLIS)) {
      OptionalInt live;
      try {
        live = publisher.publishLimit(accountId, now);
      } catch (RuntimeException e) {
        live = OptionalInt.empty(); // a publisher's bug: keep the last answer, ask again later
      }
      if (live != null && live.isPresent() && live.getAsInt() > 0) {
        usage.liveLimit(live.getAsInt());
      }
    }
    int live = usage.liveLimit();
    return live > 0 ? live : policy.defaultPublishLimit();
  }

  private static void take(AccountUsage usage, String postId, int containers, Instant now) {
    usage.slot(postId, now);
    usage.addContainers(now, containers);
  }

  /** Gives back the publishing slot reserved for {@code postId}: the attempt did not publish. */
  public void cancelPublish(String accountId, String postId) {
    AccountUsage usage = byAccount.get(accountId);
    if (usage != null) {
      synchronized (usage) {
        usage.releaseSlot(postId);
      }
    }
  }

  /** Gives back {@code count} container slots reserved at {@code at}: none was created. */
  public void cancelContainers(String accountId, Instant at, int count) {
    AccountUsage usage = byAccount.get(accountId);
    if (usage != null) {
      synchronized (usage) {
        usage.releaseContainers(at, count);
      }
    }
  }

  /** Records a publish found by reconciliation, which reserved nothing. */
  public void published(String accountId, String postId, Instant at) {
    AccountUsage usage = usage(accountId);
    synchronized (usage) {
      usage.slot(postId, at);
    }
  }

  /**
   * The account's usage, created on first sight from its published posts in the store (read outside
   * any lock; if two threads race, one's copy is kept).
   */
  private AccountUsage usage(String accountId) {
    AccountUsage usage = byAccount.get(accountId);
    if (usage != null) {
      return usage;
    }
    AccountUsage loaded = new AccountUsage();
    List<PostRecord> history =
        fromStore ? store.findByAccount(accountId, EnumSet.of(PostState.PUBLISHED)) : List.of();
    for (PostRecord r : history) {
      for (Transition t : r.history()) {
        if (t.to() == PostState.PUBLISHED) {
          // At least one container per published post; more for carousels.
          loaded.addContainers(t.at(), r.post().media().containersNeeded());
        }
      }
    }
    AccountUsage raced = byAccount.putIfAbsent(accountId, loaded);
    return raced == null ? loaded : raced;
  }
}
