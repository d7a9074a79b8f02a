package app.omniy.core.retry;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The durable retry level (POST-5) and the missed window (POST-6): given an attempt's classified
 * outcome and {@code now}, the post's next state and next attempt time. The in-call level (a few
 * quick HTTP retries) belongs to the adapter.
 *
 * <p>Backoff is exponential with full jitter: before attempt {@code n + 1} it waits a uniformly
 * random time in {@code [0, min(maxDelay, baseDelay × 2^(n−1))]}, at millisecond resolution, drawn
 * from the {@link RandomGenerator} passed in, so a seeded generator makes it deterministic. Full
 * jitter spreads the retries of many posts that failed together (one outage) instead of sending
 * them back in a burst.
 *
 * <p>Transient and new-container outcomes count towards {@link #maxAttempts}; rate limits and quota
 * wait as the API says (or a backoff, or {@link #quotaRecheck}) and use up no attempt, alone or
 * between failures. Neither does a container that is still processing (not-ready): it is polled
 * again on the growing backoff, since a reel can take minutes and that is no failure; the window
 * bounds it. Whatever the outcome, no attempt is scheduled after the missed window, {@code
 * publishAt + grace}: the post is FAILED with {@link Reasons#MISSED_WINDOW} instead of being
 * published hours late.
 *
 * <p>Media Instagram could not fetch from the user's URL ({@link OutcomeClass#MEDIA_UNFETCHABLE},
 * 9004 / 2207052) is the user's doing (POST-9). Meta documents it as permanent, yet a URL can be
 * briefly unreachable (a CDN hiccup, a file not yet propagated), so it is retried like a transient
 * failure at most {@link #mediaFetchRetries} times (default 1); when the retries are used up, the
 * attempts run out, or the retry would land after the missed window, the post fails with {@link
 * Reasons#MEDIA_UNFETCHABLE}, which the success rate excludes: its last answer blamed the URL, not
 * the service.
 *
 * @param baseDelay the backoff's first ceiling
 * @param maxDelay the cap on the backoff's ceiling
 * @param maxAttempts attempts before {@link Reasons#RETRIES_EXHAUSTED}
 * @param missedWindowGrace the grace after the publish time (default 60 min)
 * @param graceByAccount per-account overrides of the grace
 * @param quotaRecheck how long to wait after a quota error that states no wait
 * @param mediaFetchRetries retries after Instagram could not fetch the media from its URL before
 *     the post fails as {@link Reasons#MEDIA_UNFETCHABLE} (default 1; 0 fails at once)
 */
public record RetryPolicy(
    Duration baseDelay,
    Duration maxDelay,
    int maxAttempts,
    Duration missedWindowGrace,
    Map<String, Duration> graceByAccount,
    Duration quotaRecheck,
    int mediaFetchRetries) {

  /** How earlier attempts that used up no attempt ended: they waited as told (see the class). */
  private static final Set<String> WAITED =
      Set.of(
          OutcomeClass.RATE_LIMITED.name(), OutcomeClass.NOT_READY.name(), Reasons.QUOTA_DEFERRED);

  /** What a {@link Reasons#MEDIA_UNFETCHABLE} failure tells the owner, before the API's answer. */
  public static final String MEDIA_UNFETCHABLE_ADVICE =
      "Instagram could not fetch the media from its URL: make sure the URL is public, still there"
          + " and not blocking Meta's crawler, then retry the post.";

  /** The default number of retries after media Instagram could not fetch: one. */
  public static final int DEFAULT_MEDIA_FETCH_RETRIES = 1;

  /**
   * 30 s doubling to at most 15 min, 5 attempts, 60 min grace, quota rechecked every 15 min, one
   * retry after media that could not be fetched.
   */
  public static final RetryPolicy DEFAULTS =
      new RetryPolicy(
          Duration.ofSeconds(30),
          Duration.ofMinutes(15),
          5,
          Duration.ofMinutes(60),
          Map.of(),
          Duration.ofMinutes(15),
          DEFAULT_MEDIA_FETCH_RETRIES);

  /**
   * @throws InvalidValueException naming the field if one is missing, a delay is not positive, the
   *     cap is below the base, or there is not at least one attempt
   */
  public RetryPolicy {
    Require.positive(baseDelay, "baseDelay");
    Require.positive(maxDelay, "maxDelay");
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new InvalidValueException("maxDelay", maxDelay, "must not be below baseDelay");
    }
    Require.atLeast(maxAttempts, 1, "maxAttempts");
    Require.nonNegative(missedWindowGrace, "missedWindowGrace");
    Require.nonNull(graceByAccount, "graceByAccount");
    graceByAccount.forEach(
        (account, grace) -> Require.nonNegative(grace, "graceByAccount." + account));
    graceByAccount = Map.copyOf(graceByAccount);
    Require.positive(quotaRecheck, "quotaRecheck");
    Require.atLeast(mediaFetchRetries, 0, "mediaFetchRetries");
  }

  /**
   * A policy with {@link #DEFAULT_MEDIA_FETCH_RETRIES} retries after media that could not be
   * fetched.
   *
   * @throws InvalidValueException as the canonical constructor
   */
  public RetryPolicy(
      Duration baseDelay,
      Duration maxDelay,
      int maxAttempts,
      Duration missedWindowGrace,
      Map<String, Duration> graceByAccount,
      Duration quotaRecheck) {
    this(
        baseDelay,
        maxDelay,
        maxAttempts,
        missedWindowGrace,
        graceByAccount,
        quotaRecheck,
        DEFAULT_MEDIA_FETCH_RETRIES);
  }

  /**
   * This policy with {@code retries} retries after media Instagram could not fetch (POST-9).
   *
   * @throws InvalidValueException if {@code retries} is negative
   */
  public RetryPolicy withMediaFetchRetries(int retries) {
    return new RetryPolicy(
        baseDelay, maxDelay, maxAttempts, missedWindowGrace, graceByAccount, quotaRecheck, retries);
  }

  /** This policy with {@code grace} for {@code accountId} (POST-6: configurable per account). */
  public RetryPolicy withGrace(String accountId, Duration grace) {
    Require.nonBlank(accountId, "accountId");
    Require.nonNegative(grace, "grace");
    var overrides = new java.util.HashMap<>(graceByAccount);
    overrides.put(accountId, grace);
    return new RetryPolicy(
        baseDelay,
        maxDelay,
        maxAttempts,
        missedWindowGrace,
        overrides,
        quotaRecheck,
        mediaFetchRetries);
  }

  /** The grace that applies to {@code accountId}. */
  public Duration graceFor(String accountId) {
    return graceByAccount.getOrDefault(accountId, missedWindowGrace);
  }

  /** The last instant {@code post} may still be published: its publish time plus the grace. */
  public Instant windowEnd(Post post) {
    return post.publishAt().plus(graceFor(post.accountId()));
  }

  /** Whether {@code post} can no longer be published at {@code now} (POST-6). */
  public boolean missedWindow(Post post, Instant now) {
    return now.isAfter(windowEnd(post));
  }

  /** The backoff ceiling before the attempt after attempt {@code attempt}: capped doubling. */
  public Duration ceiling(int attempt) {
    Require.atLeast(attempt, 1, "attempt");
    int doublings = Math.min(attempt - 1, 62);
    long maxMillis = maxDelay.toMillis();
    long base = baseDelay.toMillis();
    // base × 2^doublings, saturating at the cap without overflowing
    long ceiling = doublings >= Long.numberOfLeadingZeros(base) - 1 ? maxMillis : base << doublings;
    return Duration.ofMillis(Math.min(ceiling, maxMillis));
  }

  /** A full-jitter backoff after attempt {@code attempt}: uniform in {@code [0, ceiling]}. */
  public Duration backoff(int attempt, RandomGenerator random) {
    Require.nonNull(random, "random");
    return Duration.ofMillis(random.nextLong(ceiling(attempt).toMillis() + 1));
  }

  /**
   * The attempts that count towards {@link #maxAttempts}: the current one and every earlier one,
   * except those that ended rate limited, not ready or deferred for quota. Without this, rate
   * limits ran the count up as surely as failures: three 429s and two 5xx answers failed a post
   * whose failures were two.
   */
  static int countedAttempts(PostRecord record) {
    int attempt = Math.max(record.attempt(), 1);
    long waited =
        record.history().stream()
            .filter(t -> t.from() == PostState.PUBLISHING && t.attempt() < attempt)
            .filter(t -> WAITED.contains(t.reasonCode()))
            .count();
    return (int) Math.max(1, attempt - waited);
  }

  /** How many of {@code record}'s earlier attempts ended because the media could not be fetched. */
  static int mediaFetchFailures(PostRecord record) {
    int attempt = Math.max(record.attempt(), 1);
    return (int)
        record.history().stream()
            .filter(t -> t.from() == PostState.PUBLISHING && t.attempt() < attempt)
            .filter(t -> t.reasonCode().equals(OutcomeClass.MEDIA_UNFETCHABLE.name()))
            .count();
  }

  /** The decision after {@code record}'s current attempt ended with {@code result}. */
  public RetryDecision decide(
      PostRecord record, PublisherResult<?> result, Instant now, RandomGenerator random) {
    Require.nonNull(result, "result");
    return decide(record, result.outcome(), result.detail(), result.retryAfter(), now, random);
  }

  /**
   * The decision after {@code record}'s current attempt ({@link PostRecord#attempt()}) ended with
   * {@code outcome}.
   *
   * @param detail what happened, appended to the reason
   * @param statedWait the wait the API stated for a rate limit or quota, or {@code null}
   */
  public RetryDecision decide(
      PostRecord record,
      OutcomeClass outcome,
      String detail,
      @Nullable Duration statedWait,
      Instant now,
      RandomGenerator random) {
    Require.nonNull(record, "record");
    Require.nonNull(outcome, "outcome");
    Require.nonNull(detail, "detail");
    Require.nonNull(now, "now");
    Require.nonNull(random, "random");
    int attempt = Math.max(record.attempt(), 1);
    switch (outcome) {
      case SUCCESS:
        return new RetryDecision(PostState.PUBLISHED, now, Reasons.PUBLISHED);
      case AUTH:
        return end(PostState.NEEDS_REAUTH, Reasons.NEEDS_REAUTH, detail, now);
      case PERMANENT:
        return end(PostState.FAILED, Reasons.PERMANENT_ERROR, detail, now);
      case USER_CAUSED:
        return end(PostState.FAILED, Reasons.USER_CAUSED, detail, now);
      case MEDIA_UNFETCHABLE:
        if (mediaFetchFailures(record) >= mediaFetchRetries
            || countedAttempts(record) >= maxAttempts) {
          return end(PostState.FAILED, Reasons.MEDIA_UNFETCHABLE, unfetchable(detail), now);
        }
        Instant again = now.plus(backoff(attempt, random));
        if (again.isAfter(windowEnd(record.post()))) {
          // The last answer blamed the user's URL: the post fails as theirs, not as a missed
          // window.
          return end(PostState.FAILED, Reasons.MEDIA_UNFETCHABLE, unfetchable(detail), now);
        }
        return retry(record, PostState.RETRY_WAIT, again, outcome, detail, now);
      case TRANSIENT:
      case NEW_CONTAINER:
        if (countedAttempts(record) >= maxAttempts) {
          return end(PostState.FAILED, Reasons.RETRIES_EXHAUSTED, outcome + " " + detail, now);
        }
        return retry(
            record, PostState.RETRY_WAIT, now.plus(backoff(attempt, random)), outcome, detail, now);
      case RATE_LIMITED:
      case NOT_READY:
        Duration wait = statedWait != null ? statedWait : backoff(attempt, random);
        return retry(record, PostState.RETRY_WAIT, now.plus(wait), outcome, detail, now);
      case QUOTA:
        Duration quotaWait = statedWait != null ? statedWait : quotaRecheck;
        return retry(record, PostState.SCHEDULED, now.plus(quotaWait), outcome, detail, now);
    }
    throw new IllegalStateException("unhandled outcome " + outcome);
  }

  private RetryDecision retry(
      PostRecord record,
      PostState state,
      Instant next,
      OutcomeClass outcome,
      String detail,
      Instant now) {
    if (next.isAfter(windowEnd(record.post()))) {
      return end(
          PostState.FAILED,
          Reasons.MISSED_WINDOW,
          outcome
              + " "
              + detail
              + "; next attempt "
              + next
              + " is after "
              + windowEnd(record.post()),
          now);
    }
    String code = outcome == OutcomeClass.QUOTA ? Reasons.QUOTA_DEFERRED : outcome.name();
    return new RetryDecision(state, next, Reasons.of(code, detail));
  }

  /** The reason's detail for media that could not be fetched, saying what the owner can do. */
  private static String unfetchable(String detail) {
    return MEDIA_UNFETCHABLE_ADVICE + (detail.isBlank() ? "" : " Last answer: " + detail.strip());
  }

  private static RetryDecision end(PostState state, String code, String detail, Instant now) {
    return new RetryDecision(state, now, Reasons.of(code, detail.strip()));
  }
}
