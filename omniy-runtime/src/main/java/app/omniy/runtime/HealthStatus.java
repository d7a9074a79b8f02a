package app.omniy.runtime;

/**
 * How healthy a part, or the whole, is; a report's status is its worst check's, in this order: UP,
 * UNKNOWN, DEGRADED, DOWN.
 */
public enum HealthStatus {
  /** Working. */
  UP,
  /** Not known to be working, e.g. no record of any backup: never reported as healthy. */
  UNKNOWN,
  /** Working with reduced service: paused, publisher congested, running late. */
  DEGRADED,
  /** Not working. */
  DOWN
}
