package app.omniy.ops;

/** How healthy a part, or the whole, is; a report's status is its worst check's. */
public enum HealthStatus {
  /** Working. */
  UP,
  /** Working with reduced service: paused, publisher congested, running late. */
  DEGRADED,
  /** Not working. */
  DOWN
}
