package app.omniy.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Quiet hours across midnight, and which notifications they hold. */
class QuietHoursTest {
  private static Instant jst(String local) {
    return OffsetDateTime.parse(local + "+09:00").toInstant();
  }

  private static AlertEvent fired(AlertRule rule, Instant at, boolean escalation) {
    return new AlertEvent(
        escalation ? AlertEvent.Kind.ESCALATED : AlertEvent.Kind.FIRED,
        rule,
        new AlertKey(rule.id(), Map.of()),
        at,
        at,
        new Evaluation(Evaluation.Outcome.HOLDS, BigDecimal.ONE, 1, "holds"),
        rule.channels(),
        escalation,
        null);
  }

  @Test
  void the_default_night_runs_from_eleven_to_seven_japan_time() {
    QuietHours quiet = QuietHours.DEFAULT;

    assertThat(quiet.contains(jst("2026-03-02T22:59:59"))).isFalse();
    assertThat(quiet.contains(jst("2026-03-02T23:00:00"))).isTrue();
    assertThat(quiet.contains(jst("2026-03-03T03:00:00"))).isTrue();
    assertThat(quiet.contains(jst("2026-03-03T07:00:00"))).isFalse();
    assertThat(quiet.nextEnd(jst("2026-03-02T23:30:00"))).isEqualTo(jst("2026-03-03T07:00:00"));
    assertThat(quiet.nextEnd(jst("2026-03-03T07:00:00"))).isEqualTo(jst("2026-03-04T07:00:00"));
    assertThat(quiet.reportedDay(jst("2026-03-03T07:00:00")))
        .isEqualTo(LocalDate.parse("2026-03-02"));
  }

  @Test
  void only_a_deadline_that_outlasts_the_night_is_held() {
    QuietHours quiet = QuietHours.DEFAULT;
    Instant night = jst("2026-03-03T01:00:00");

    assertThat(quiet.holds(fired(DefaultAlertRules.DAU_DROP, night, false))).isTrue();
    assertThat(quiet.holds(fired(DefaultAlertRules.CPU, night, false))).isFalse();
    assertThat(quiet.holds(fired(DefaultAlertRules.SERVICE_DOWN, night, false))).isFalse();
    // A warning at 06:30 is due at 07:30, after the night: it may wait for the morning.
    assertThat(quiet.holds(fired(DefaultAlertRules.CPU, jst("2026-03-03T06:30:00"), false)))
        .isTrue();
    assertThat(quiet.holds(fired(DefaultAlertRules.DAU_DROP, night, true))).isFalse();
    assertThat(quiet.holds(fired(DefaultAlertRules.DAU_DROP, jst("2026-03-03T12:00:00"), false)))
        .isFalse();
  }

  @Test
  void quiet_hours_need_two_different_times_and_a_digest_channel() {
    assertThatThrownBy(
            () ->
                new QuietHours(
                    LocalTime.NOON, LocalTime.NOON, ZoneId.of("UTC"), Set.of(Channel.EMAIL)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("end");
    assertThatThrownBy(
            () -> new QuietHours(LocalTime.MIDNIGHT, LocalTime.NOON, ZoneId.of("UTC"), Set.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("digestTo");
  }
}
