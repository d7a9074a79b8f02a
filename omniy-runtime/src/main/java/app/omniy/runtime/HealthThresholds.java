package app.omniy.runtime;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Duration;

/**
 * When the runtime's health checks turn {@code DEGRADED} and {@code DOWN}: every threshold {@link
 * Omniy#health()} judges by.
 *
 * <p>Defaults: the oldest due post waiting more than 1 min is {@code DEGRADED} (posts start late,
 * as the lateness check says), more than 15 min {@code DOWN} (a quarter of the default 60 min
 * missed window, POST-6, is gone and nothing claims). The last backup older than 25 h is {@code
 * DEGRADED} (the daily 03:00 JST backup of BAK-1 missed once; RPO 24 h, BAK-2), older than 49 h
 * {@code DOWN} (missed twice). No dispatch turn for more than 30 s is {@code DOWN} (a running
 * worker turns at least every poll interval, 10 ms by default); a first attempt that started more
 * than 1 min after its publish time is {@code DEGRADED}.
 *
 * @param oldestDueDegraded oldest-due age above which the check is DEGRADED
 * @param oldestDueDown oldest-due age above which it is DOWN
 * @param backupDegraded last-backup age above which the check is DEGRADED
 * @param backupDown last-backup age above which it is DOWN
 * @param dispatcherDown time without a dispatch turn above which the dispatcher check is DOWN
 * @param latenessDegraded lateness of the last first attempt above which the lateness check is
 *     DEGRADED
 */
public record HealthThresholds(
    Duration oldestDueDegraded,
    Duration oldestDueDown,
    Duration backupDegraded,
    Duration backupDown,
    Duration dispatcherDown,
    Duration latenessDegraded) {

  private static final Duration DISPATCHER_DOWN = Duration.ofSeconds(30);
  private static final Duration LATENESS_DEGRADED = Duration.ofMinutes(1);

  /**
   * 1 min / 15 min for the oldest due post, 25 h / 49 h for the last backup, 30 s without a
   * dispatch turn, 1 min of lateness.
   */
  public static final HealthThresholds DEFAULTS =
      new HealthThresholds(
          Duration.ofMinutes(1),
          Duration.ofMinutes(15),
          Duration.ofHours(25),
          Duration.ofHours(49),
          DISPATCHER_DOWN,
          LATENESS_DEGRADED);

  /**
   * @throws InvalidValueException naming the field if one is missing or not positive, or a DOWN
   *     threshold is below its DEGRADED one
   */
  public HealthThresholds {
    pair(oldestDueDegraded, oldestDueDown, "oldestDue");
    pair(backupDegraded, backupDown, "backup");
    Require.positive(dispatcherDown, "dispatcherDown");
    Require.positive(latenessDegraded, "latenessDegraded");
  }

  /**
   * The waiting thresholds, with the default dispatcher (30 s) and lateness (1 min) ones.
   *
   * @throws InvalidValueException as the canonical constructor
   */
  public HealthThresholds(
      Duration oldestDueDegraded,
      Duration oldestDueDown,
      Duration backupDegraded,
      Duration backupDown) {
    this(
        oldestDueDegraded,
        oldestDueDown,
        backupDegraded,
        backupDown,
        DISPATCHER_DOWN,
        LATENESS_DEGRADED);
  }

  /** These thresholds with other ones for the oldest due post. */
  public HealthThresholds withOldestDue(Duration degraded, Duration down) {
    return new HealthThresholds(
        degraded, down, backupDegraded, backupDown, dispatcherDown, latenessDegraded);
  }

  /** These thresholds with other ones for the last backup's age. */
  public HealthThresholds withBackupAge(Duration degraded, Duration down) {
    return new HealthThresholds(
        oldestDueDegraded, oldestDueDown, degraded, down, dispatcherDown, latenessDegraded);
  }

  /** These thresholds with another time without a dispatch turn after which it is DOWN. */
  public HealthThresholds withDispatcherDown(Duration down) {
    return new HealthThresholds(
        oldestDueDegraded, oldestDueDown, backupDegraded, backupDown, down, latenessDegraded);
  }

  /** These thresholds with another first-attempt lateness after which it is DEGRADED. */
  public HealthThresholds withLatenessDegraded(Duration degraded) {
    return new HealthThresholds(
        oldestDueDegraded, oldestDueDown, backupDegraded, backupDown, dispatcherDown, degraded);
  }

  /** The status of something {@code age} old under {@code degraded} and {@code down}. */
  static HealthStatus status(Duration age, Duration degraded, Duration down) {
    return age.compareTo(down) > 0
        ? HealthStatus.DOWN
        : age.compareTo(degraded) > 0 ? HealthStatus.DEGRADED : HealthStatus.UP;
  }

  private static void pair(Duration degraded, Duration down, String prefix) {
    Require.positive(degraded, prefix + "Degraded");
    Require.positive(down, prefix + "Down");
    if (down.compareTo(degraded) < 0) {
      throw new InvalidValueException(
          prefix + "Down", down, "must not be below " + prefix + "Degraded (" + degraded + ")");
    }
  }
}
