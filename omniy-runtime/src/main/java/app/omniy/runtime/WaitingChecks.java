package app.omniy.runtime;

import app.omniy.core.backup.spi.LastBackup;
import app.omniy.core.post.spi.PostStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The two health checks that measure how long something has waited: the oldest due post nobody
 * claimed (the dispatchers fall behind, or none runs) and the last successful backup (BAK-1,
 * BAK-2).
 */
final class WaitingChecks {
  private WaitingChecks() {}

  /**
   * {@code oldest-due}: the age of the longest-waiting claimable post ({@link
   * PostStore#oldestDue}).
   */
  static HealthCheck oldestDue(PostStore store, Instant now, HealthThresholds limits) {
    Optional<Instant> since;
    try {
      since = store.oldestDue(now);
    } catch (RuntimeException e) {
      return new HealthCheck("oldest-due", HealthStatus.DOWN, "store unreachable: " + e);
    }
    if (since.isEmpty()) {
      return new HealthCheck("oldest-due", HealthStatus.UP, "no post waiting to be claimed");
    }
    Duration age = Duration.between(since.get(), now);
    return new HealthCheck(
        "oldest-due",
        HealthThresholds.status(age, limits.oldestDueDegraded(), limits.oldestDueDown()),
        "oldest unclaimed due post waiting " + age + " (due since " + since.get() + ")");
  }

  /**
   * {@code backup}: the age of the last successful backup; {@code UNKNOWN} without a source or a
   * known backup, never {@code UP}.
   */
  static HealthCheck backup(@Nullable LastBackup source, Instant now, HealthThresholds limits) {
    if (source == null) {
      return new HealthCheck(
          "backup", HealthStatus.UNKNOWN, "no backup source configured (Omniy.Builder.lastBackup)");
    }
    Optional<Instant> last;
    try {
      last = source.lastSuccessfulBackup();
    } catch (RuntimeException e) {
      return new HealthCheck("backup", HealthStatus.UNKNOWN, "last backup unknown: " + e);
    }
    if (last == null || last.isEmpty()) {
      return new HealthCheck("backup", HealthStatus.UNKNOWN, "no successful backup known");
    }
    Duration age = Duration.between(last.get(), now);
    return new HealthCheck(
        "backup",
        HealthThresholds.status(age, limits.backupDegraded(), limits.backupDown()),
        "last successful backup " + age + " ago (" + last.get() + ")");
  }
}
