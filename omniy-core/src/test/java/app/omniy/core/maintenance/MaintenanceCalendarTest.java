package app.omniy.core.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** MNT-1 … MNT-3 in JST, while the JVM runs in New York (a zone with daylight saving time). */
class MaintenanceCalendarTest {
  private final MaintenanceCalendar calendar = MaintenanceCalendar.GUIDE;

  private MaintenanceJob job(String id) {
    return calendar.job(id).orElseThrow();
  }

  private static Instant jst(String local) {
    return OffsetDateTime.parse(local + "+09:00").toInstant();
  }

  @Test
  void the_daily_jobs_run_at_three_four_five_and_six_jst() {
    Instant evening = jst("2026-04-09T20:00:00");

    assertThat(calendar.nextRun(job("daily-backup"), evening))
        .isEqualTo(jst("2026-04-10T03:00:00"));
    assertThat(calendar.nextRun(job("daily-log-cleanup"), evening))
        .isEqualTo(jst("2026-04-10T04:00:00"));
    assertThat(calendar.nextRun(job("daily-security-scan"), evening))
        .isEqualTo(jst("2026-04-10T05:00:00"));
    assertThat(calendar.nextRun(job("daily-performance-report"), evening))
        .isEqualTo(jst("2026-04-10T06:00:00"));
    assertThat(calendar.nextRun(job("daily-backup"), jst("2026-04-10T03:00:00")))
        .as("strictly after")
        .isEqualTo(jst("2026-04-11T03:00:00"));
  }

  @Test
  void the_backup_stays_at_1800_utc_across_new_yorks_daylight_saving_change() {
    // New York moves its clocks on 2026-03-08; JST does not, so neither does the backup.
    assertThat(calendar.nextRun(job("daily-backup"), Instant.parse("2026-03-07T12:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-07T18:00:00Z"));
    assertThat(calendar.nextRun(job("daily-backup"), Instant.parse("2026-03-08T12:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-08T18:00:00Z"));
  }

  @Test
  void weekly_reviews_fall_on_monday_wednesday_and_friday() {
    Instant sunday = jst("2026-04-12T12:00:00");

    assertThat(calendar.nextRun(job("weekly-system-review"), sunday))
        .isEqualTo(jst("2026-04-13T09:00:00"));
    assertThat(calendar.nextRun(job("weekly-security-review"), sunday))
        .isEqualTo(jst("2026-04-15T09:00:00"));
    assertThat(calendar.nextRun(job("weekly-capacity-review"), sunday))
        .isEqualTo(jst("2026-04-17T09:00:00"));
  }

  @Test
  void monthly_jobs_fall_on_the_first_the_fifteenth_and_the_twenty_fifth() {
    Instant april20 = jst("2026-04-20T12:00:00");

    assertThat(calendar.nextRun(job("monthly-report"), april20))
        .isEqualTo(jst("2026-05-01T09:00:00"));
    assertThat(calendar.nextRun(job("monthly-audit"), april20))
        .isEqualTo(jst("2026-05-15T09:00:00"));
    assertThat(calendar.nextRun(job("monthly-plan"), april20))
        .isEqualTo(jst("2026-04-25T09:00:00"));
  }

  @Test
  void a_daily_run_not_started_within_the_grace_is_missed() {
    MaintenanceJob backup = job("daily-backup");
    Optional<Instant> yesterday = Optional.of(jst("2026-04-09T03:00:02"));

    assertThat(calendar.missed(backup, yesterday, jst("2026-04-10T04:00:00")))
        .as("at the grace")
        .isFalse();
    assertThat(calendar.missed(backup, yesterday, jst("2026-04-10T04:00:01"))).isTrue();
    assertThat(
            calendar.missed(
                backup, Optional.of(jst("2026-04-10T03:00:00")), jst("2026-04-10T05:00:00")))
        .isFalse();
    assertThat(calendar.missed(backup, Optional.empty(), jst("2026-04-10T05:00:00"))).isTrue();
  }

  @Test
  void a_monthly_run_counts_until_the_end_of_its_window_clamped_to_short_months() {
    MaintenanceJob report = job("monthly-report");
    MaintenanceJob plan = job("monthly-plan");
    Optional<Instant> lastMonth = Optional.of(jst("2026-03-01T09:00:00"));

    assertThat(calendar.missed(report, lastMonth, jst("2026-04-05T23:59:59"))).isFalse();
    assertThat(calendar.missed(report, lastMonth, jst("2026-04-06T00:00:01"))).isTrue();
    assertThat(calendar.windowEnd(plan, jst("2026-02-25T09:00:00")))
        .as("February 2026 has no 30th")
        .isEqualTo(jst("2026-03-01T00:00:00"));
  }

  @Test
  void a_calendar_rejects_duplicate_ids_and_bad_schedules() {
    var daily = new MaintenanceJob("x", "x", new JobSchedule.Daily(LocalTime.NOON));

    assertThatThrownBy(
            () ->
                new MaintenanceCalendar(
                    calendar.zone(), Duration.ofHours(1), List.of(daily, daily)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("jobs");
    assertThatThrownBy(() -> new JobSchedule.Monthly(25, 20, LocalTime.NOON))
        .hasMessageStartingWith("lastDay");
    assertThat(calendar.jobs()).hasSize(10);
  }
}
