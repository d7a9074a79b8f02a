package app.omniy.ops.status;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.Require;
import app.omniy.core.sla.PostSuccessRate;
import java.util.List;

/**
 * The dashboard's business section (KPI-2): sign-ups, active users, posts run and their success
 * rate (SLA-3), revenue as MRR, and posts per day for the trend line.
 *
 * @param signUps sign-ups this month
 * @param activeUsers active users (DAU)
 * @param posts this month's post outcomes
 * @param mrr monthly recurring revenue
 * @param postsPerDay posts run per day, oldest first, for the sparkline; may be empty
 */
public record BusinessFigures(
    long signUps, long activeUsers, PostSuccessRate posts, Money mrr, List<Long> postsPerDay) {
  /**
   * @throws InvalidValueException if a value is missing or negative
   */
  public BusinessFigures {
    if (signUps < 0) {
      throw new InvalidValueException("signUps", signUps, "must not be negative");
    }
    if (activeUsers < 0) {
      throw new InvalidValueException("activeUsers", activeUsers, "must not be negative");
    }
    Require.nonNull(posts, "posts");
    Require.nonNull(mrr, "mrr");
    if (postsPerDay == null) {
      throw new InvalidValueException("postsPerDay", null, "is required (may be empty)");
    }
    for (Long n : postsPerDay) {
      if (n == null || n < 0) {
        throw new InvalidValueException("postsPerDay", n, "must hold counts of zero or more");
      }
    }
    postsPerDay = List.copyOf(postsPerDay);
  }
}
