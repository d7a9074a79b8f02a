package app.omniy.core.dispatch;

import app.omniy.core.Require;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.post.Lease;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.StaleWriteException;
import app.omniy.core.post.Transition;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import app.omniy.core.post.spi.StatusPollAdvice;
import app.omniy.core.quota.QuotaDecision;
import app.omniy.core.quota.QuotaLedger;
import app.omniy.core.retry.RetryDecision;
import app.omniy.core.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
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
  private final Publisher publisher;
  private final DispatchSettings settings;
  private final DispatchListener listener;
  private final RandomGenerator random;
  private final Object randomLock = new Object();
  private final QuotaLedger quota;
  private final Set<String> reauthAccounts = ConcurrentHashMap.newKeySet();

  /** Per account needing re-authorisation, the posts already warned about (POST-11). */
  private final Map<String, Set<String>> warned = new ConcurrentHashMap<>();

  private volatile @Nullable String pauseReason;
  private final long renewBelowNanos;

  /**
   * @param store where posts live
   * @param publisher how posts go out
   * @param settings lease, retry and quota rules
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
    this.publisher = Require.nonNull(publisher, "publisher");
    this.settings = Require.nonNull(settings, "settings");
    this.listener = new GuardedListener(Require.nonNull(listener, "listener"));
    this.random = Require.nonNull(random, "random");
    // Computed once as nanoseconds, not as a Duration on every publisher call; saturated.
    Duration lease = settings.leaseDuration();
    this.renewBelowNanos =
        lease.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1
            ? Long.MAX_VALUE / 2
            : lease.toNanos() / 2;
    this.quota =
        new QuotaLedger(store, publisher, settings.quotaPolicy(), settings.quotaHistoryFromStore());
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
   * instant rather than polling, so posts start on time (issue 8: lateness p99 at most 25 ms).
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
        boolean missed = r.containerId() == null && policy().missedWindow(r.post(), now);
        PostRecord released =
            missed
                ? store.finishAttempt(
                    r.token(), PostState.FAILED, Reasons.of(Reasons.MISSED_WINDOW, why), now, now)
                : store.finishAttempt(
                    r.token(), PostState.RETRY_WAIT, Reasons.of(LEASE_EXPIRED, why), now, now);
        recovered.add(released);
        announce(released, "");
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
   */
  public Dispatched process(PostRecord claimed, Clock clock) {
    Require.nonNull(claimed, "claimed");
    Require.nonNull(clock, "clock");
    Run run = new Run(claimed, clock);
    try {
      attempt(run);
      return new Dispatched(run.r, run.outcome, false);
    } catch (StaleWriteException lost) {
      // Fenced off (POST-8): another worker took the post; it recovers whatever happened here.
      return new Dispatched(run.r, run.outcome, true);
    }
  }

  /** The post being processed, its latest stored version, and the clock. */
  private static final class Run {
    PostRecord r;
    final Clock clock;
    @Nullable OutcomeClass outcome;
    @Nullable Instant reservedAt;
    int reservedContainers;

    Run(PostRecord r, Clock clock) {
      this.r = r;
      this.clock = clock;
    }

    Instant now() {
      return clock.instant();
    }
  }

  private void attempt(Run run) {
    PostRecord r = run.r;
    String account = r.accountId();
    Instant now = run.now();
    if (reauthAccounts.contains(account)) {
      move(
          run,
          PostState.NEEDS_REAUTH,
          Reasons.of(Reasons.NEEDS_REAUTH, "account " + account + " waits for re-authorisation"),
          now,
          "");
      return;
    }
    if (r.containerId() == null && policy().missedWindow(r.post(), now)) {
      move(run, PostState.FAILED, missedWindowReason(r, now), now, "");
      return;
    }
    if (r.containerId() == null && !reserve(run, r.post().media().containersNeeded(), now)) {
      return;
    }

    run.r =
        store.recordTransition(r.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, now, now);
    Duration lateness =
        run.r.attempt() == 1 && now.isAfter(r.post().publishAt())
            ? Duration.between(r.post().publishAt(), now)
            : Duration.ZERO;
    listener.attemptStarted(run.r, lateness);

    String container = run.r.containerId();
    if (container != null) {
      // An earlier attempt's outcome is unknown: find out before anything else (POST-7).
      PublisherResult<Reconciliation> fate = reconcile(run, account, container);
      if (!fate.isSuccess() || fate.value() == null) {
        end(
            run,
            fate.outcome(),
            "reconcile " + container + ": " + fate.detail(),
            fate.retryAfter());
        return;
      }
      switch (fate.value()) {
        case PUBLISHED -> {
          publishedAfterAll(run, container);
          return;
        }
        case NOT_PUBLISHED -> container = StatusPolls.gaveUp(run.r) ? null : container;
        case CONTAINER_EXPIRED -> container = null;
      }
      now = run.now();
      if (policy().missedWindow(r.post(), now)) {
        run.outcome = fate.outcome();
        move(run, PostState.FAILED, missedWindowReason(r, now), now, "");
        return;
      }
      if (!reserve(run, container == null ? r.post().media().containersNeeded() : 0, now)) {
        return;
      }
    }

    if (container == null) {
      PublisherResult<String> created = createContainer(run, r.post());
      String id = created.value();
      if (!created.isSuccess() || id == null) {
        giveBack(run, true);
        end(run, created.outcome(), "create: " + created.detail(), created.retryAfter());
        return;
      }
      container = id;
      // Stored before media_publish, so a crash or lost answer is reconciled, never re-published.
      run.r = store.recordContainer(run.r.token(), container, run.now());
    }

    PublisherResult<ContainerStatus> status = status(run, account, container);
    ContainerStatus state = status.value();
    if (!status.isSuccess() || state == null) {
      giveBack(run, false);
      end(
          run,
          status.outcome(),
          "status " + container + ": " + status.detail(),
          status.retryAfter());
      return;
    }
    switch (state) {
      case FINISHED -> {}
      case PUBLISHED -> {
        publishedAfterAll(run, container);
        return;
      }
      case IN_PROGRESS -> {
        giveBack(run, false);
        notReady(run, container);
        return;
      }
      case ERROR, EXPIRED -> {
        giveBack(run, false);
        end(run, OutcomeClass.NEW_CONTAINER, "container " + container + " " + state, null);
        return;
      }
    }

    PublisherResult<String> sent = publish(run, account, container);
    String mediaId = sent.value();
    if (sent.isSuccess() && mediaId != null) {
      run.outcome = OutcomeClass.SUCCESS;
      tellAttemptEnded(run);
      move(run, PostState.PUBLISHED, Reasons.PUBLISHED, run.now(), mediaId);
      firstComment(run, account, mediaId);
      return;
    }
    if (sent.outcome() == OutcomeClass.TRANSIENT) {
      // No answer: the post may have gone out. Ask now; if that cannot tell, the next attempt asks.
      PublisherResult<Reconciliation> fate = reconcile(run, account, container);
      if (fate.isSuccess() && fate.value() == Reconciliation.PUBLISHED) {
        publishedAfterAll(run, container);
        return;
      }
      if (fate.isSuccess()) {
        giveBack(run, false);
      }
    } else {
      giveBack(run, false);
    }
    end(run, sent.outcome(), "publish " + container + ": " + sent.detail(), sent.retryAfter());
  }

  /**
   * The container is still processing: poll again when the publisher's cadence says (its {@code
   * StatusPolling}), or the retry backoff if it has none, without holding a worker during the wait;
   * or give up on the container once the publisher says so, and make a new one next time.
   */
  private void notReady(Run run, String container) {
    StatusPolls.Seen seen = StatusPolls.seen(run.r, run.now());
    StatusPollAdvice advice;
    try {
      advice = publisher.statusPolling(seen.polls(), seen.inProgressFor()).orElse(null);
    } catch (RuntimeException e) {
      advice = null; // a publisher's bug: the retry backoff paces the polls
    }
    if (advice != null && advice.next().isEmpty()) {
      String detail =
          StatusPolls.GAVE_UP
              + " container "
              + container
              + ", in progress for "
              + seen.inProgressFor()
              + " over "
              + seen.polls()
              + " polls";
      end(run, OutcomeClass.NEW_CONTAINER, detail, null);
      return;
    }
    String detail = "container " + container + " still processing (poll " + seen.polls() + ")";
    end(run, OutcomeClass.NOT_READY, detail, advice == null ? null : advice.delay());
  }

  /** Reserves quota, or defers the post with the reason (POST-3); whether it may go now. */
  private boolean reserve(Run run, int containers, Instant now) {
    QuotaDecision decision = quota.reserve(run.r.id(), run.r.accountId(), containers, now);
    if (decision.mayGoNow()) {
      run.reservedAt = now;
      run.reservedContainers = containers;
      return true;
    }
    RetryDecision next =
        decide(
            run.r,
            OutcomeClass.QUOTA,
            decision.reason(),
            Duration.between(now, decision.earliest()),
            now);
    move(run, next.state(), next.reason(), next.nextAttemptAt(), "");
    return false;
  }

  /** Gives back the quota an attempt reserved but did not use. */
  private void giveBack(Run run, boolean containersToo) {
    Instant at = run.reservedAt;
    if (at == null) {
      return;
    }
    quota.cancelPublish(run.r.accountId(), run.r.id());
    if (containersToo) {
      quota.cancelContainers(run.r.accountId(), at, run.reservedContainers);
    }
    run.reservedAt = null;
  }

  private void publishedAfterAll(Run run, String container) {
    if (run.reservedAt == null) {
      quota.published(run.r.accountId(), run.r.id(), run.now());
    }
    run.outcome = OutcomeClass.SUCCESS;
    tellAttemptEnded(run);
    move(
        run,
        PostState.PUBLISHED,
        Reasons.of(Reasons.RECONCILED_PUBLISHED, container),
        run.now(),
        "");
    if (run.r.post().firstCommentText().isPresent()) {
      PostRecord published = run.r;
      listener.commentSkipped(
          published, "the media id is unknown after a lost publish answer, and is never guessed");
    }
  }

  /**
   * Posts the first comment on the media just published (POST-1). Its failure never touches the
   * post, which is published; the listener hears of it.
   */
  private void firstComment(Run run, String account, String mediaId) {
    PostRecord published = run.r;
    String text = published.post().firstCommentText().orElse(null);
    if (text == null) {
      return; // most posts have no first comment
    }
    PublisherResult<String> comment;
    try {
      comment = answered(publisher.comment(account, mediaId, text, run.now()));
    } catch (RuntimeException e) {
      comment = noAnswer(e);
    }
    if (comment.isSuccess()) {
      listener.commented(published, mediaId);
    } else {
      listener.commentSkipped(published, "comment: " + comment.detail());
    }
  }

  /** The attempt ended with a failure: the retry policy decides what follows (POST-5, POST-6). */
  private void end(Run run, OutcomeClass outcome, String detail, @Nullable Duration wait) {
    run.outcome = outcome;
    tellAttemptEnded(run);
    Instant now = run.now();
    RetryDecision next = decide(run.r, outcome, detail, wait, now);
    move(run, next.state(), next.reason(), next.nextAttemptAt(), "");
  }

  private RetryDecision decide(
      PostRecord r, OutcomeClass outcome, String detail, @Nullable Duration wait, Instant now) {
    synchronized (randomLock) {
      return policy().decide(r, outcome, detail, wait, now, random);
    }
  }

  /** Records the move and releases the lease in one store call, then tells the listener. */
  private void move(Run run, PostState to, String reason, Instant next, String mediaId) {
    Instant now = run.now();
    run.r = store.finishAttempt(run.r.token(), to, reason, next, now);
    if (to == PostState.NEEDS_REAUTH) {
      reauthAccounts.add(run.r.accountId());
    }
    announce(run.r, mediaId);
  }

  private void announce(PostRecord r, String mediaId) {
    List<Transition> history = r.history();
    String reason = history.isEmpty() ? "" : history.get(history.size() - 1).reason();
    switch (r.state()) {
      case PUBLISHED -> listener.published(r, mediaId);
      case FAILED -> {
        listener.failed(r, reason);
        if (reason.startsWith(Reasons.MISSED_WINDOW)) {
          listener.missedWindow(r);
        }
      }
      case NEEDS_REAUTH -> listener.needsReauth(r, reason);
      case SCHEDULED, RETRY_WAIT -> listener.deferred(r, r.nextAttemptAt(), reason);
      case PUBLISHING, CANCELLED -> {}
    }
  }

  /** The time of the next step, after renewing the lease if less than half of it is left. */
  private Instant leased(Run run) {
    Instant now = run.now();
    Lease lease = run.r.lease();
    if (lease != null && nanosLeft(now, lease.expiresAt()) < renewBelowNanos) {
      run.r = store.renew(run.r.token(), now, settings.leaseDuration());
    }
    return now;
  }

  /**
   * Nanoseconds from {@code now} to {@code expiresAt}, saturated (no {@link Duration} per publisher
   * call; a lease beyond 292 years counts as {@link Long#MAX_VALUE}).
   */
  static long nanosLeft(Instant now, Instant expiresAt) {
    long seconds = expiresAt.getEpochSecond() - now.getEpochSecond();
    if (seconds >= Long.MAX_VALUE / 1_000_000_000L - 1) {
      return Long.MAX_VALUE;
    }
    if (seconds <= Long.MIN_VALUE / 1_000_000_000L + 1) {
      return Long.MIN_VALUE;
    }
    return seconds * 1_000_000_000L + (expiresAt.getNano() - now.getNano());
  }

  private String missedWindowReason(PostRecord r, Instant now) {
    return Reasons.of(
        Reasons.MISSED_WINDOW,
        "started at " + now + ", window ended at " + policy().windowEnd(r.post()));
  }

  private RetryPolicy policy() {
    return settings.retryPolicy();
  }

  private void tellAttemptEnded(Run run) {
    PostRecord r = run.r;
    OutcomeClass outcome = run.outcome;
    if (outcome != null) {
      listener.attemptEnded(r, outcome);
    }
  }

  // The publisher's steps, each at the time of the step with the lease renewed (leased), through
  // answered: one method per step rather than a lambda per call, which allocated on every step of
  // the dispatch path (issue 8).

  private PublisherResult<String> createContainer(Run run, Post post) {
    try {
      return answered(publisher.createContainer(post, leased(run)));
    } catch (RuntimeException e) {
      return noAnswer(e);
    }
  }

  private PublisherResult<ContainerStatus> status(Run run, String account, String container) {
    try {
      return answered(publisher.status(account, container, leased(run)));
    } catch (RuntimeException e) {
      return noAnswer(e);
    }
  }

  private PublisherResult<String> publish(Run run, String account, String container) {
    try {
      return answered(publisher.publish(account, container, leased(run)));
    } catch (RuntimeException e) {
      return noAnswer(e);
    }
  }

  private PublisherResult<Reconciliation> reconcile(Run run, String account, String container) {
    try {
      return answered(publisher.reconcile(account, container, leased(run)));
    } catch (RuntimeException e) {
      return noAnswer(e);
    }
  }

  private static <T> PublisherResult<T> answered(PublisherResult<T> result) {
    return Require.nonNull(result, "publisher result");
  }

  /**
   * A publisher that throws (a bug, a network library's surprise) is treated as no answer: the
   * outcome is unknown, so it is reconciled rather than retried blindly. Losing the lease while
   * renewing it is no publisher's answer: that goes on up.
   */
  private static <T> PublisherResult<T> noAnswer(RuntimeException e) {
    if (e instanceof StaleWriteException lost) {
      throw lost;
    }
    return PublisherResult.failure(OutcomeClass.TRANSIENT, "exception", String.valueOf(e));
  }
}
