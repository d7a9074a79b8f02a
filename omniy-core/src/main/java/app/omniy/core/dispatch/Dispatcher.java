package app.omniy.core.dispatch;

import app.omniy.core.Require;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.post.Lease;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.StaleWriteException;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.retry.RetryPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Publishes due posts exactly once (POST-7) by the core's rules, one post per {@link #process}
 * call. It holds no thread and reads no clock of its own: a runtime calls {@link #claim} and then
 * {@link #process} for each claimed post, on as many threads as it likes (each post is processed by
 * one caller at a time); a test calls them on a settable clock.
 *
 * <p>One attempt: account needing re-authorisation? (POST-11: the post waits in NEEDS_REAUTH
 * without an API call) → missed window? (POST-6) → quota (POST-3: defer, say why) → PUBLISHING
 * (lateness measured) → if the post has a container from an earlier attempt whose outcome is
 * unknown, reconcile it first (POST-7) → create a container and store its id before publishing
 * (POST-7) → status → publish → the {@link RetryPolicy} decides the next state (POST-5) → the
 * transition is recorded with the lease token (POST-8 fencing) and the lease released. A publish
 * that returns TRANSIENT (no answer: the post may have gone out) is reconciled at once and, if that
 * cannot tell, at the start of the next attempt: never published blindly again.
 *
 * <p>Per-account isolation (POST-10): the store claims round robin over accounts; quota is kept per
 * account; one account's failures only move that account's posts.
 */
public final class Dispatcher {
  /** The reason code of a recovered post whose worker's lease expired mid-attempt (POST-8). */
  public static final String LEASE_EXPIRED = "LEASE_EXPIRED";

  private static final Set<PostState> UPCOMING =
      EnumSet.of(PostState.SCHEDULED, PostState.RETRY_WAIT);

  private final PostStore store;
  private final DispatchSettings settings;
  private final GuardedListener listener;
  private final Set<String> reauthAccounts = ConcurrentHashMap.newKeySet();

  /** Runs {@link #process}; it adds an account to {@link #reauthAccounts} as well (POST-11). */
  private final Attempt attempt;

  /** Per account needing re-authorisation, the posts already warned about (POST-11). */
  private final Map<String, Set<String>> warned = new ConcurrentHashMap<>();

  private volatile @Nullable String pauseReason;

  /**
   * @param store where posts live
   * @param publisher how posts go out
   * @param settings lease, retry and quota rules
   * @throws app.omniy.core.InvalidValueException naming {@code leaseDuration} if the lease cannot
   *     outlast the publisher's longest publish ({@link DispatchSettings#requireLeaseFits})
   * @param listener host callbacks; {@link DispatchListener#NONE} for none
   * @param random the jitter source of the retry backoff (seed it for deterministic tests)
   */
  public Dispatcher(
      PostStore store,
      Publisher publisher,
      DispatchSettings settings,
      DispatchListener listener,
      RandomGenerator random) {
    this.store = Require.nonNull(store, "store");
    Require.nonNull(publisher, "publisher");
    this.settings = Require.nonNull(settings, "settings").requireLeaseFits(publisher);
    this.listener = GuardedListener.guard(Require.nonNull(listener, "listener"));
    Require.nonNull(random, "random");
    this.attempt = new Attempt(store, publisher, settings, this.listener, random, reauthAccounts);
  }

  /** The settings. */
  public DispatchSettings settings() {
    return settings;
  }

  /**
   * Stops claiming (INC-4): posts stay in the store, due, and go out once {@link #resume}d (or are
   * failed by the missed window if the pause outlasts it). Attempts already running finish.
   */
  public void pause(String reason) {
    pauseReason = Require.nonBlank(reason, "reason");
  }

  /** Claims again after {@link #pause}. */
  public void resume() {
    pauseReason = null;
  }

  /** Why publishing is paused, if it is. */
  public Optional<String> paused() {
    return Optional.ofNullable(pauseReason);
  }

  /**
   * Claims up to {@code limit} due posts, fairly over accounts (POST-10); none while paused.
   *
   * @return the claimed posts, each leased to this dispatcher's owner; process every one
   */
  public List<PostRecord> claim(Instant now, int limit) {
    Require.nonNull(now, "now");
    Require.atLeast(limit, 0, "limit");
    if (pauseReason != null || limit == 0) {
      return List.of();
    }
    return store.claimDue(now, limit, settings.owner(), settings.leaseDuration());
  }

  /**
   * When the next post falls due, if the store can tell cheaply ({@link PostStore#nextDueAt});
   * empty while paused, so a runtime sleeps its poll interval then. A runtime sleeps until this
   * instant rather than polling, so posts start on time (lateness p99 at most 25 ms, the target
   * docs/benchmarks.md measures).
   */
  public Optional<Instant> nextDueAt() {
    return pauseReason != null ? Optional.empty() : store.nextDueAt();
  }

  /**
   * Gives a claimed post back without attempting it, e.g. when a runtime stops before its turn
   * came: it stays due and the next claimer takes it at once.
   *
   * @return the post, released; or as it was if the lease was lost meanwhile
   */
  public PostRecord release(PostRecord claimed, Instant now) {
    Require.nonNull(claimed, "claimed");
    Require.nonNull(now, "now");
    try {
      return store.release(claimed.token(), now);
    } catch (StaleWriteException lost) {
      return claimed;
    }
  }

  /** Marks an account as needing re-authorisation: its posts wait instead of being attempted. */
  public void accountNeedsReauth(String accountId) {
    reauthAccounts.add(Require.nonBlank(accountId, "accountId"));
  }

  /**
   * The owner reconnected the account: its posts are attempted again. Posts already moved to
   * NEEDS_REAUTH go back on schedule through {@code PostService.reauthorised}.
   */
  public void accountReauthorised(String accountId) {
    reauthAccounts.remove(Require.nonBlank(accountId, "accountId"));
    warned.remove(accountId);
  }

  /** The accounts known to need re-authorisation. */
  public Set<String> accountsNeedingReauth() {
    return Set.copyOf(reauthAccounts);
  }

  /**
   * Raises a warning for every upcoming post, due within the warning lead, of an account that needs
   * re-authorisation, once per post (POST-11).
   *
   * @return the posts warned about now
   */
  public List<PostRecord> warnReauth(Instant now) {
    Require.nonNull(now, "now");
    Instant horizon = now.plus(settings.reauthWarningLead());
    List<PostRecord> warnedNow = new ArrayList<>();
    for (String account : reauthAccounts) {
      for (PostRecord r : store.findByAccount(account, UPCOMING)) {
        Set<String> told = warned.computeIfAbsent(account, a -> ConcurrentHashMap.newKeySet());
        if (!r.post().publishAt().isAfter(horizon) && told.add(r.id())) {
          warnedNow.add(r);
          listener.reauthWarning(r, r.post().publishAt());
        }
      }
    }
    return warnedNow;
  }

  /**
   * Recovers posts left in PUBLISHING by a worker whose lease expired (crash, stall; POST-8,
   * POST-10): each is claimed, moved to RETRY_WAIT due now (its next attempt reconciles any
   * container first, POST-7) or FAILED if its window passed without a container, and released.
   * Posts in a due state whose lease expired need no recovery: {@link #claim} takes them again.
   *
   * @return the posts recovered
   */
  public List<PostRecord> recoverExpired(Instant now, int limit) {
    Require.nonNull(now, "now");
    List<PostRecord> recovered = new ArrayList<>();
    for (PostRecord stale : store.findExpiredLeases(now, limit)) {
      if (stale.state() != PostState.PUBLISHING) {
        if (!stale.state().isDue()) {
          giveBackFinished(stale, now);
        }
        continue; // a due post with an expired lease is claimable again as it is
      }
      Lease old = stale.lease();
      Optional<PostRecord> claimed =
          store.claimExpired(
              stale.id(), stale.version(), settings.owner(), now, settings.leaseDuration());
      if (claimed.isEmpty()) {
        continue; // another worker recovers it
      }
      PostRecord r = claimed.get();
      String why =
          "worker "
              + (old == null ? "?" : old.owner() + "'s lease expired at " + old.expiresAt())
              + (r.containerId() == null ? "" : "; container " + r.containerId() + " to reconcile");
      try {
        boolean missed =
            r.containerId() == null && settings.retryPolicy().missedWindow(r.post(), now);
        PostRecord released =
            missed
                ? store.finishAttempt(
                    r.token(), PostState.FAILED, Reasons.of(Reasons.MISSED_WINDOW, why), now, now)
                : store.finishAttempt(
                    r.token(), PostState.RETRY_WAIT, Reasons.of(LEASE_EXPIRED, why), now, now);
        recovered.add(released);
        listener.announce(released, "");
      } catch (StaleWriteException lost) {
        // Lost it again between claim and write: whoever holds it now recovers it.
      }
    }
    return recovered;
  }

  /**
   * Releases a post whose worker recorded its outcome (published, failed, waiting for
   * re-authorisation) but died before giving it back: nothing is left to recover, but its expired
   * lease would stay listed by {@link PostStore#findExpiredLeases} forever, oldest first, and
   * enough of them would crowd out the posts stuck in PUBLISHING that recovery is for (POST-10).
   */
  private void giveBackFinished(PostRecord stale, Instant now) {
    Optional<PostRecord> claimed =
        store.claimExpired(
            stale.id(), stale.version(), settings.owner(), now, settings.leaseDuration());
    if (claimed.isPresent()) {
      try {
        store.release(claimed.get().token(), now);
      } catch (StaleWriteException lost) {
        // Another worker took it meanwhile and releases it.
      }
    }
  }

  /**
   * Runs one attempt of a post this dispatcher {@link #claim}ed, reading {@code clock} before every
   * step so that the lease is renewed and the times recorded are those of the step.
   *
   * <p>Never throws what a worker survives ({@link Survivable}): an attempt that throws (a
   * publisher's or store's bug, an {@code AssertionError}, a {@code LinkageError}, an {@code
   * OutOfMemoryError}…) ends on the retry path with {@link Reasons#INTERNAL_ERROR}, its lease
   * released, and what it threw is in {@link Dispatched#error} for the caller to log. Only the
   * JVM's own failures are thrown on.
   */
  public Dispatched process(PostRecord claimed, Clock clock) {
    Require.nonNull(claimed, "claimed");
    Require.nonNull(clock, "clock");
    return attempt.run(claimed, clock);
  }
}
