package app.omniy.runtime.probe;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * UptimeRobot's API did not give the monitors' logs: an error payload ({@code "stat":"fail"}), a
 * refused request, a rate limit, a server error, or no answer. The message never holds the API key.
 */
public final class UptimeRobotException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean temporary;
  private final @Nullable Duration retryAfter;

  UptimeRobotException(String message, boolean temporary, @Nullable Duration retryAfter) {
    super(message, null, false, false);
    this.temporary = temporary;
    this.retryAfter = retryAfter;
  }

  /**
   * Whether trying again later may succeed: a rate limit (429), a server error (5xx), no answer or
   * a broken answer. A refused key or parameter is not.
   */
  public boolean temporary() {
    return temporary;
  }

  /** How long UptimeRobot asked to wait (its {@code Retry-After} header on a 429), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
