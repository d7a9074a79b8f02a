package app.omniy.runtime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.AlertSeverity;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.EscalationPolicy;
import app.omniy.core.alert.EscalationStep;
import app.omniy.core.alert.Evaluation;
import app.omniy.core.alert.spi.Notifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The escalation policy as data routes each step to its channels and contacts, in its time. */
class EscalationPolicyTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<String> sent = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private Notifier recording(String name) {
    return event -> sent.add(name + " " + event.kind() + " " + event.key().ruleId());
  }

  private NotificationDispatcher dispatcher(EscalationPolicy policy) {
    return new NotificationDispatcher(
            Map.of(
                Channel.SLACK, recording("slack"),
                Channel.SMS, recording("sms"),
                Channel.EMAIL, recording("email")),
            recording("contact"),
            1,
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            executor)
        .withEscalationPolicy(policy, Map.of(EscalationStep.OUTSIDE_EXPERTS, recording("experts")));
  }

  private static AlertEvent event(
      AlertEvent.Kind kind, AlertRule rule, Instant at, Instant since, boolean escalation) {
    return new AlertEvent(
        kind,
        rule,
        new AlertKey(rule.id(), Map.of()),
        at,
        since,
        new Evaluation(Evaluation.Outcome.HOLDS, BigDecimal.ONE, 100, "holds"),
        escalation ? Channel.ESCALATION : rule.channels(),
        escalation,
        null);
  }

  private static AlertRule sev1Escalation() {
    return AlertRule.builder("INC-1")
        .name("Sev1エスカレーション")
        .severity(AlertSeverity.CRITICAL)
        .metric("omniy.incidents")
        .channels(Channel.ESCALATION.toArray(Channel[]::new))
        .respondWithin(Duration.ofMinutes(15))
        .build();
  }

  @Test
  void the_guides_policy_reaches_the_rule_channels_then_the_contact_then_the_outside_experts() {
    NotificationDispatcher dispatcher = dispatcher(EscalationPolicy.GUIDE);
    AlertRule c4 = DefaultAlertRules.MASS_POST_FAILURE;

    dispatcher.dispatch(List.of(event(AlertEvent.Kind.FIRED, c4, T0, T0, false)), T0);
    assertThat(sent).containsExactlyInAnyOrder("slack FIRED ALERT-C4", "email FIRED ALERT-C4");

    sent.clear();
    Instant deadline = T0.plus(c4.respondWithin()).plusSeconds(10);
    dispatcher.dispatch(
        List.of(event(AlertEvent.Kind.ESCALATED, c4, deadline, T0, true)), deadline);
    assertThat(sent)
        .containsExactlyInAnyOrder(
            "slack ESCALATED ALERT-C4",
            "sms ESCALATED ALERT-C4",
            "email ESCALATED ALERT-C4",
            "contact ESCALATED ALERT-C4");

    sent.clear();
    Instant halfHour = T0.plus(Duration.ofMinutes(30));
    dispatcher.dispatch(
        List.of(event(AlertEvent.Kind.ESCALATED, sev1Escalation(), halfHour, T0, true)), halfHour);
    assertThat(sent).containsExactly("experts ESCALATED INC-1");
  }

  @Test
  void a_step_with_a_delay_waits_and_a_resolve_before_it_cancels_both() {
    EscalationPolicy slowFirstStep =
        new EscalationPolicy(
            List.of(
                new EscalationStep(
                    EscalationStep.Trigger.FIRED,
                    Duration.ofMinutes(5),
                    false,
                    Set.of(Channel.SLACK),
                    Set.of())));
    NotificationDispatcher dispatcher = dispatcher(slowFirstStep);
    AlertRule c1 = DefaultAlertRules.SERVICE_DOWN;

    dispatcher.dispatch(List.of(event(AlertEvent.Kind.FIRED, c1, T0, T0, false)), T0);
    dispatcher.dispatch(List.of(), T0.plus(Duration.ofMinutes(4)));
    assertThat(sent).isEmpty();
    assertThat(dispatcher.delayed()).hasSize(1);

    dispatcher.dispatch(List.of(), T0.plus(Duration.ofMinutes(5)));
    assertThat(sent).containsExactly("slack FIRED ALERT-C1");

    sent.clear();
    Instant later = T0.plus(Duration.ofHours(1));
    dispatcher.dispatch(List.of(event(AlertEvent.Kind.FIRED, c1, later, later, false)), later);
    Instant resolved = later.plus(Duration.ofMinutes(2));
    dispatcher.dispatch(
        List.of(event(AlertEvent.Kind.RESOLVED, c1, resolved, later, false)), resolved);
    dispatcher.dispatch(List.of(), later.plus(Duration.ofMinutes(10)));

    assertThat(sent).isEmpty();
    assertThat(dispatcher.delayed()).isEmpty();
  }

  @Test
  void a_policy_without_a_step_for_a_trigger_tells_no_one_of_it() {
    EscalationPolicy noEscalation =
        new EscalationPolicy(
            List.of(
                new EscalationStep(
                    EscalationStep.Trigger.FIRED, Duration.ZERO, true, Set.of(), Set.of())));
    NotificationDispatcher dispatcher = dispatcher(noEscalation);
    AlertRule c1 = DefaultAlertRules.SERVICE_DOWN;
    Instant deadline = T0.plus(c1.respondWithin()).plusSeconds(1);

    dispatcher.dispatch(
        List.of(event(AlertEvent.Kind.ESCALATED, c1, deadline, T0, true)), deadline);

    assertThat(sent).isEmpty();
  }
}
