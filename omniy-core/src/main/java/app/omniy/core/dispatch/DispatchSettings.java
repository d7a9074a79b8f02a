package app.omniy.core.dispatch;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.quota.QuotaPolicy;
import app.omniy.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link Dispatcher} works.
 *
 * <p><b>The lease and the publish call (POST-7, POST-8).</b> A publish that is still running when
 * its worker's lease expires can be published a second time by the worker that takes the post over
 * (it reconciles the container, finds it not yet published, and publishes it). So the lease must
 * outlast the longest publish the publisher can make ({@link Publisher#maxPublishDuration()}) by at
 * least the clock skew between workers ({@link #maxClockSkew}): {@link #requireLeaseFits} refuses a
 * lease shorter than {@code 2 × maxPublishDuration + maxClockSkew}, and the dispatcher renews the
 * lease before each publisher call once a call's worth of it was used, so that at least {@code
 * leaseDuration − maxPublishDuration} (never less than {@code maxPublishDuration + maxClockSkew})
 * is left when a publish starts.
 *
 * @param owner this worker's id on the leases it takes (POST-8); unique per process
 * @param leaseDuration how long a claim holds; renewed while an attempt runs (default 2 min)
 * @param retryPolicy the durable retries and the missed window (POST-5, POST-6)
 * @param quotaPolicy the publishing and container limits (POST-3)
 * @param reauthWarningLead how far ahead of its publish time a post of an account that needs
 *     re-authorisation raises a warning (POST-11, default 1 h)
 * @param quotaHistoryFromStore whether an account's quota usage starts from its PUBLISHED posts in
 *     the store (default); switch it off only for a store this process filled from empty, such as a
 *     fresh {@code InMemoryPostStore}, where the lookup (a scan there) buys nothing
 * @param maxClockSkew how far apart the clocks of the workers sharing a store may be (default 5 s):
 *     the margin a lease keeps beyond the longest publish, and the margin a store that judges
 *     expiry by its own clock (Firestore) waits beyond a lease's end before another worker takes
 *     the post over
 */
public record DispatchSettings(
    String owner,
    Duration leaseDuration,
    RetryPolicy retryPolicy,
    QuotaPolicy quotaPolicy,
    Duration reauthWarningLead,
    boolean quotaHistoryFromStore,
    Duration maxClockSkew) {

  /** The default lease: room for two default Instagram publishes (30 s each) and the skew. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

  /** The default bound on the skew between the workers' clocks. */
  public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofSeconds(5);

  /**
   * @throws InvalidValueException naming the field if one is missing, a duration is not positive,
   *     or the clock skew is negative
   */
  public DispatchSettings {
    Require.nonBlank(owner, "owner");
    Require.positive(leaseDuration, "leaseDuration");
    Require.nonNull(retryPolicy, "retryPolicy");
    Require.nonNull(quotaPolicy, "quotaPolicy");
    Require.positive(reauthWarningLead, "reauthWarningLead");
    Require.nonNegative(maxClockSkew, "maxClockSkew");
  }

  /** These settings with the default {@link #maxClockSkew} of 5 s. */
  public DispatchSettings(
      String owner,
      Duration leaseDuration,
      RetryPolicy retryPolicy,
      QuotaPolicy quotaPolicy,
      Duration reauthWarningLead,
      boolean quotaHistoryFromStore) {
    this(
        owner,
        leaseDuration,
        retryPolicy,
        quotaPolicy,
        reauthWarningLead,
        quotaHistoryFromStore,
        DEFAULT_MAX_CLOCK_SKEW);
  }

  /**
   * A 2 min lease, the default retry and quota policies, a 1 h re-authorisation warning, quota
   * history read from the store, clocks at most 5 s apart.
   */
  public static DispatchSettings defaults(String owner) {
    return new DispatchSettings(
        owner,
        DEFAULT_LEASE,
        RetryPolicy.DEFAULTS,
        QuotaPolicy.DEFAULTS,
        Duration.ofHours(1),
        true,
        DEFAULT_MAX_CLOCK_SKEW);
  }

  /** These settings with another retry policy. */
  public DispatchSettings withRetryPolicy(RetryPolicy policy) {
    return new DispatchSettings(
        owner,
        leaseDuration,
        policy,
        quotaPolicy,
        reauthWarningLead,
        quotaHistoryFromStore,
        maxClockSkew);
  }

  /** These settings with another quota policy. */
  public DispatchSettings withQuotaPolicy(QuotaPolicy policy) {
    return new DispatchSettings(
        owner,
        leaseDuration,
        retryPolicy,
        policy,
        reauthWarningLead,
        quotaHistoryFromStore,
        maxClockSkew);
  }

  /** These settings with another lease duration. */
  public DispatchSettings withLeaseDuration(Duration duration) {
    return new DispatchSettings(
        owner,
        duration,
        retryPolicy,
        quotaPolicy,
        reauthWarningLead,
        quotaHistoryFromStore,
        maxClockSkew);
  }

  /** These settings with another worker id. */
  public DispatchSettings withOwner(String newOwner) {
    return new DispatchSettings(
        newOwner,
        leaseDuration,
        retryPolicy,
        quotaPolicy,
        reauthWarningLead,
        quotaHistoryFromStore,
        maxClockSkew);
  }

  /** These settings with quota history read from the store or not. */
  public DispatchSettings withQuotaHistoryFromStore(boolean fromStore) {
    return new DispatchSettings(
        owner, leaseDuration, retryPolicy, quotaPolicy, reauthWarningLead, fromStore, maxClockSkew);
  }

  /** These settings with another bound on the skew between the workers' clocks. */
  public DispatchSettings withMaxClockSkew(Duration skew) {
    return new DispatchSettings(
        owner,
        leaseDuration,
        retryPolicy,
        quotaPolicy,
        reauthWarningLead,
        quotaHistoryFromStore,
        skew);
  }

  /**
   * The lease needed for {@code publisher}: {@code 2 × maxPublishDuration + maxClockSkew}, or empty
   * when the publisher does not tell its {@link Publisher#maxPublishDuration()} (then nothing can
   * be checked; the lease is renewed conservatively, see {@link Dispatcher}).
   */
  public Optional<Duration> leaseNeededFor(Publisher publisher) {
    Require.nonNull(publisher, "publisher");
    return maxPublishDurationOf(publisher)
        .map(longest -> saturatedAdd(saturatedAdd(longest, longest), maxClockSkew));
  }

  /**
   * Checks that the lease outlasts the publisher's longest publish with the skew margin to spare
   * (see the class comment), so that a live worker's publish cannot be published a second time by a
   * worker that takes its post over (POST-7, POST-8).
   *
   * @return these settings
   * @throws InvalidValueException naming {@code leaseDuration} (with {@code maxClockSkew} and the
   *     publisher's {@code maxPublishDuration} in the reason) if the lease is too short
   */
  public DispatchSettings requireLeaseFits(Publisher publisher) {
    Optional<Duration> needed = leaseNeededFor(publisher);
    if (needed.isPresent() && leaseDuration.compareTo(needed.get()) < 0) {
      Duration longest = maxPublishDurationOf(publisher).orElseThrow();
      throw new InvalidValueException(
          "leaseDuration",
          leaseDuration,
          "must be at least 2 × the publisher's maxPublishDuration ("
              + longest
              + ") + maxClockSkew ("
              + maxClockSkew
              + ") = "
              + needed.get()
              + ", or a publish still running when the lease expires may be published twice"
              + " (POST-7): lengthen leaseDuration or shorten the publisher's timeout");
    }
    return this;
  }

  /** The publisher's answer, checked: a publisher's bug must not pass for "unknown". */
  static Optional<Duration> maxPublishDurationOf(Publisher publisher) {
    Optional<Duration> longest =
        Require.nonNull(publisher.maxPublishDuration(), "maxPublishDuration");
    longest.ifPresent(d -> Require.positive(d, "maxPublishDuration"));
    return longest;
  }

  private static Duration saturatedAdd(Duration a, Duration b) {
    try {
      return a.plus(b);
    } catch (ArithmeticException overflow) {
      return Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
    }
  }
}
