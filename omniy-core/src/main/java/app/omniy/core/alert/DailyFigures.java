package app.omniy.core.alert;

import app.omniy.core.InvalidValueException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The day's figures the morning digest reports, the guide's ten-minute manual morning check done
 * for the operator.
 *
 * @param postsPublished posts published that day
 * @param successRate share of publish attempts that succeeded (0 to 1), or null with no attempts
 * @param incidents incidents opened that day
 * @param backups successful backups that day
 * @param maintenanceRuns maintenance runs that day
 * @param ticketsPastDeadline support tickets past their first-response deadline at digest time
 */
public record DailyFigures(
    long postsPublished,
    @Nullable BigDecimal successRate,
    long incidents,
    long backups,
    long maintenanceRuns,
    long ticketsPastDeadline) {

  /**
   * @throws InvalidValueException naming the field if a count is negative or the rate outside 0–1
   */
  public DailyFigures {
    long[] counts = {postsPublished, incidents, backups, maintenanceRuns, ticketsPastDeadline};
    String[] names = {
      "postsPublished", "incidents", "backups", "maintenanceRuns", "ticketsPastDeadline"
    };
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new InvalidValueException(names[i], counts[i], "must not be negative");
      }
    }
    if (successRate != null
        && (successRate.signum() < 0 || successRate.compareTo(BigDecimal.ONE) > 0)) {
      throw new InvalidValueException("successRate", successRate, "must be from 0 to 1");
    }
  }

  /** The figures, one line each: "Posts published: 42", "Success rate: 97.6%", … */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("Posts published: " + postsPublished);
    lines.add(
        "Success rate: "
            + (successRate == null ? "no attempts" : AlertCondition.percent(successRate)));
    lines.add("Incidents: " + incidents);
    lines.add("Backups: " + backups);
    lines.add("Maintenance runs: " + maintenanceRuns);
    lines.add("Support tickets past deadline: " + ticketsPastDeadline);
    return lines;
  }
}
