package app.omniy.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SUP-1's targets at their boundaries, in JST, while the JVM runs in New York. */
class SupportDeadlinesTest {
  private final SupportDeadlines deadlines = SupportDeadlines.GUIDE;

  private static Instant jst(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
  }

  @Test
  void a_high_ticket_opened_friday_1730_is_due_monday_1230() {
    assertThat(deadlines.firstResponseDue(SupportPriority.HIGH, jst("2026-04-03T17:30:00")))
        .isEqualTo(jst("2026-04-06T12:30:00"));
  }

  @Test
  void and_tuesday_1230_when_monday_is_a_holiday() {
    // 2026-07-20 is Marine Day (海の日), the third Monday of July.
    assertThat(deadlines.firstResponseDue(SupportPriority.HIGH, jst("2026-07-17T17:30:00")))
        .isEqualTo(jst("2026-07-21T12:30:00"));
  }

  @Test
  void a_medium_ticket_opened_saturday_is_due_tuesday_0900() {
    assertThat(deadlines.firstResponseDue(SupportPriority.MEDIUM, jst("2026-04-04T10:00:00")))
        .isEqualTo(jst("2026-04-07T09:00:00"));
  }

  @Test
  void a_low_ticket_skips_golden_week() {
    // Opened on Showa Day; starts Thursday 09:00; May 4–6 are holidays (May 6 substitutes May 3).
    assertThat(deadlines.firstResponseDue(SupportPriority.LOW, jst("2026-04-29T10:00:00")))
        .isEqualTo(jst("2026-05-08T09:00:00"));
  }

  @Test
  void business_days_keep_the_time_of_day() {
    assertThat(deadlines.firstResponseDue(SupportPriority.MEDIUM, jst("2026-04-06T17:59:00")))
        .isEqualTo(jst("2026-04-07T17:59:00"));
  }

  @Test
  void hours_count_from_the_opening_before_nine_and_from_the_next_day_at_six() {
    assertThat(deadlines.firstResponseDue(SupportPriority.HIGH, jst("2026-04-06T08:00:00")))
        .isEqualTo(jst("2026-04-06T13:00:00"));
    assertThat(deadlines.firstResponseDue(SupportPriority.HIGH, jst("2026-04-06T18:00:00")))
        .as("18:00 is closed")
        .isEqualTo(jst("2026-04-07T13:00:00"));
  }

  @Test
  void an_emergency_counts_every_hour_of_every_day() {
    assertThat(deadlines.firstResponseDue(SupportPriority.EMERGENCY, jst("2026-04-05T03:00:00")))
        .isEqualTo(jst("2026-04-05T04:00:00"));
  }

  @Test
  void a_response_exactly_at_the_deadline_is_on_time_and_a_second_later_is_not() {
    Instant opened = jst("2026-04-03T17:30:00");

    assertThat(deadlines.breached(SupportPriority.HIGH, opened, jst("2026-04-06T12:30:00")))
        .isFalse();
    assertThat(deadlines.breached(SupportPriority.HIGH, opened, jst("2026-04-06T12:30:01")))
        .isTrue();
  }

  @Test
  void extra_closed_days_are_skipped() {
    var closedMonday =
        new SupportDeadlines(
            BusinessCalendar.JAPAN.withClosedDays(Set.of(LocalDate.of(2026, 4, 6))));

    assertThat(closedMonday.firstResponseDue(SupportPriority.HIGH, jst("2026-04-03T17:30:00")))
        .isEqualTo(jst("2026-04-07T12:30:00"));
  }

  @Test
  void a_high_ticket_before_a_substitute_holiday_monday_is_due_tuesday() {
    // 2025-02-23 (the Emperor's Birthday) was a Sunday: Monday 2025-02-24 is its substitute.
    assertThat(deadlines.firstResponseDue(SupportPriority.HIGH, jst("2025-02-21T17:30:00")))
        .isEqualTo(jst("2025-02-25T12:30:00"));
  }

  @Test
  void a_medium_ticket_opened_saturday_before_a_substitute_holiday_is_due_wednesday_0900() {
    // 2025-11-23 (Labour Thanksgiving) was a Sunday: Monday 2025-11-24 is its substitute.
    assertThat(deadlines.firstResponseDue(SupportPriority.MEDIUM, jst("2025-11-22T10:00:00")))
        .isEqualTo(jst("2025-11-26T09:00:00"));
  }

  @Test
  void the_in_between_holiday_of_september_2026_closes_the_whole_silver_week() {
    // 2026-09-21 (Respect for the Aged), 09-22 (in-between), 09-23 (equinox).
    assertThat(deadlines.firstResponseDue(SupportPriority.HIGH, jst("2026-09-18T17:30:00")))
        .isEqualTo(jst("2026-09-24T12:30:00"));
  }

  @Test
  void an_emergency_answered_exactly_one_hour_later_is_on_time() {
    Instant opened = jst("2026-05-03T23:30:00");

    assertThat(deadlines.breached(SupportPriority.EMERGENCY, opened, jst("2026-05-04T00:30:00")))
        .isFalse();
    assertThat(deadlines.breached(SupportPriority.EMERGENCY, opened, jst("2026-05-04T00:30:01")))
        .isTrue();
  }

  @Test
  void a_medium_ticket_opened_friday_at_six_is_due_tuesday_0900() {
    // 18:00 is closed: it starts Monday 09:00 and one business day later is Tuesday 09:00.
    assertThat(deadlines.firstResponseDue(SupportPriority.MEDIUM, jst("2026-04-03T18:00:00")))
        .isEqualTo(jst("2026-04-07T09:00:00"));
  }
}
