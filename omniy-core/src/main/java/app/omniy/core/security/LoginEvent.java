package app.omniy.core.security;

import app.omniy.core.Require;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One login attempt as the host saw it (ALERT-I3). Country and device are optional: a login without
 * them is still counted for bursts but never judged "new".
 *
 * @param account the account that tried to log in, as the host names it
 * @param source the source address, e.g. {@code 203.0.113.7}
 * @param country the ISO 3166 country of the source, upper-cased; {@code null} when unknown
 * @param device a stable device label (fingerprint, user-agent family…); {@code null} when unknown
 * @param success whether the login succeeded
 * @param at when it happened
 */
public record LoginEvent(
    String account,
    String source,
    @Nullable String country,
    @Nullable String device,
    boolean success,
    Instant at) {

  /**
   * @throws app.omniy.core.InvalidValueException naming a missing or blank field
   */
  public LoginEvent {
    Require.nonBlank(account, "account");
    Require.nonBlank(source, "source");
    Require.nonNull(at, "at");
    country = blankToNull(country) == null ? null : country.strip().toUpperCase(Locale.ROOT);
    device = blankToNull(device) == null ? null : device.strip();
  }

  /** A successful login. */
  public static LoginEvent success(
      String account,
      String source,
      @Nullable String country,
      @Nullable String device,
      Instant at) {
    return new LoginEvent(account, source, country, device, true, at);
  }

  /** A failed login. */
  public static LoginEvent failure(
      String account,
      String source,
      @Nullable String country,
      @Nullable String device,
      Instant at) {
    return new LoginEvent(account, source, country, device, false, at);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
