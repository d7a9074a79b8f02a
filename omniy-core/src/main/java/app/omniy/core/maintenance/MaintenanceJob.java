package app.omniy.core.maintenance;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;

/**
 * A job of the maintenance calendar.
 *
 * @param id a stable id, such as {@code daily-backup}
 * @param name what the guide calls it
 * @param schedule when it is due
 */
public record MaintenanceJob(String id, String name, JobSchedule schedule) {
  /**
   * @throws InvalidValueException naming the field that is missing or blank
   */
  public MaintenanceJob {
    if (id == null || id.isBlank()) {
      throw new InvalidValueException("id", id, "must not be blank");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidValueException("name", name, "must not be blank");
    }
    Require.nonNull(schedule, "schedule");
  }
}
