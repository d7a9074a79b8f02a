package app.omniy.core.dispatch;

import app.omniy.core.Require;
import app.omniy.core.post.Lease;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.StaleWriteException;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * One attempt of a claimed post ({@link Dispatcher#process}), as steps read top to bottom, each
 * handing the post as last stored to the next or ending the attempt: {@code start}
 * (re-authorisation, missed window, quota, PUBLISHING) → {@code reconcile} a container an earlier
 * attempt left → {@code create} a container → {@code poll} its status → {@code publish} → {@code
 * decide}, where the retry policy says what follows a failure (POST-5), and {@code finish}, which
 * records the move and releases the lease in one store call.
 *
 * <p>Every step reads the clock itself, so the lease is renewed and the times recorded are those of
 * the step. Nothing is kept between steps but what one passes to the next and the attempt's {@link
 * Run} (its clock and the post as last stored), so one instance serves every thread of its
 * dispatcher.
 *
 * <p>Whatever an attempt throws that a worker survives ({@link Survivable}: a publisher's or
 * store's {@code AssertionError}, {@code LinkageError}, {@code OutOfMemoryError}…) ends it on the
 * retry path with {@link Reasons#INTERNAL_ERROR}, written with the lease token of the post as last
 * stored, and is handed to the caller in {@link Dispatched#error}; the post is never left to a dead
 * worker.
 */
final class Attempt {
  private final PostStore store;
  private final Publisher publisher;
  private final DispatchSettings settings;
  private final GuardedListener listener;
  private final RandomGenerator random;
  private final Object randomLock = new Object();
  private final QuotaLedger quota;
  private final Set<String> reauthAccounts;
  private final long renewBelowNanos;

  /** The quota an attempt reserved (POST-3): given back if it does not publish. */
  private record Reserved(Instant at, int containers) {}

  /** A publisher's answer, with the post as last stored: its lease renewed before the call. */
  private record Call<T>(PostRecord r, PublisherResult<T> result) {}

  /**
   * The lease was lost (POST-8): another worker took the post and recovers whatever happened here.
   * Carries what {@link Dispatcher#process} reports: the post as last stored, the last outcome.
   */
  private static final class Fenced extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Dispatched report;

    Fenced(PostRecord last, @Nullable OutcomeClass outcome) {
      super(null, null, false, false); // control flow only: no stack trace
      this.report = new Dispatched(last, outcome, true);
    }
  }

  Attempt(
      PostStore store,
      Publisher publisher,
      DispatchSettings settings,
      GuardedListener listener,
      RandomGenerator random,
      Set<String> reauthAccounts) {
    this.store = store;
    this.publisher = publisher;
    this.settings = settings;
    this.listener = listener;
    this.random = random;
    this.reauthAccounts = reauthAccounts;
    this.renewBelowNanos = renewBelowNanos(settings, publisher);
    this.quota =
        new QuotaLedger(store, publisher, settings.quotaPolicy(), settings.quotaHistoryFromStore());
  }

  /**
   * One attempt's clock and the post as last stored, which every store write of the attempt
   * updates: an attempt that ends on an unexpected throwable writes its end with that record's
   * lease token.
   */
  private static final class Run {
    final Clock clock;
    PostRecord last;

    /** Whether the attempt's outcome is recorded: a throwable after that changes nothing stored. */
    boolean finished;

    Run(Clock clock, PostRecord claimed) {
      this.clock = clock;
      this.last = claimed;
    }

    Instant now() {
      return clock.instant();
    }

    /** Notes {@code stored} as the post as last stored, and returns it. */
    PostRecord stored(PostRecord stored) {
      last = stored;
      return stored;
    }
  }

  /** Runs one attempt of a post this dispatcher's owner claimed. */
  Dispatched run(PostRecord claimed, Clock clock) {
    Run run = new Run(clock, claimed);
    try {
      return start(claimed, run);
    } catch (Fenced lost) {
      return lost.report;
    } catch (Throwable thrown) {
      Survivable.rethrowIfFatal(thrown);
      return broke(run, thrown);
    }
  }

  /**
   * The attempt threw something unexpected (a publisher's or store's bug): it ends on the retry
   * path as a transient failure with {@link Reasons#INTERNAL_ERROR} (POST-5), counted as a failed
   * attempt (ALERT-C4). A post in PUBLISHING goes to RETRY_WAIT, whose next attempt reconciles any
   * container first (POST-7), or FAILED once its attempts ran out; a post that had not reached
   * PUBLISHING is deferred in its state. If even that write fails, the post is left to its lease
   * (POST-8). A throwable after the outcome was recorded changes nothing stored.
   */
  private Dispatched broke(Run run, Throwable error) {
    PostRecord r = run.last;
    if (run.finished) {
      return new Dispatched(r, null, false, error);
    }
    PostRecord moved;
    try {
      Instant now = run.now();
      String detail = Survivable.describe(error);
      RetryDecision next = retryPolicy(r, OutcomeClass.TRANSIENT, detail, null, now);
      PostState to =
          next.state() == PostState.FAILED || r.state() == PostState.PUBLISHING
              ? next.state()
              : r.state();
      moved =
          store.finishAttempt(
              r.token(), to, internalErrorReason(r, next, detail), next.nextAttemptAt(), now);
    } catch (Throwable again) {
      Survivable.rethrowIfFatal(again);
      if (again != error) {
        error.addSuppressed(again);
      }
      // The lease was lost meanwhile, or the store fails too: the lease expires and recovery (or
      // the next claim) takes the post (POST-8).
      tell(() -> listener.attemptEnded(r, OutcomeClass.TRANSIENT), error);
      return new Dispatched(r, null, again instanceof StaleWriteException, error);
    }
    run.finished = true;
    tell(() -> listener.attemptEnded(moved, OutcomeClass.TRANSIENT), error);
    tell(() -> listener.announce(moved, ""), error);
    return new Dispatched(moved, null, false, error);
  }

  /**
   * Tells the listener of an attempt that threw; whatever the listener throws in turn is kept with
   * the attempt's {@code error}, never thrown (the listener may be what threw).
   */
  private static void tell(Runnable callback, Throwable error) {
    try {
      callback.run();
    } catch (Throwable again) {
      Survivable.rethrowIfFatal(again);
      if (again != error) {
        error.addSuppressed(again);
      }
    }
  }

  /**
   * The reason an attempt that threw records: {@link Reasons#INTERNAL_ERROR} with what was thrown,
   * whether it is retried or its attempts ran out; a missed window (POST-6) keeps its own reason.
   */
  private String internalErrorReason(PostRecord r, RetryDecision next, String detail) {
    if (next.state() != PostState.FAILED) {
      return Reasons.of(Reasons.INTERNAL_ERROR, detail);
    }
    if (next.reason().startsWith(Reasons.MISSED_WINDOW)) {
      return next.reason();
    }
    return Reasons.of(
        Reasons.INTERNAL_ERROR,
        detail + "; attempt " + r.attempt() + " of " + settings.retryPolicy().maxAttempts());
  }

  /**
   * Holds the post back, or moves it to PUBLISHING and measures its lateness: an account needing
   * re-authorisation waits without an API call (POST-11); a post without a container fails once its
   * window passed (POST-6) and is deferred, saying why, when quota is short (POST-3). A post with a
   * container is judged after reconciling it, which may find it published.
   */
  private Dispatched start(PostRecord claimed, Run run) {
    Instant now = run.now();
    String account = claimed.accountId();
    if (reauthAccounts.contains(account)) {
      String why =
          Reasons.of(Reasons.NEEDS_REAUTH, "account " + account + " waits for re-authorisation");
      return finish(claimed, run, null, PostState.NEEDS_REAUTH, why, now, "");
    }
    Reserved reserved = null;
    if (claimed.containerId() == null) {
      if (missed(claimed, now)) {
        return finish(
            claimed, run, null, PostState.FAILED, missedWindowReason(claimed, now), now, "");
      }
      int containers = claimed.post().media().containersNeeded();
      QuotaDecision decision = reserve(claimed, containers, now);
      if (!decision.mayGoNow()) {
        return defer(claimed, run, decision, now);
      }
      reserved = new Reserved(now, containers);
    }
    PostRecord started;
    try {
      started =
          run.stored(
              store.recordTransition(
                  claimed.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, now, now));
    } catch (StaleWriteException e) {
      throw new Fenced(claimed, null);
    }
    Instant publishAt = claimed.post().publishAt();
    Duration lateness =
        started.attempt() == 1 && now.isAfter(publishAt)
            ? Duration.between(publishAt, now)
            : Duration.ZERO;
    listener.attemptStarted(started, lateness);
    String container = started.containerId();
    return container == null
        ? create(started, run, reserved)
        : reconcile(started, run, container, reserved);
  }

  /**
   * An earlier attempt's outcome is unknown: find out before anything else (POST-7). The container
   * is used again if it was not published, unless that attempt gave up polling it; then the post
   * goes on only inside its window (POST-6) and within quota (POST-3), reserved here. {@code
   * reserved} is what {@code start} reserved: nothing, as the post came with its container.
   */
  private Dispatched reconcile(
      PostRecord started, Run run, String container, @Nullable Reserved reserved) {
    Call<Reconciliation> fate = reconcileCall(started, run, container);
    PostRecord r = fate.r();
    Reconciliation answer = fate.result().value();
    if (!fate.result().isSuccess() || answer == null) {
      return decide(r, run, fate.result(), "reconcile " + container);
    }
    if (answer == Reconciliation.PUBLISHED) {
      return publishedAfterAll(r, run, container, reserved);
    }
    String reused =
        answer == Reconciliation.NOT_PUBLISHED && !StatusPolls.gaveUp(r) ? container : null;
    Instant now = run.now();
    if (missed(r, now)) {
      return finish(
          r, run, fate.result().outcome(), PostState.FAILED, missedWindowReason(r, now), now, "");
    }
    int containers = reused == null ? r.post().media().containersNeeded() : 0;
    QuotaDecision decision = reserve(r, containers, now);
    if (!decision.mayGoNow()) {
      return defer(r, run, decision, now);
    }
    Reserved taken = new Reserved(now, containers);
    return reused == null ? create(r, run, taken) : poll(r, run, reused, taken);
  }

  /**
   * Creates a container and stores its id before publishing, so a crash or lost answer is
   * reconciled, never published again (POST-7).
   */
  private Dispatched create(PostRecord started, Run run, @Nullable Reserved reserved) {
    Call<String> created = createCall(started, run);
    PostRecord r = created.r();
    String container = created.result().value();
    if (!created.result().isSuccess() || container == null) {
      giveBack(r, reserved, true);
      return decide(r, run, created.result(), "create");
    }
    PostRecord stored;
    try {
      stored = run.stored(store.recordContainer(r.token(), container, run.now()));
    } catch (StaleWriteException e) {
      throw new Fenced(r, null);
    }
    return poll(stored, run, container, reserved);
  }

  /** Asks the container's status: it is published once FINISHED, and a new one made if it broke. */
  private Dispatched poll(
      PostRecord before, Run run, String container, @Nullable Reserved reserved) {
    Call<ContainerStatus> status = statusCall(before, run, container);
    PostRecord r = status.r();
    ContainerStatus state = status.result().value();
    if (!status.result().isSuccess() || state == null) {
      giveBack(r, reserved, false);
      return decide(r, run, status.result(), "status " + container);
    }
    return switch (state) {
      case FINISHED -> publish(r, run, container, reserved);
      case PUBLISHED -> publishedAfterAll(r, run, container, reserved);
      case IN_PROGRESS -> {
        giveBack(r, reserved, false);
        yield notReady(r, run, container);
      }
      case ERROR, EXPIRED -> {
        giveBack(r, reserved, false);
        String detail = "container " + container + " " + state;
        yield decide(r, run, OutcomeClass.NEW_CONTAINER, detail, null);
      }
    };
  }

  /**
   * The container is still processing: poll again when the publisher's cadence says (its {@code
   * StatusPolling}), or the retry backoff if it has none, without holding a worker during the wait;
   * or give up on the container once the publisher says so, and make a new one next time.
   */
  private Dispatched notReady(PostRecord r, Run run, String container) {
    StatusPolls.Seen seen = StatusPolls.seen(r, run.now());
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
      return decide(r, run, OutcomeClass.NEW_CONTAINER, detail, null);
    }
    String detail = "container " + container + " still processing (poll " + seen.polls() + ")";
    return decide(r, run, OutcomeClass.NOT_READY, detail, advice == null ? null : advice.delay());
  }

  /**
   * Publishes the container, then posts the first comment (POST-1). A publish without an answer may
   * have gone out: it is reconciled now and, if that cannot tell, by the next attempt, never
   * published blindly again (POST-7).
   */
  private Dispatched publish(
      PostRecord polled, Run run, String container, @Nullable Reserved reserved) {
    Call<String> sent = publishCall(polled, run, container);
    PostRecord r = sent.r();
    String mediaId = sent.result().value();
    if (sent.result().isSuccess() && mediaId != null) {
      listener.attemptEnded(r, OutcomeClass.SUCCESS);
      Dispatched done =
          finish(
              r,
              run,
              OutcomeClass.SUCCESS,
              PostState.PUBLISHED,
              Reasons.PUBLISHED,
              run.now(),
              mediaId);
      firstComment(done.record(), run, mediaId);
      return done;
    }
    if (sent.result().outcome() != OutcomeClass.TRANSIENT) {
      giveBack(r, reserved, false);
      return decide(r, run, sent.result(), "publish " + container);
    }
    Call<Reconciliation> fate = reconcileCall(r, run, container);
    if (fate.result().isSuccess() && fate.result().value() == Reconciliation.PUBLISHED) {
      return publishedAfterAll(fate.r(), run, container, reserved);
    }
    // Not published: the slot is given back. Still unknown: it stays taken, as the post may have
    // gone out (POST-3).
    if (fate.result().isSuccess()) {
      giveBack(fate.r(), reserved, false);
    }
    return decide(fate.r(), run, sent.result(), "publish " + container);
  }

  /**
   * The post went out although no publish answered for it (POST-7): recorded as published, its
   * media id unknown, so a first comment is skipped rather than posted on a guessed media.
   */
  private Dispatched publishedAfterAll(
      PostRecord r, Run run, String container, @Nullable Reserved reserved) {
    if (reserved == null) {
      // Found by reconciling an earlier attempt, which reserved nothing now: count it (POST-3).
      try {
        quota.published(r.accountId(), r.id(), run.now());
      } catch (StaleWriteException e) {
        throw new Fenced(r, null); // the ledger reads the store
      }
    }
    listener.attemptEnded(r, OutcomeClass.SUCCESS);
    String reason = Reasons.of(Reasons.RECONCILED_PUBLISHED, container);
    Dispatched done =
        finish(r, run, OutcomeClass.SUCCESS, PostState.PUBLISHED, reason, run.now(), "");
    if (done.record().post().firstCommentText().isPresent()) {
      listener.commentSkipped(
          done.record(),
          "the media id is unknown after a lost publish answer, and is never guessed");
    }
    return done;
  }

  /**
   * Posts the first comment on the media just published (POST-1). Its failure never touches the
   * post, which is published; the listener hears of it.
   */
  private void firstComment(PostRecord published, Run run, String mediaId) {
    String text = published.post().firstCommentText().orElse(null);
    if (text == null) {
      return; // most posts have no first comment
    }
    PublisherResult<String> comment;
    try {
      comment = answered(publisher.comment(published.accountId(), mediaId, text, run.now()));
    } catch (RuntimeException e) {
      comment = noAnswer(e, published, OutcomeClass.SUCCESS);
    }
    if (comment.isSuccess()) {
      listener.commented(published, mediaId);
    } else {
      listener.commentSkipped(published, "comment: " + comment.detail());
    }
  }

  /** The publisher's failure at {@code step} ends the attempt: see the other {@code decide}. */
  private Dispatched decide(PostRecord r, Run run, PublisherResult<?> failed, String step) {
    return decide(r, run, failed.outcome(), step + ": " + failed.detail(), failed.retryAfter());
  }

  /** The attempt ended with a failure: the retry policy decides what follows (POST-5, POST-6). */
  private Dispatched decide(
      PostRecord r, Run run, OutcomeClass outcome, String detail, @Nullable Duration wait) {
    listener.attemptEnded(r, outcome);
    RetryDecision next = retryPolicy(r, outcome, detail, wait, run.now());
    return finish(r, run, outcome, next.state(), next.reason(), next.nextAttemptAt(), "");
  }

  /** Quota is short (POST-3): the post waits for a slot, with the reason, as the policy says. */
  private Dispatched defer(PostRecord r, Run run, QuotaDecision refused, Instant now) {
    Duration wait = Duration.between(now, refused.earliest());
    RetryDecision next = retryPolicy(r, OutcomeClass.QUOTA, refused.reason(), wait, now);
    return finish(r, run, null, next.state(), next.reason(), next.nextAttemptAt(), "");
  }

  private RetryDecision retryPolicy(
      PostRecord r, OutcomeClass outcome, String detail, @Nullable Duration wait, Instant now) {
    synchronized (randomLock) {
      return settings.retryPolicy().decide(r, outcome, detail, wait, now, random);
    }
  }

  /**
   * Records the attempt's last move and releases the lease in one store call, with the lease token
   * (POST-8 fencing), then tells the listener.
   */
  private Dispatched finish(
      PostRecord r,
      Run run,
      @Nullable OutcomeClass outcome,
      PostState to,
      String reason,
      Instant next,
      String mediaId) {
    Instant now = run.now();
    PostRecord moved;
    try {
      moved = run.stored(store.finishAttempt(r.token(), to, reason, next, now));
    } catch (StaleWriteException e) {
      throw new Fenced(r, outcome);
    }
    run.finished = true;
    if (to == PostState.NEEDS_REAUTH) {
      reauthAccounts.add(moved.accountId());
    }
    listener.announce(moved, mediaId);
    return new Dispatched(moved, outcome, false);
  }

  /** Reserves quota for the post (POST-3); the decision says whether it may go now. */
  private QuotaDecision reserve(PostRecord r, int containers, Instant now) {
    try {
      return quota.reserve(r.id(), r.accountId(), containers, now);
    } catch (StaleWriteException e) {
      throw new Fenced(r, null); // the ledger reads the store
    }
  }

  /** Gives back the quota an attempt reserved but did not use (POST-3). */
  private void giveBack(PostRecord r, @Nullable Reserved reserved, boolean containersToo) {
    if (reserved == null) {
      return;
    }
    quota.cancelPublish(r.accountId(), r.id());
    if (containersToo) {
      quota.cancelContainers(r.accountId(), reserved.at(), reserved.containers());
    }
  }

  private boolean missed(PostRecord r, Instant now) {
    return settings.retryPolicy().missedWindow(r.post(), now);
  }

  private String missedWindowReason(PostRecord r, Instant now) {
    return Reasons.of(
        Reasons.MISSED_WINDOW,
        "started at " + now + ", window ended at " + settings.retryPolicy().windowEnd(r.post()));
  }

  // The publisher's steps, each at the time of the step with the lease renewed (leased), through
  // answered: one method per step rather than a lambda per call, which allocated on every step of
  // the dispatch path (the allocation per post that docs/benchmarks.md measures).

  private Call<String> createCall(PostRecord r, Run run) {
    PostRecord leased = r;
    try {
      Instant now = run.now();
      leased = leased(r, run, now);
      return new Call<>(leased, answered(publisher.createContainer(r.post(), now)));
    } catch (RuntimeException e) {
      return new Call<>(leased, noAnswer(e, leased, null));
    }
  }

  private Call<ContainerStatus> statusCall(PostRecord r, Run run, String container) {
    PostRecord leased = r;
    try {
      Instant now = run.now();
      leased = leased(r, run, now);
      return new Call<>(leased, answered(publisher.status(r.accountId(), container, now)));
    } catch (RuntimeException e) {
      return new Call<>(leased, noAnswer(e, leased, null));
    }
  }

  private Call<String> publishCall(PostRecord r, Run run, String container) {
    PostRecord leased = r;
    try {
      Instant now = run.now();
      leased = leased(r, run, now);
      return new Call<>(leased, answered(publisher.publish(r.accountId(), container, now)));
    } catch (RuntimeException e) {
      return new Call<>(leased, noAnswer(e, leased, null));
    }
  }

  private Call<Reconciliation> reconcileCall(PostRecord r, Run run, String container) {
    PostRecord leased = r;
    try {
      Instant now = run.now();
      leased = leased(r, run, now);
      return new Call<>(leased, answered(publisher.reconcile(r.accountId(), container, now)));
    } catch (RuntimeException e) {
      return new Call<>(leased, noAnswer(e, leased, null));
    }
  }

  /**
   * How much of the lease must be left before a publisher call without renewing it first (POST-7,
   * POST-8), computed once as nanoseconds, not as a Duration on every publisher call; saturated.
   * With the publisher's {@link Publisher#maxPublishDuration() longest publish} {@code D} known:
   * the lease less {@code D}, so a renewal comes once a call's worth of the lease was used and a
   * publish starts with at least {@code lease − D ≥ D + maxClockSkew} left ({@link
   * DispatchSettings#requireLeaseFits}). Unknown: half the lease plus the skew margin (at most a
   * quarter of the lease), as if a publish could take half of it.
   */
  static long renewBelowNanos(DispatchSettings settings, Publisher publisher) {
    long lease = nanos(settings.leaseDuration());
    long skew = nanos(settings.maxClockSkew());
    Duration longest = DispatchSettings.maxPublishDurationOf(publisher).orElse(null);
    if (longest == null) {
      return lease / 2 + Math.min(skew, lease / 4);
    }
    long call = nanos(longest);
    long atLeast = call > Long.MAX_VALUE - skew ? Long.MAX_VALUE : call + skew;
    return Math.min(lease, Math.max(lease - call, atLeast));
  }

  /** {@code d} in nanoseconds, saturated at a quarter of {@link Long#MAX_VALUE}. */
  private static long nanos(Duration d) {
    return d.getSeconds() >= Long.MAX_VALUE / 4 / 1_000_000_000L ? Long.MAX_VALUE / 4 : d.toNanos();
  }

  /**
   * The post with its lease renewed if less than {@link #renewBelowNanos} of it is left at {@code
   * now} (POST-8).
   */
  private PostRecord leased(PostRecord r, Run run, Instant now) {
    Lease lease = r.lease();
    if (lease != null && nanosLeft(now, lease.expiresAt()) < renewBelowNanos) {
      return run.stored(store.renew(r.token(), now, settings.leaseDuration()));
    }
    return r;
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

  private static <T> PublisherResult<T> answered(PublisherResult<T> result) {
    return Require.nonNull(result, "publisher result");
  }

  /**
   * A publisher that throws (a bug, a network library's surprise) is treated as no answer: the
   * outcome is unknown, so it is reconciled rather than retried blindly. Losing the lease while
   * renewing it is no publisher's answer: the attempt ends there (POST-8).
   */
  private static <T> PublisherResult<T> noAnswer(
      RuntimeException e, PostRecord last, @Nullable OutcomeClass outcome) {
    if (e instanceof StaleWriteException) {
      throw new Fenced(last, outcome);
    }
    return PublisherResult.failure(OutcomeClass.TRANSIENT, "exception", String.valueOf(e));
  }
}
