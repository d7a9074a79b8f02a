package app.omniy.examples.trial;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.YearMonth;

/**
 * What the trial simulates.
 *
 * @param month the calendar month simulated, in JST
 * @param posts how many posts are scheduled over the month
 * @param accounts how many Instagram accounts they spread over (in several time zones)
 * @param faultRate the share of Graph API calls that meet a transient fault (5xx, throttling,
 *     resets, lost publish answers), 0 to 0.5
 * @param outageMinutes the length of the outage in the middle of the month, 0 for none; at most a
 *     week
 * @param seed the seed for the posts, the faults and the outage's start: the same seed and month
 *     give the same month
 */
public record TrialSettings(
    YearMonth month, int posts, int accounts, double faultRate, int outageMinutes, long seed) {

  /** Posts at most: enough for a busy month, few enough to run in seconds. */
  public static final int MAX_POSTS = 20_000;

  /**
   * @throws InvalidValueException naming the setting that is out of range
   */
  public TrialSettings {
    Require.nonNull(month, "month");
    if (posts < 1 || posts > MAX_POSTS) {
      throw new InvalidValueException("posts", posts, "must be 1 to " + MAX_POSTS);
    }
    if (accounts < 1 || accounts > 100) {
      throw new InvalidValueException("accounts", accounts, "must be 1 to 100");
    }
    if (!(faultRate >= 0 && faultRate <= 0.5)) {
      throw new InvalidValueException("fault-rate", faultRate, "must be 0 to 0.5");
    }
    if (outageMinutes < 0 || outageMinutes > 7 * 24 * 60) {
      throw new InvalidValueException("outage", outageMinutes, "must be 0 to 10080 (a week)");
    }
  }
}
