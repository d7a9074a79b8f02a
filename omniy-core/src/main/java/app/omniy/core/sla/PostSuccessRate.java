package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import java.math.BigDecimal;

/**
 * The month's post execution success rate (SLA-3, POST-9): final outcomes after retries, published
 * / (published + failed against us). Failures of the user's own doing (cancellations, media
 * Instagram rejected or could not fetch, expired tokens, restricted accounts) are excluded and
 * reported separately. Plain counts, so any post store can supply them.
 *
 * @param published posts published
 * @param failedAgainstUs posts that failed in a way that counts against us: retries exhausted,
 *     missed window, unknown errors
 * @param excludedUserCaused posts that failed through the user's doing, not counted
 */
public record PostSuccessRate(long published, long failedAgainstUs, long excludedUserCaused) {
  /** The objective: at least 99.5% (SLA-3). */
  public static final BigDecimal OBJECTIVE_PERCENT = new BigDecimal("99.5");

  /**
   * @throws InvalidValueException if a count is negative
   */
  public PostSuccessRate {
    if (published < 0) {
      throw new InvalidValueException("published", published, "must not be negative");
    }
    if (failedAgainstUs < 0) {
      throw new InvalidValueException("failedAgainstUs", failedAgainstUs, "must not be negative");
    }
    if (excludedUserCaused < 0) {
      throw new InvalidValueException(
          "excludedUserCaused", excludedUserCaused, "must not be negative");
    }
  }

  /** Posts counted: published plus failed against us. */
  public long counted() {
    return published + failedAgainstUs;
  }

  /** The exact rate; 1 (nothing failed) in a month with no counted posts. */
  public ExactRatio rate() {
    return counted() == 0 ? ExactRatio.of(1, 1) : ExactRatio.of(published, counted());
  }

  /** Whether the rate is at least 99.5%, compared exactly. */
  public boolean met() {
    return rate().isAtLeastPercent(OBJECTIVE_PERCENT);
  }
}
