package app.omniy.core.security;

import app.omniy.core.Require;
import java.time.Duration;

/**
 * Thresholds of the login-anomaly detector (ALERT-I3). The guide says only "anomalous login
 * detected"; these defaults are decisions, stated here and in {@code docs/security.md}:
 *
 * <ul>
 *   <li>{@link #DEFAULT_ACCOUNT_FAILURES} failed logins for one account within {@link
 *       #DEFAULT_WINDOW} — a guessed password, the usual lock-out threshold;
 *   <li>{@link #DEFAULT_SOURCE_FAILURES} failed logins from one source address within the same
 *       window, over any accounts — password spraying;
 *   <li>a country or device is "known" for an account for {@link #DEFAULT_REMEMBER} after its last
 *       successful login from it; at most {@link #DEFAULT_KNOWN_PER_ACCOUNT} of each are kept per
 *       account (the least recently seen is forgotten first);
 *   <li>at most {@link #DEFAULT_MAX_TRACKED} accounts and as many sources are tracked at once (the
 *       least recently seen is forgotten first), so memory stays bounded under a distributed
 *       attack.
 * </ul>
 *
 * @param accountFailures failed logins of one account within {@code window} that make a burst
 * @param sourceFailures failed logins from one source within {@code window} that make a burst
 * @param window the sliding window of a burst; a failure exactly {@code window} old still counts
 * @param remember how long a country or device stays known after its last successful login
 * @param knownPerAccount how many countries and how many devices are remembered per account
 * @param maxTracked how many accounts, and how many sources, are tracked at once
 */
public record LoginAnomalySettings(
    int accountFailures,
    int sourceFailures,
    Duration window,
    Duration remember,
    int knownPerAccount,
    int maxTracked) {

  /** Failed logins per account that make a burst: 5. */
  public static final int DEFAULT_ACCOUNT_FAILURES = 5;

  /** Failed logins per source address that make a burst: 20. */
  public static final int DEFAULT_SOURCE_FAILURES = 20;

  /** The window of a burst: 15 minutes. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

  /** How long a country or device stays known: 90 days. */
  public static final Duration DEFAULT_REMEMBER = Duration.ofDays(90);

  /** Countries, and devices, remembered per account: 16. */
  public static final int DEFAULT_KNOWN_PER_ACCOUNT = 16;

  /** Accounts, and sources, tracked at once: 100,000. */
  public static final int DEFAULT_MAX_TRACKED = 100_000;

  /** The defaults above. */
  public static final LoginAnomalySettings DEFAULTS = builder().build();

  /**
   * @throws app.omniy.core.InvalidValueException naming the first setting out of range
   */
  public LoginAnomalySettings {
    Require.inRange(accountFailures, 1, 1_000_000, "accountFailures");
    Require.inRange(sourceFailures, 1, 1_000_000, "sourceFailures");
    Require.positive(window, "window");
    Require.positive(remember, "remember");
    Require.inRange(knownPerAccount, 1, 10_000, "knownPerAccount");
    Require.inRange(maxTracked, 1, 100_000_000, "maxTracked");
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LoginAnomalySettings}; every setting starts at its default. */
  public static final class Builder {
    private int accountFailures = DEFAULT_ACCOUNT_FAILURES;
    private int sourceFailures = DEFAULT_SOURCE_FAILURES;
    private Duration window = DEFAULT_WINDOW;
    private Duration remember = DEFAULT_REMEMBER;
    private int knownPerAccount = DEFAULT_KNOWN_PER_ACCOUNT;
    private int maxTracked = DEFAULT_MAX_TRACKED;

    private Builder() {}

    /** Failed logins of one account within the window that make a burst. */
    public Builder accountFailures(int failures) {
      this.accountFailures = failures;
      return this;
    }

    /** Failed logins from one source within the window that make a burst. */
    public Builder sourceFailures(int failures) {
      this.sourceFailures = failures;
      return this;
    }

    /** The sliding window of a burst. */
    public Builder window(Duration window) {
      this.window = window;
      return this;
    }

    /** How long a country or device stays known after its last successful login. */
    public Builder remember(Duration remember) {
      this.remember = remember;
      return this;
    }

    /** How many countries and how many devices are remembered per account. */
    public Builder knownPerAccount(int known) {
      this.knownPerAccount = known;
      return this;
    }

    /** How many accounts, and how many sources, are tracked at once. */
    public Builder maxTracked(int max) {
      this.maxTracked = max;
      return this;
    }

    /**
     * @throws app.omniy.core.InvalidValueException naming the first setting out of range
     */
    public LoginAnomalySettings build() {
      return new LoginAnomalySettings(
          accountFailures, sourceFailures, window, remember, knownPerAccount, maxTracked);
    }
  }
}
