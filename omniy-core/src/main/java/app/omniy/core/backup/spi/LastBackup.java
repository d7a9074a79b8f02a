package app.omniy.core.backup.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * When the last backup that succeeded (written and verified, BAK-1) was taken, for the runtime's
 * "last backup age" health check. Provided by the host or by Omniy's backup job; called on every
 * {@code Omniy.health()}, so it should answer from what it recorded rather than list the bucket.
 */
@FunctionalInterface
public interface LastBackup {
  /**
   * The instant the last successful backup was taken; empty when none is known (never run, or its
   * record lost), which the health check reports as {@code UNKNOWN}, never as healthy.
   */
  Optional<Instant> lastSuccessfulBackup();
}
