package app.omniy.runtime;

import app.omniy.core.InvalidValueException;
import java.time.Duration;

/**
 * When the runtime's waiting checks turn {@code DEGRADED} and {@code DOWN}.
 *
 * <p>Defaults: the oldest due post waiting more than 1 min is {@code DEGRADED} (posts start late,
 * as the lateness check says), more than 15 min {@code DOWN} (a quarter of the default 60 min
 * missed window, POST-6, is gone and nothing claims). The last backup older than 25 h is {@code
 * DEGRADED} (the daily 03:00 JST backup of BAK-1 missed once; RPO 24 h, BAK-2), older than 49 h
 * {@code DOWN} (missed twice).
 *
 * @param oldestDueDegraded oldest-due age above which the check is DEGRADED
 * @param oldestDueDown oldest-due age above which it is DOWN
 * @param backupDegraded last-backup age above which the check is DEGRADED
 * @param backupDown last-backup age above which it is DOWN
 */
public record HealthThresholds(
    Duration oldestDueDegraded,
    Duration oldestDueDown,
    Duration backupDegraded,
    Duration backupDown) {

  /** 1 min / 15 min for the oldest due post, 25 h / 49 h for the last backup. */
  public static final HealthThresholds DEFAULTS =
      new HealthThresholds(
          Duration.ofMinutes(1),
          Duration.ofMinutes(15),
          Duration.ofHours(25),
          Duration.ofHours(49));

  /**
   * @throws InvalidValueException naming the field if one is missing or not positive, or a DOWN
   *     threshold is below its DEGRADED one
   */
  public HealthThresholds {
    pair(oldestDueDegraded, oldestDueDown, "oldestDue");
    pair(backupDegraded, backupDown, "backup");
  }

  /** These thresholds with other ones for the oldest due post. */
  public HealthThresholds withOldestDue(Duration degraded, Duration down) {
    return new HealthThresholds(degraded, down, backupDegraded, backupDown);
  }

  /** These thresholds with other ones for the last backup's age. */
  public HealthThresholds withBackupAge(Duration degraded, Duration down) {
    return new HealthThresholds(oldestDueDegraded, oldestDueDown, degraded, down);
  }

  /** The status of something {@code age} old under {@code degraded} and {@code down}. */
  static HealthStatus status(Duration age, Duration degraded, Duration down) {
    return age.compareTo(down) > 0
        ? HealthStatus.DOWN
        : age.compareTo(degraded) > 0 ? HealthStatus.DEGRADED : HealthStatus.UP;
  }

  private static void pair(Duration degraded, Duration down, String prefix) {
    positive(degraded, prefix + "Degraded");
    positive(down, prefix + "Down");
    if (down.compareTo(degraded) < 0) {
      throw new InvalidValueException(
          prefix + "Down", down, "must not be below " + prefix + "Degraded (" + degraded + ")");
    }
  }

  private static void positive(Duration value, String field) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new InvalidValueException(field, value, "must be positive");
    }
  }
}
