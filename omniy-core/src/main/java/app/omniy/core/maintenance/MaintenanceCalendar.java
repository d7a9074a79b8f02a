package app.omniy.core.maintenance;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.maintenance.JobSchedule.Daily;
import app.omniy.core.maintenance.JobSchedule.Monthly;
import app.omniy.core.maintenance.JobSchedule.Weekly;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When the maintenance jobs are due (MNT-1, MNT-2) and whether a run was missed (MNT-3), computed
 * in the calendar's zone — JST for the guide — never in the host's default zone.
 *
 * <p>The guide gives times for the daily jobs only; weekly and monthly jobs are due at 09:00 JST,
 * the start of the business day (a decision, documented here). A run counts when it starts at or
 * after the due time and before the end of the occurrence's window: {@code grace} after the due
 * time for daily and weekly jobs, the end of the window's last day for monthly ones.
 *
 * @param zone the zone the schedule is read in
 * @param grace how long after its due time a daily or weekly run may still start
 * @param jobs the jobs
 */
public record MaintenanceCalendar(ZoneId zone, Duration grace, List<MaintenanceJob> jobs) {
  private static final LocalTime BUSINESS_START = LocalTime.of(9, 0);

  /** The guide's calendar (MNT-1, MNT-2) in JST, with one hour of grace. */
  public static final MaintenanceCalendar GUIDE =
      new MaintenanceCalendar(
          ZoneId.of("Asia/Tokyo"),
          Duration.ofHours(1),
          List.of(
              new MaintenanceJob("daily-backup", "日次バックアップ", new Daily(LocalTime.of(3, 0))),
              new MaintenanceJob("daily-log-cleanup", "ログ整理", new Daily(LocalTime.of(4, 0))),
              new MaintenanceJob(
                  "daily-security-scan", "セキュリティスキャン", new Daily(LocalTime.of(5, 0))),
              new MaintenanceJob(
                  "daily-performance-report", "パフォーマンスレポート", new Daily(LocalTime.of(6, 0))),
              new MaintenanceJob(
                  "weekly-system-review", "システムレビュー", new Weekly(DayOfWeek.MONDAY, BUSINESS_START)),
              new MaintenanceJob(
                  "weekly-security-review",
                  "セキュリティレビュー",
                  new Weekly(DayOfWeek.WEDNESDAY, BUSINESS_START)),
              new MaintenanceJob(
                  "weekly-capacity-review",
                  "容量・コストレビュー",
                  new Weekly(DayOfWeek.FRIDAY, BUSINESS_START)),
              new MaintenanceJob("monthly-report", "月次レポート", new Monthly(1, 5, BUSINESS_START)),
              new MaintenanceJob(
                  "monthly-audit", "設定・権限見直し・復旧テスト", new Monthly(15, 15, BUSINESS_START)),
              new MaintenanceJob("monthly-plan", "翌月計画", new Monthly(25, 30, BUSINESS_START))));

  /**
   * @throws InvalidValueException naming the field that is missing, a negative grace, or a
   *     duplicate job id
   */
  public MaintenanceCalendar {
    Require.nonNull(zone, "zone");
    if (grace == null || grace.isNegative()) {
      throw new InvalidValueException("grace", grace, "must be zero or positive");
    }
    Require.nonNull(jobs, "jobs");
    jobs = List.copyOf(jobs);
    if (jobs.stream().map(MaintenanceJob::id).distinct().count() != jobs.size()) {
      throw new InvalidValueException("jobs", jobs.size(), "must have distinct ids");
    }
  }

  /** The job with {@code id}. */
  public Optional<MaintenanceJob> job(String id) {
    return jobs.stream().filter(job -> job.id().equals(id)).findFirst();
  }

  /** The first time {@code job} is due strictly after {@code after}. */
  public Instant nextRun(MaintenanceJob job, Instant after) {
    ZonedDateTime local = after.atZone(zone);
    JobSchedule schedule = job.schedule();
    LocalDate date = schedule.lastDueOnOrBefore(local.toLocalDate());
    Instant candidate = at(date, schedule.at());
    while (!candidate.isAfter(after)) {
      date = schedule.nextDueAfter(date);
      candidate = at(date, schedule.at());
    }
    return candidate;
  }

  /** The latest time {@code job} was due at or before {@code now}. */
  public Instant lastDue(MaintenanceJob job, Instant now) {
    JobSchedule schedule = job.schedule();
    LocalDate date = schedule.lastDueOnOrBefore(now.atZone(zone).toLocalDate());
    Instant candidate = at(date, schedule.at());
    while (candidate.isAfter(now)) {
      date = schedule.lastDueOnOrBefore(date.minusDays(1));
      candidate = at(date, schedule.at());
    }
    return candidate;
  }

  /** Until when a run for the occurrence due at {@code due} still counts. */
  public Instant windowEnd(MaintenanceJob job, Instant due) {
    JobSchedule schedule = job.schedule();
    if (schedule instanceof Monthly) {
      LocalDate last = schedule.windowEnd(due.atZone(zone).toLocalDate());
      return last.plusDays(1).atStartOfDay(zone).toInstant();
    }
    return due.plus(grace);
  }

  /**
   * Whether {@code job}'s latest occurrence was missed at {@code now} (MNT-3): its window has
   * passed and no run started at or after its due time.
   *
   * @param lastRunStart when the job's most recent run started, if it ever ran
   */
  public boolean missed(MaintenanceJob job, Optional<Instant> lastRunStart, Instant now) {
    Instant due = lastDue(job, now);
    boolean ran = lastRunStart.filter(start -> !start.isBefore(due)).isPresent();
    return !ran && now.isAfter(windowEnd(job, due));
  }

  private Instant at(LocalDate date, LocalTime time) {
    return ZonedDateTime.of(date, time, zone).toInstant();
  }
}
