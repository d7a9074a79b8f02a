package app.omniy.core.post.spi;

import app.omniy.core.Require;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A publisher's answer to "when should a container still processing ({@code IN_PROGRESS}) be asked
 * about again": after a wait, or never (give up on it; the next attempt makes a new container). See
 * {@link Publisher#statusPolling}.
 *
 * @param delay the wait before the next status poll; {@code null} to give up on the container
 */
public record StatusPollAdvice(@Nullable Duration delay) {
  /**
   * @throws app.omniy.core.InvalidValueException if the wait is negative
   */
  public StatusPollAdvice {
    if (delay != null) {
      Require.nonNegative(delay, "delay");
    }
  }

  /** Poll again after {@code delay}. */
  public static StatusPollAdvice after(Duration delay) {
    return new StatusPollAdvice(Require.nonNull(delay, "delay"));
  }

  /** Give up on the container: it stayed in progress too long. */
  public static StatusPollAdvice giveUp() {
    return new StatusPollAdvice(null);
  }

  /** The wait, unless giving up. */
  public Optional<Duration> next() {
    return Optional.ofNullable(delay);
  }
}
