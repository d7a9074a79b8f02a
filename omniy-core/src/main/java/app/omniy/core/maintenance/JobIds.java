package app.omniy.core.maintenance;

/**
 * The ids of {@link MaintenanceCalendar#GUIDE}'s jobs, for registering tasks (MNT-1, MNT-2, BAK-3).
 */
public final class JobIds {
  private JobIds() {}

  /** 03:00 JST daily: the Firestore export (BAK-1). */
  public static final String DAILY_BACKUP = "daily-backup";

  /** 04:00 JST daily: delete and compress logs, check disk usage. */
  public static final String DAILY_LOG_CLEANUP = "daily-log-cleanup";

  /** 05:00 JST daily: dependencies, unauthorised access attempts, TLS certificate expiry. */
  public static final String DAILY_SECURITY_SCAN = "daily-security-scan";

  /** 06:00 JST daily: yesterday's latency trend and errors. */
  public static final String DAILY_PERFORMANCE_REPORT = "daily-performance-report";

  /** Monday 09:00 JST: system review. */
  public static final String WEEKLY_SYSTEM_REVIEW = "weekly-system-review";

  /** Wednesday 09:00 JST: security review. */
  public static final String WEEKLY_SECURITY_REVIEW = "weekly-security-review";

  /** Friday 09:00 JST: capacity and cost review. */
  public static final String WEEKLY_CAPACITY_REVIEW = "weekly-capacity-review";

  /** The 1st–5th: the monthly report (SLA attainment, business KPIs). */
  public static final String MONTHLY_REPORT = "monthly-report";

  /** The 15th: audit, key rotation and the restore test (BAK-3). */
  public static final String MONTHLY_AUDIT = "monthly-audit";

  /** The 25th–30th: next month's plan. */
  public static final String MONTHLY_PLAN = "monthly-plan";
}
