package app.omniy.core.dispatch;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.quota.QuotaPolicy;
import app.omniy.core.retry.RetryPolicy;
import java.time.Duration;

/**
 * How a {@link Dispatcher} works.
 *
 * @param owner this worker's id on the leases it takes (POST-8); unique per process
 * @param leaseDuration how long a claim holds; renewed while an attempt runs
 * @param retryPolicy the durable retries and the missed window (POST-5, POST-6)
 * @param quotaPolicy the publishing and container limits (POST-3)
 * @param reauthWarningLead how far ahead of its publish time a post of an account that needs
 *     re-authorisation raises a warning (POST-11, default 1 h)
 * @param quotaHistoryFromStore whether an account's quota usage starts from its PUBLISHED posts in
 *     the store (default); switch it off only for a store this process filled from empty, such as a
 *     fresh {@code InMemoryPostStore}, where the lookup (a scan there) buys nothing
 */
public record DispatchSettings(
    String owner,
    Duration leaseDuration,
    RetryPolicy retryPolicy,
    QuotaPolicy quotaPolicy,
    Duration reauthWarningLead,
    boolean quotaHistoryFromStore) {

  /**
   * @throws InvalidValueException naming the field if one is missing or a duration is not positive
   */
  public DispatchSettings {
    Require.nonBlank(owner, "owner");
    Require.positive(leaseDuration, "leaseDuration");
    Require.nonNull(retryPolicy, "retryPolicy");
    Require.nonNull(quotaPolicy, "quotaPolicy");
    Require.positive(reauthWarningLead, "reauthWarningLead");
  }

  /**
   * A 60 s lease, the default retry and quota policies, a 1 h re-authorisation warning, quota
   * history read from the store.
   */
  public static DispatchSettings defaults(String owner) {
    return new DispatchSettings(
        owner,
        Duration.ofSeconds(60),
        RetryPolicy.DEFAULTS,
        QuotaPolicy.DEFAULTS,
        Duration.ofHours(1),
        true);
  }

  /** These settings with another retry policy. */
  public DispatchSettings withRetryPolicy(RetryPolicy policy) {
    return new DispatchSettings(
        owner, leaseDuration, policy, quotaPolicy, reauthWarningLead, quotaHistoryFromStore);
  }

  /** These settings with another quota policy. */
  public DispatchSettings withQuotaPolicy(QuotaPolicy policy) {
    return new DispatchSettings(
        owner, leaseDuration, retryPolicy, policy, reauthWarningLead, quotaHistoryFromStore);
  }

  /** These settings with another lease duration. */
  public DispatchSettings withLeaseDuration(Duration duration) {
    return new DispatchSettings(
        owner, duration, retryPolicy, quotaPolicy, reauthWarningLead, quotaHistoryFromStore);
  }

  /** These settings with another worker id. */
  public DispatchSettings withOwner(String newOwner) {
    return new DispatchSettings(
        newOwner,
        leaseDuration,
        retryPolicy,
        quotaPolicy,
        reauthWarningLead,
        quotaHistoryFromStore);
  }

  /** These settings with quota history read from the store or not. */
  public DispatchSettings withQuotaHistoryFromStore(boolean fromStore) {
    return new DispatchSettings(
        owner, leaseDuration, retryPolicy, quotaPolicy, reauthWarningLead, fromStore);
  }
}
