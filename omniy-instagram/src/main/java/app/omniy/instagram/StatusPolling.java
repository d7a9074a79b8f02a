package app.omniy.instagram;

import app.omniy.core.InvalidValueException;
import java.time.Duration;
import java.util.Optional;

/**
 * How often to ask a processing container for its {@code status_code}: exponential backoff from
 * {@code first} up to {@code max}, giving up once the container has been {@code IN_PROGRESS} for
 * {@code giveUpAfter} (Meta suggests about once a minute for at most 5 minutes for video; the
 * defaults poll sooner at first, since images and short reels finish in seconds). A function of its
 * inputs, so the dispatcher can schedule polls on simulated time.
 *
 * @param first the wait before the second poll
 * @param max the longest wait between polls
 * @param giveUpAfter how long a container may stay in progress before a new one is needed
 */
public record StatusPolling(Duration first, Duration max, Duration giveUpAfter) {
  /** 5 s, doubling to 60 s, for at most 10 minutes. */
  public static final StatusPolling DEFAULT =
      new StatusPolling(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(10));

  /**
   * @throws InvalidValueException naming the field that is missing, not positive, or out of order
   */
  public StatusPolling {
    positive(first, "first");
    positive(max, "max");
    positive(giveUpAfter, "giveUpAfter");
    if (max.compareTo(first) < 0) {
      throw new InvalidValueException("max", max, "must be at least first (" + first + ")");
    }
  }

  /**
   * The wait before the next poll after {@code pollsSoFar} polls that found the container in
   * progress since {@code inProgressFor}; empty when it is time to give up on the container.
   */
  public Optional<Duration> nextPoll(int pollsSoFar, Duration inProgressFor) {
    if (pollsSoFar < 1) {
      throw new InvalidValueException("pollsSoFar", pollsSoFar, "must be at least 1");
    }
    if (inProgressFor.compareTo(giveUpAfter) >= 0) {
      return Optional.empty();
    }
    Duration wait = first;
    for (int i = 1; i < pollsSoFar && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    wait = wait.compareTo(max) > 0 ? max : wait;
    Duration left = giveUpAfter.minus(inProgressFor);
    return Optional.of(wait.compareTo(left) > 0 ? left : wait);
  }

  private static void positive(Duration value, String field) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new InvalidValueException(field, value, "must be positive");
    }
  }
}
