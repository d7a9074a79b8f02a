package app.omniy.runtime.incident;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.AlertSeverity;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.Evaluation;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.Milestone;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Incident notices as alert events, so they travel through the same notifiers (the {@code Notifier}
 * SPI) with their retries and channel isolation: a breach (INC-2) goes to Slack and e-mail, the
 * Sev1 escalation (INC-1) to every channel and the escalation contact, as ALERT-3 does for alerts.
 */
final class IncidentNotices {
  /** The metric name the notice rules carry; no meter of that name is read. */
  static final String METRIC = "omniy.incidents";

  private IncidentNotices() {}

  static AlertEvent breach(Incident incident, Milestone milestone, Instant due, Instant now) {
    String text =
        incident.id()
            + " Sev"
            + incident.severity().level()
            + " "
            + incident.title()
            + ": "
            + milestone.name().toLowerCase(java.util.Locale.ROOT)
            + " was due at "
            + due;
    return event(
        "INC-2",
        "インシデント目標超過",
        AlertEvent.Kind.FIRED,
        incident,
        now,
        text,
        Set.of(Channel.SLACK, Channel.EMAIL),
        false);
  }

  static AlertEvent escalation(Incident incident, Instant now) {
    String text =
        incident.id()
            + " Sev1 "
            + incident.title()
            + ": unresolved 30 min after detection at "
            + incident.at(Milestone.DETECTED).orElseThrow()
            + "; call the outside experts";
    return event(
        "INC-1",
        "Sev1エスカレーション",
        AlertEvent.Kind.ESCALATED,
        incident,
        now,
        text,
        Channel.ESCALATION,
        true);
  }

  private static AlertEvent event(
      String ruleId,
      String name,
      AlertEvent.Kind kind,
      Incident incident,
      Instant now,
      String text,
      Set<Channel> channels,
      boolean toEscalationContact) {
    AlertRule rule =
        AlertRule.builder(ruleId)
            .name(name)
            .severity(AlertSeverity.CRITICAL)
            .metric(METRIC)
            .channels(channels.toArray(Channel[]::new))
            .respondWithin(incident.severity().target(Milestone.RESPONDED))
            .build();
    return new AlertEvent(
        kind,
        rule,
        new AlertKey(ruleId, Map.of("incident", incident.id())),
        now,
        incident.at(Milestone.DETECTED).orElseThrow(),
        new Evaluation(Evaluation.Outcome.HOLDS, null, 0, text),
        channels,
        toEscalationContact,
        null);
  }
}
