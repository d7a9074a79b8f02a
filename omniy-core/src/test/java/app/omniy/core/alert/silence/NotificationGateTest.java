package app.omniy.core.alert.silence;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertEvaluation;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertPhase;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.AlertStatus;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.Evaluation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationGateTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  private static final AlertKey C1 = new AlertKey("ALERT-C1", Map.of());
  private static final AlertKey W1 = new AlertKey("ALERT-W1", Map.of());
  private static final Evaluation HOLDS =
      new Evaluation(Evaluation.Outcome.HOLDS, BigDecimal.ONE, 20, "100% (20 of 20) > 10%");
  private static final Evaluation CLEAR =
      new Evaluation(Evaluation.Outcome.CLEAR, BigDecimal.ZERO, 20, "0% (0 of 20), not > 10%");

  private final NotificationGate gate = new NotificationGate();

  @Test
  void a_silenced_alert_is_held_and_notifies_when_the_silence_ends_if_still_firing() {
    Silence silence = silence(Map.of("id", "ALERT-C1"), T0, T0.plusSeconds(3600));

    var fired =
        gate.apply(fired(C1, DefaultAlertRules.SERVICE_DOWN, T0), List.of(silence), List.of());
    var during = gate.apply(firing(T0.plusSeconds(1800), C1), List.of(silence), List.of());
    var after = gate.apply(firing(T0.plusSeconds(3600), C1), List.of(silence), List.of());

    assertThat(fired.send()).isEmpty();
    assertThat(fired.muted())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.reason()).isEqualTo(NotificationGate.Reason.SILENCED);
              assertThat(m.cause()).isEqualTo("s1");
            });
    assertThat(during.send()).isEmpty();
    assertThat(after.released())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(AlertEvent.Kind.FIRED);
              assertThat(e.at()).isEqualTo(T0.plusSeconds(3600));
              assertThat(e.firingSince()).isEqualTo(T0);
            });
    assertThat(after.send()).isEqualTo(after.released());
    assertThat(gate.held()).isEmpty();
  }

  @Test
  void an_alert_that_resolves_while_silenced_is_never_notified() {
    Silence silence = silence(Map.of("id", "ALERT-C1"), T0, T0.plusSeconds(3600));

    gate.apply(fired(C1, DefaultAlertRules.SERVICE_DOWN, T0), List.of(silence), List.of());
    var resolved =
        gate.apply(
            new AlertEvaluation(
                T0.plusSeconds(60),
                List.of(
                    event(
                        AlertEvent.Kind.RESOLVED,
                        C1,
                        DefaultAlertRules.SERVICE_DOWN,
                        T0.plusSeconds(60),
                        CLEAR)),
                List.of(new AlertStatus(C1, AlertPhase.RESOLVED, CLEAR))),
            List.of(silence),
            List.of());
    var after =
        gate.apply(
            new AlertEvaluation(
                T0.plusSeconds(3600),
                List.of(),
                List.of(new AlertStatus(C1, AlertPhase.RESOLVED, CLEAR))),
            List.of(silence),
            List.of());

    assertThat(resolved.send()).isEmpty();
    assertThat(resolved.muted()).hasSize(1);
    assertThat(after.send()).isEmpty();
    assertThat(gate.held()).isEmpty();
  }

  @Test
  void a_silence_matches_on_labels_as_well_as_the_rule_id() {
    AlertKey a1 = new AlertKey("ALERT-I2", Map.of("account", "a1"));
    AlertKey a2 = new AlertKey("ALERT-I2", Map.of("account", "a2"));
    Silence silence = silence(Map.of("id", "ALERT-I2", "account", "a1"), T0, T0.plusSeconds(60));

    assertThat(silence.silences(a1, T0)).isTrue();
    assertThat(silence.silences(a2, T0)).isFalse();
    assertThat(silence.silences(a1, T0.plusSeconds(60))).as("the end is excluded").isFalse();
    assertThat(silence.silences(a1, T0.minusSeconds(1))).isFalse();
  }

  @Test
  void a_firing_c1_inhibits_w1_by_default_and_w1_notifies_when_c1_resolves_if_still_firing() {
    List<AlertEvent> events = new ArrayList<>();
    events.add(event(AlertEvent.Kind.FIRED, C1, DefaultAlertRules.SERVICE_DOWN, T0, HOLDS));
    events.add(event(AlertEvent.Kind.FIRED, W1, DefaultAlertRules.SLOW_API, T0, HOLDS));
    var both =
        gate.apply(
            new AlertEvaluation(
                T0,
                events,
                List.of(
                    new AlertStatus(C1, AlertPhase.FIRING, HOLDS),
                    new AlertStatus(W1, AlertPhase.FIRING, HOLDS))),
            List.of(),
            Inhibition.DEFAULTS);
    var c1Resolved =
        gate.apply(
            new AlertEvaluation(
                T0.plusSeconds(600),
                List.of(
                    event(
                        AlertEvent.Kind.RESOLVED,
                        C1,
                        DefaultAlertRules.SERVICE_DOWN,
                        T0.plusSeconds(600),
                        CLEAR)),
                List.of(
                    new AlertStatus(C1, AlertPhase.RESOLVED, CLEAR),
                    new AlertStatus(W1, AlertPhase.FIRING, HOLDS))),
            List.of(),
            Inhibition.DEFAULTS);

    assertThat(both.send()).extracting(AlertEvent::key).containsExactly(C1);
    assertThat(both.muted())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.reason()).isEqualTo(NotificationGate.Reason.INHIBITED);
              assertThat(m.cause()).isEqualTo("ALERT-C1");
            });
    assertThat(c1Resolved.send())
        .extracting(AlertEvent::key, AlertEvent::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(C1, AlertEvent.Kind.RESOLVED),
            org.assertj.core.groups.Tuple.tuple(W1, AlertEvent.Kind.FIRED));
  }

  @Test
  void an_inhibition_never_mutes_its_own_source_and_honours_equal_labels() {
    Inhibition perAccount =
        new Inhibition(Map.of("id", "A"), Map.of("id", "B"), List.of("account"));
    AlertKey a1 = new AlertKey("A", Map.of("account", "1"));

    assertThat(perAccount.inhibits(a1, new AlertKey("B", Map.of("account", "1")))).isTrue();
    assertThat(perAccount.inhibits(a1, new AlertKey("B", Map.of("account", "2")))).isFalse();
    assertThat(perAccount.inhibits(a1, a1)).isFalse();
  }

  @Test
  void expiring_a_silence_ends_it_then_and_one_not_yet_started_holds_nothing() {
    Silence silence = silence(Map.of("id", "ALERT-C1"), T0, T0.plusSeconds(3600));

    assertThat(silence.expiredAt(T0.plusSeconds(60)).end()).isEqualTo(T0.plusSeconds(60));
    assertThat(silence.expiredAt(T0.minusSeconds(60)).activeAt(T0)).isFalse();
    assertThat(silence.expiredAt(T0.plusSeconds(7200))).isEqualTo(silence);
  }

  private static Silence silence(Map<String, String> match, Instant start, Instant end) {
    return new Silence("s1", match, start, end, "owner", "planned database migration");
  }

  private static AlertEvaluation fired(AlertKey key, AlertRule rule, Instant at) {
    return new AlertEvaluation(
        at,
        List.of(event(AlertEvent.Kind.FIRED, key, rule, at, HOLDS)),
        List.of(new AlertStatus(key, AlertPhase.FIRING, HOLDS)));
  }

  private static AlertEvaluation firing(Instant at, AlertKey key) {
    return new AlertEvaluation(
        at, List.of(), List.of(new AlertStatus(key, AlertPhase.FIRING, HOLDS)));
  }

  private static AlertEvent event(
      AlertEvent.Kind kind, AlertKey key, AlertRule rule, Instant at, Evaluation evaluation) {
    return new AlertEvent(kind, rule, key, at, T0, evaluation, rule.channels(), false, null);
  }
}
