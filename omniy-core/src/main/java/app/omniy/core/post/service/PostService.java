package app.omniy.core.post.service;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.post.IllegalTransitionException;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostRejectedException;
import app.omniy.core.post.PostState;
import app.omniy.core.post.PostValidator;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.StaleWriteException;
import app.omniy.core.post.UnknownPostException;
import app.omniy.core.post.Violation;
import app.omniy.core.post.ViolationCode;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import app.omniy.core.quota.QuotaForecast;
import app.omniy.core.quota.ScheduleQuotaMode;
import app.omniy.core.quota.SchedulingQuota;
import app.omniy.core.retry.RetryRefusedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What a host application calls to manage scheduled posts: schedule (validated, POST-2), cancel,
 * reschedule and edit while not yet publishing, list, and retry a FAILED post safely (POST-7).
 * Every change is an optimistic write ({@link PostStore#replace}): it fails with {@link
 * StaleWriteException} if a worker holds the post or it changed meanwhile, so an edit never races a
 * publish. The clock is read here, at the edge, and passed down as {@code now}.
 *
 * <p>Scheduling checks the account's publishing limit (POST-3, {@link SchedulingQuota}): when the
 * rolling 24 h around the publish time is already full of the account's other posts, {@link
 * #scheduleWithWarnings} stores the post with a {@link ScheduleWarning.Code#QUOTA_FULL} warning
 * carrying the next free slot (the default, {@link ScheduleQuotaMode#WARN}), or both schedule
 * methods refuse it ({@link ScheduleQuotaMode#REFUSE}). The check reads the account's posts around
 * that time from the store ({@link PostStore#publishSlots}, {@link PostStore#plannedPublishes}:
 * index queries, no scan of the store) and its live limit from the publisher ({@link
 * Publisher#publishLimit}, at most once an hour per account).
 */
public final class PostService {
  private static final Set<PostState> CHANGEABLE =
      EnumSet.of(PostState.SCHEDULED, PostState.RETRY_WAIT, PostState.NEEDS_REAUTH);

  private final PostStore store;
  private final Publisher publisher;
  private final PostValidator validator;
  private final Clock clock;
  private final SchedulingQuota quota;

  /** How long an account's live publishing limit is used before it is read again. */
  static final Duration LIVE_LIMIT_READ_INTERVAL = Duration.ofHours(1);

  /** Each account's live publishing limit as last read, and when. */
  private final ConcurrentHashMap<String, LiveLimit> liveLimits = new ConcurrentHashMap<>();

  private record LiveLimit(int limit, Instant readAt) {}

  /**
   * A service that warns when a post is scheduled into a full day ({@link
   * SchedulingQuota#DEFAULTS}).
   *
   * @param store where posts live
   * @param publisher used to reconcile a failed attempt's container before a retry (POST-7), and to
   *     read an account's live publishing limit (POST-3)
   * @param validator the rules posts are checked against
   * @param clock the time source
   */
  public PostService(PostStore store, Publisher publisher, PostValidator validator, Clock clock) {
    this(store, publisher, validator, clock, SchedulingQuota.DEFAULTS);
  }

  /**
   * @param store where posts live
   * @param publisher used to reconcile a failed attempt's container before a retry (POST-7), and to
   *     read an account's live publishing limit (POST-3)
   * @param validator the rules posts are checked against
   * @param clock the time source
   * @param quota what scheduling does when the account's day is already full (POST-3)
   */
  public PostService(
      PostStore store,
      Publisher publisher,
      PostValidator validator,
      Clock clock,
      SchedulingQuota quota) {
    this.store = Require.nonNull(store, "store");
    this.publisher = Require.nonNull(publisher, "publisher");
    this.validator = Require.nonNull(validator, "validator");
    this.clock = Require.nonNull(clock, "clock");
    this.quota = Require.nonNull(quota, "quota");
  }

  /**
   * Validates and stores a new post, SCHEDULED for its publish time. A warning is not returned
   * here: call {@link #scheduleWithWarnings} to hear that the account's day is full.
   *
   * @throws PostRejectedException listing every rule the post breaks, and with {@link
   *     ScheduleQuotaMode#REFUSE} a {@link ViolationCode#QUOTA_FULL} violation when the account's
   *     publishing limit around the publish time is already taken
   */
  public PostRecord schedule(Post post) {
    return scheduleWithWarnings(post).record();
  }

  /**
   * Validates and stores a new post, SCHEDULED for its publish time, and tells what the host should
   * know: with {@link ScheduleQuotaMode#WARN} (the default), a {@link
   * ScheduleWarning.Code#QUOTA_FULL} warning with the next free slot when the account's other posts
   * already take its publishing limit in a rolling 24 h containing the publish time (POST-3).
   *
   * @throws PostRejectedException listing every rule the post breaks, and with {@link
   *     ScheduleQuotaMode#REFUSE} a {@link ViolationCode#QUOTA_FULL} violation instead of the
   *     warning (the post is not stored)
   */
  public Scheduled scheduleWithWarnings(Post post) {
    Instant now = clock.instant();
    validator.require(Require.nonNull(post, "post"), now);
    if (quota.mode() == ScheduleQuotaMode.OFF) {
      return new Scheduled(store.insert(post, now), List.of());
    }
    QuotaForecast forecast = forecast(post.accountId(), post.publishAt(), post.id(), now);
    if (forecast.fits()) {
      return new Scheduled(store.insert(post, now), List.of());
    }
    String message = forecast.describe();
    if (quota.mode() == ScheduleQuotaMode.REFUSE) {
      throw new PostRejectedException(
          List.of(
              new Violation(
                  "publishAt", post.publishAt().toString(), ViolationCode.QUOTA_FULL, message)));
    }
    return new Scheduled(
        store.insert(post, now),
        List.of(
            new ScheduleWarning(
                ScheduleWarning.Code.QUOTA_FULL, message, forecast.nextFreeSlot())));
  }

  /**
   * Whether one more post of {@code accountId} would fit at {@code at} under its publishing limit
   * (POST-3), and if not, the next free slot within the configured search span: what {@link
   * #scheduleWithWarnings} checks, for a host that wants to offer a time before scheduling.
   */
  public QuotaForecast quotaAt(String accountId, Instant at) {
    Require.nonBlank(accountId, "accountId");
    Require.nonNull(at, "at");
    return forecast(accountId, at, null, clock.instant());
  }

  /**
   * The forecast at {@code at}, reading the account's posts in windows of one day: first around
   * {@code at}, then, only while no free slot is found, a day further each time, up to the search
   * span.
   */
  private QuotaForecast forecast(
      String accountId, Instant at, @Nullable String excluded, Instant now) {
    int limit = publishLimit(accountId, now);
    Duration window = quota.window();
    Instant from = at.minus(window);
    Map<String, Instant> taken = new HashMap<>(store.publishSlots(accountId, from));
    Instant loadedTo = at.plus(window);
    taken.putAll(store.plannedPublishes(accountId, from, loadedTo));
    if (excluded != null) {
      taken.remove(excluded);
    }
    QuotaForecast forecast = quota.forecast(taken.values(), limit, at, at);
    Instant searchEnd = at.plus(quota.searchSpan());
    Instant decided = at;
    while (!forecast.fits() && forecast.nextFreeSlot() == null && decided.isBefore(searchEnd)) {
      Instant chunkEnd = decided.plus(window);
      decided = chunkEnd.isBefore(searchEnd) ? chunkEnd : searchEnd;
      Instant needed = decided.plus(window);
      taken.putAll(store.plannedPublishes(accountId, loadedTo, needed));
      loadedTo = needed;
      if (excluded != null) {
        taken.remove(excluded);
      }
      forecast = quota.forecast(taken.values(), limit, at, decided);
    }
    return forecast;
  }

  /**
   * The account's publishing limit: its live one (read from the publisher at most once per {@link
   * #LIVE_LIMIT_READ_INTERVAL}; a failed read keeps the last answer), else the policy's default.
   */
  private int publishLimit(String accountId, Instant now) {
    LiveLimit known = liveLimits.get(accountId);
    if (known != null && now.isBefore(known.readAt().plus(LIVE_LIMIT_READ_INTERVAL))) {
      return known.limit();
    }
    OptionalInt live;
    try {
      live = publisher.publishLimit(accountId, now);
    } catch (RuntimeException e) {
      live = OptionalInt.empty(); // a publisher's bug: the last answer, or the default
    }
    if (live != null && live.isPresent() && live.getAsInt() > 0) {
      liveLimits.put(accountId, new LiveLimit(live.getAsInt(), now));
      return live.getAsInt();
    }
    int fallback = known != null ? known.limit() : quota.policy().defaultPublishLimit();
    liveLimits.put(accountId, new LiveLimit(fallback, now));
    return fallback;
  }

  /** The post with {@code postId}, if any. */
  public Optional<PostRecord> find(String postId) {
    return store.find(Require.nonBlank(postId, "postId"));
  }

  /** The posts of {@code accountId} in any of {@code states}, by next attempt time. */
  public List<PostRecord> list(String accountId, Set<PostState> states) {
    Require.nonBlank(accountId, "accountId");
    Require.nonNull(states, "states");
    if (states.contains(null)) {
      throw new InvalidValueException("states", states, "must not contain null");
    }
    return store.findByAccount(accountId, Set.copyOf(states));
  }

  /**
   * Cancels a post that is not publishing.
   *
   * @throws IllegalTransitionException if it is publishing or already final
   */
  public PostRecord cancel(String postId) {
    Instant now = clock.instant();
    PostRecord r = get(postId);
    return store.replace(r, r.moved(PostState.CANCELLED, Reasons.CANCELLED, now, now), now);
  }

  /**
   * Moves a post to {@code publishAt}, which must respect the lead and horizon (POST-2). A post
   * waiting for a retry starts afresh as SCHEDULED.
   *
   * @throws PostRejectedException if the new time breaks a rule
   * @throws IllegalTransitionException if the post is publishing or final
   */
  public PostRecord reschedule(String postId, Instant publishAt) {
    Instant now = clock.instant();
    Require.nonNull(publishAt, "publishAt");
    List<Violation> violations = validator.checkPublishTime(publishAt, now);
    if (!violations.isEmpty()) {
      throw new PostRejectedException(violations);
    }
    PostRecord r = changeable(get(postId));
    PostState to = r.state() == PostState.RETRY_WAIT ? PostState.SCHEDULED : r.state();
    String reason = Reasons.of(Reasons.RESCHEDULED, r.post().publishAt() + " → " + publishAt);
    PostRecord changed =
        r.withPost(r.post().withPublishAt(publishAt))
            .withAttemptsReset()
            .moved(to, reason, publishAt, now);
    return store.replace(r, changed, now);
  }

  /**
   * Changes a post's content with {@code change}; the result is validated like a new post (the
   * publish-time rules only if the time changed) and must keep the id and account. A post whose
   * current attempt already created a container cannot be edited: the container holds the old
   * content and may be published (POST-7).
   *
   * @throws PostRejectedException if the edited post breaks a rule
   * @throws IllegalTransitionException if the post is publishing, final, or has a container
   */
  public PostRecord edit(String postId, UnaryOperator<Post> change) {
    Require.nonNull(change, "change");
    Instant now = clock.instant();
    PostRecord r = changeable(get(postId));
    if (r.containerId() != null) {
      throw new IllegalTransitionException(
          r.id(),
          r.state(),
          r.state(),
          "cannot edit: container " + r.containerId() + " was created with the old content");
    }
    if (r.isLeasedAt(now)) {
      throw new StaleWriteException(r.id(), "worker " + r.lease().owner() + " holds the post");
    }
    Post edited = Require.nonNull(change.apply(r.post()), "change result");
    boolean sameTime = edited.publishAt().equals(r.post().publishAt());
    // An unchanged publish time was accepted when scheduled; it may be due by now (RETRY_WAIT).
    List<Violation> violations =
        validator.check(edited, now).stream()
            .filter(v -> !(sameTime && v.field().equals("publishAt")))
            .toList();
    if (!violations.isEmpty()) {
      throw new PostRejectedException(violations);
    }
    Instant due = sameTime ? r.nextAttemptAt() : edited.publishAt();
    PostRecord changed = r.withPost(edited).moved(r.state(), Reasons.EDITED, due, now);
    return store.replace(r, changed, now);
  }

  /**
   * Retries a FAILED post as a fresh attempt, due now (POST-7). If the failed attempt created a
   * container, it first asks Instagram what became of it: if it was published after all, the post
   * is marked PUBLISHED and nothing is published again; if Instagram cannot say, the retry is
   * refused rather than risking a duplicate post.
   *
   * @return the post, SCHEDULED with a fresh attempt count and no container, or PUBLISHED
   * @throws IllegalTransitionException if the post is not FAILED
   * @throws RetryRefusedException if the old container's fate cannot be determined
   */
  public PostRecord retryFailed(String postId) {
    Instant now = clock.instant();
    PostRecord r = get(postId);
    if (r.state() != PostState.FAILED) {
      throw new IllegalTransitionException(
          r.id(), r.state(), PostState.SCHEDULED, "only a FAILED post can be retried");
    }
    String previous = "no container was created";
    String container = r.containerId();
    if (container != null) {
      PublisherResult<Reconciliation> fate = publisher.reconcile(r.accountId(), container, now);
      Reconciliation found = fate.value();
      if (!fate.isSuccess() || found == null) {
        throw new RetryRefusedException(r.id(), container, fate.detail());
      }
      if (found == Reconciliation.PUBLISHED) {
        PostRecord done =
            r.moved(
                PostState.PUBLISHED, Reasons.of(Reasons.RECONCILED_PUBLISHED, container), now, now);
        return store.replace(r, done, now);
      }
      previous = "container " + container + " " + found;
    }
    PostRecord fresh =
        r.withPost(r.post().withPublishAt(now))
            .withContainer(null)
            .withAttemptsReset()
            .moved(PostState.SCHEDULED, Reasons.of(Reasons.RETRY_REQUESTED, previous), now, now);
    return store.replace(r, fresh, now);
  }

  /** Puts a NEEDS_REAUTH post back on schedule once the owner reconnected the account. */
  public PostRecord reauthorised(String postId) {
    Instant now = clock.instant();
    PostRecord r = get(postId);
    Instant due = r.post().publishAt().isAfter(now) ? r.post().publishAt() : now;
    return store.replace(r, r.moved(PostState.SCHEDULED, Reasons.REAUTHORISED, due, now), now);
  }

  private PostRecord get(String postId) {
    Require.nonBlank(postId, "postId");
    return store.find(postId).orElseThrow(() -> new UnknownPostException(postId));
  }

  private static PostRecord changeable(PostRecord r) {
    if (!CHANGEABLE.contains(r.state())) {
      throw new IllegalTransitionException(
          r.id(),
          r.state(),
          r.state(),
          "only a post that is not publishing or final can be changed");
    }
    return r;
  }
}
