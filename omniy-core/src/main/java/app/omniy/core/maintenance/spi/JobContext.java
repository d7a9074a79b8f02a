package app.omniy.core.maintenance.spi;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.maintenance.MaintenanceJob;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What a {@link MaintenanceTask} is told about its run.
 *
 * @param job the calendar's job
 * @param due the occurrence being run: when it was due
 * @param started when this run started (at or after {@code due})
 * @param zone the calendar's zone (JST for the guide): a daily report covers "yesterday" in it
 */
public record JobContext(MaintenanceJob job, Instant due, Instant started, ZoneId zone) {
  /**
   * @throws InvalidValueException naming the field that is missing
   */
  public JobContext {
    Require.nonNull(job, "job");
    Require.nonNull(due, "due");
    Require.nonNull(started, "started");
    Require.nonNull(zone, "zone");
  }
}
