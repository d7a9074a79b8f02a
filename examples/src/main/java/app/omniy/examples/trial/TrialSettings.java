package app.omniy.examples.trial;

import app.omniy.core.InvalidValueException;
import java.time.YearMonth;

/**
 * What the trial simulates.
 *
 * @param month the month whose first day is simulated (JST)
 * @param posts how many posts are scheduled over the day
 * @param accounts how many Instagram accounts they spread over
 * @param faultRate the share of Graph API calls that fail (5xx, throttling, resets, lost publish
 *     answers), 0 to 0.5
 * @param seed the seed for the posts and the faults: the same seed gives the same day
 */
public record TrialSettings(YearMonth month, int posts, int accounts, double faultRate, long seed) {

  /**
   * @throws InvalidValueException naming the setting that is out of range
   */
  public TrialSettings {
    if (month == null) {
      throw new InvalidValueException("month", null, "is required");
    }
    if (posts < 1 || posts > 5_000) {
      throw new InvalidValueException("posts", posts, "must be 1 to 5000");
    }
    if (accounts < 1 || accounts > 100) {
      throw new InvalidValueException("accounts", accounts, "must be 1 to 100");
    }
    if (!(faultRate >= 0 && faultRate <= 0.5)) {
      throw new InvalidValueException("fault-rate", faultRate, "must be 0 to 0.5");
    }
  }
}
