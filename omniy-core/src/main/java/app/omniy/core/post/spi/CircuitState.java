package app.omniy.core.post.spi;

/**
 * The state of a publisher's circuit breaker toward its API host (POST-5): whether calls reach the
 * host. The runtime's health reads it ({@link Publisher#circuit()}).
 */
public enum CircuitState {
  /** Calls reach the host. */
  CLOSED,
  /** Too many recent calls failed: calls fail fast without reaching the host. */
  OPEN,
  /** The open time passed: trial calls reach the host, and their outcome closes or reopens it. */
  HALF_OPEN
}
