package app.omniy.core.security;

import app.omniy.core.Require;
import java.time.Instant;
import java.util.Locale;

/**
 * One finding of the login-anomaly detector: an event for the alert engine (ALERT-I3).
 *
 * @param kind what was detected
 * @param account the account of the login that completed the finding
 * @param source the source address of that login
 * @param at when that login happened
 * @param detail what was seen, in words, e.g. {@code 5 failed logins for account 'yuki' within
 *     PT15M}; never a password or token (the detector is never given one)
 */
public record LoginAnomaly(Kind kind, String account, String source, Instant at, String detail) {

  /**
   * @throws app.omniy.core.InvalidValueException naming a missing field
   */
  public LoginAnomaly {
    Require.nonNull(kind, "kind");
    Require.nonBlank(account, "account");
    Require.nonBlank(source, "source");
    Require.nonNull(at, "at");
    Require.nonBlank(detail, "detail");
  }

  /** What the detector found. */
  public enum Kind {
    /** Too many failed logins for one account within the window. */
    ACCOUNT_FAILURE_BURST,
    /** Too many failed logins from one source address within the window, any accounts. */
    SOURCE_FAILURE_BURST,
    /** A successful login from a country the account has not logged in from lately. */
    NEW_COUNTRY,
    /** A successful login from a device the account has not logged in from lately. */
    NEW_DEVICE;

    /** The lower-case tag value, e.g. {@code account-failure-burst}. */
    public String tag() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
