package app.omniy.core.alert;

/** Where an alert stands (ALERT-2). */
public enum AlertPhase {
  /** The condition does not hold (or never did). */
  INACTIVE,
  /** The condition holds and is waiting out the rule's "for" duration. */
  PENDING,
  /** Notified; stays firing until an evaluation with enough data shows the condition clear. */
  FIRING,
  /** Was firing; a resolve notice was sent. */
  RESOLVED
}
