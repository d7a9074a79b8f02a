package app.omniy.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** INC-1 targets and INC-2 timeline at their boundaries. */
class IncidentTest {
  private static final Instant OCCURRED = Instant.parse("2026-04-10T01:00:00Z");
  private static final Instant DETECTED = OCCURRED.plus(Duration.ofMinutes(5));

  private static Incident sev1() {
    return Incident.open(
        "INC-1", "API down", IncidentSeverity.SEV1, SlaTarget.SYSTEM, OCCURRED, DETECTED);
  }

  @Test
  void targets_count_from_detection_per_severity() {
    assertThat(sev1().due(Milestone.RESPONDED)).isEqualTo(DETECTED.plus(Duration.ofMinutes(15)));
    assertThat(sev1().due(Milestone.RECOVERED)).isEqualTo(DETECTED.plus(Duration.ofHours(1)));
    var sev3 =
        Incident.open(
            "INC-3", "UI glitch", IncidentSeverity.SEV3, SlaTarget.SYSTEM, OCCURRED, DETECTED);
    assertThat(sev3.due(Milestone.RESOLVED)).isEqualTo(DETECTED.plus(Duration.ofHours(72)));
  }

  @Test
  void a_response_exactly_at_the_deadline_is_on_time_and_a_second_later_is_a_breach() {
    Instant due = DETECTED.plus(Duration.ofMinutes(15));

    var onTime = sev1().reach(Milestone.RESPONDED, due);
    var late = sev1().reach(Milestone.RESPONDED, due.plusSeconds(1));

    assertThat(onTime.breaches(due.plusSeconds(60))).isEmpty();
    assertThat(late.breaches(due.plusSeconds(60)))
        .containsExactly(new Breach(Milestone.RESPONDED, due, due.plusSeconds(1)));
  }

  @Test
  void an_open_milestone_breaches_once_now_is_past_its_due_time() {
    Instant recoveryDue = DETECTED.plus(Duration.ofHours(1));
    var responded = sev1().reach(Milestone.RESPONDED, DETECTED.plusSeconds(60));

    assertThat(responded.breaches(recoveryDue)).isEmpty();
    assertThat(responded.breaches(recoveryDue.plusSeconds(1)))
        .extracting(Breach::milestone)
        .containsExactly(Milestone.RECOVERED);
  }

  @Test
  void a_sev1_unresolved_after_30_minutes_goes_to_outside_experts() {
    Instant limit = DETECTED.plus(Duration.ofMinutes(30));

    assertThat(sev1().needsOutsideExperts(limit)).isFalse();
    assertThat(sev1().needsOutsideExperts(limit.plusSeconds(1))).isTrue();
    assertThat(sev1().reach(Milestone.RESOLVED, limit).needsOutsideExperts(limit.plusSeconds(60)))
        .isFalse();
    var sev2 =
        Incident.open("INC-2", "slow", IncidentSeverity.SEV2, SlaTarget.SYSTEM, OCCURRED, DETECTED);
    assertThat(sev2.needsOutsideExperts(limit.plus(Duration.ofHours(5)))).isFalse();
  }

  @Test
  void downtime_runs_from_occurrence_to_recovery_and_feeds_the_sla_ledger() {
    var recovered = sev1().reach(Milestone.RECOVERED, OCCURRED.plus(Duration.ofMinutes(50)));

    assertThat(sev1().downtime()).isEmpty();
    assertThat(recovered.downtime())
        .hasValueSatisfying(
            period -> {
              assertThat(period.start()).isEqualTo(OCCURRED);
              assertThat(period.end()).isEqualTo(OCCURRED.plus(Duration.ofMinutes(50)));
              assertThat(period.cause()).isEqualTo(DowntimeCause.INCIDENT);
              assertThat(period.target()).isEqualTo(SlaTarget.SYSTEM);
            });
  }

  @Test
  void a_timeline_out_of_order_is_rejected_naming_the_milestone() {
    assertThatThrownBy(() -> sev1().reach(Milestone.RECOVERED, OCCURRED.minusSeconds(1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("timeline.recovered");
    assertThatThrownBy(
            () ->
                Incident.open(
                    "INC-9", "x", IncidentSeverity.SEV1, SlaTarget.SYSTEM, OCCURRED, null))
        .hasMessageStartingWith("timeline.detected");
    assertThatThrownBy(
            () ->
                Incident.open(
                    " ", "x", IncidentSeverity.SEV1, SlaTarget.SYSTEM, OCCURRED, DETECTED))
        .hasMessageStartingWith("id");
  }
}
