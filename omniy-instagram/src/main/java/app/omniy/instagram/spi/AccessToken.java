package app.omniy.instagram.spi;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;

/**
 * An account's Graph API access token. {@link #toString()} never shows the token, so a token cannot
 * leak into logs or exception messages through this value.
 *
 * @param value the token itself
 * @param expiresAt when it stops working (long-lived tokens: 60 days after issue or refresh)
 */
public record AccessToken(String value, Instant expiresAt) {

  /**
   * @throws InvalidValueException if the token is blank or not visible ASCII, or the expiry is
   *     missing; the message never contains the token
   */
  public AccessToken {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException("accessToken", null, "must not be blank");
    }
    if (!value.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
      // It travels in the Authorization header, which takes visible ASCII only.
      throw new InvalidValueException(
          "accessToken", null, "must be visible ASCII characters without spaces");
    }
    Require.nonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "AccessToken[****, expiresAt=" + expiresAt + "]";
  }
}
