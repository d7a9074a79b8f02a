package app.omniy.core.alert;

/**
 * The guide's three alert groups (ALERT table): how urgent a rule is. Not an incident's severity: a
 * critical alert opens an incident with its own {@link app.omniy.core.incident.IncidentSeverity}.
 */
public enum AlertSeverity {
  /** Respond at once (the guide's クリティカルアラート). */
  CRITICAL,
  /** Respond within the hour (警告アラート). */
  WARNING,
  /** Respond within the day (情報アラート). */
  INFO
}
