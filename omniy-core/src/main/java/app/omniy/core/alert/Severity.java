package app.omniy.core.alert;

/** The guide's three alert groups (ALERT table): how urgent a rule is. */
public enum Severity {
  /** Respond at once (the guide's クリティカルアラート). */
  CRITICAL,
  /** Respond within the hour (警告アラート). */
  WARNING,
  /** Respond within the day (情報アラート). */
  INFO
}
