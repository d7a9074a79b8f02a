package app.omniy.core.alert;

import app.omniy.core.Require;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Something to tell the operator: an alert fired, is still firing after its repeat interval, was
 * not acknowledged in time, or resolved. The evaluator only returns these; the runtime sends them.
 *
 * @param kind what happened
 * @param rule the rule
 * @param key the alert (rule and labels)
 * @param at the evaluation time it happened at
 * @param firingSince when the alert fired
 * @param evaluation the finding that caused it
 * @param channels where to send it: the rule's channels, plus Slack, SMS and Email on escalation
 * @param toEscalationContact whether the escalation contact must be told too (ALERT-3)
 * @param acknowledgement the acknowledgement of this firing, if any
 * @param signal when the alert's cause went bad and good again, measured on evaluation intervals
 *     ({@link AlertSignal}); {@link AlertSignal#UNKNOWN} when the evaluator cannot tell
 */
public record AlertEvent(
    Kind kind,
    AlertRule rule,
    AlertKey key,
    Instant at,
    Instant firingSince,
    Evaluation evaluation,
    Set<Channel> channels,
    boolean toEscalationContact,
    @Nullable Acknowledgement acknowledgement,
    AlertSignal signal) {

  /** The four notifications of ALERT-2 and ALERT-3. */
  public enum Kind {
    FIRED,
    REPEATED,
    ESCALATED,
    RESOLVED
  }

  public AlertEvent {
    Require.nonNull(kind, "kind");
    Require.nonNull(rule, "rule");
    Require.nonNull(key, "key");
    Require.nonNull(at, "at");
    Require.nonNull(firingSince, "firingSince");
    Require.nonNull(evaluation, "evaluation");
    Require.nonNull(channels, "channels");
    Require.nonNull(signal, "signal");
    // In enum order, so every run notifies the channels in the same order.
    channels =
        Collections.unmodifiableSet(
            channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels));
  }

  /** An event whose signal is unknown ({@link AlertSignal#UNKNOWN}). */
  public AlertEvent(
      Kind kind,
      AlertRule rule,
      AlertKey key,
      Instant at,
      Instant firingSince,
      Evaluation evaluation,
      Set<Channel> channels,
      boolean toEscalationContact,
      @Nullable Acknowledgement acknowledgement) {
    this(
        kind,
        rule,
        key,
        at,
        firingSince,
        evaluation,
        channels,
        toEscalationContact,
        acknowledgement,
        AlertSignal.UNKNOWN);
  }

  /** This event with {@code signal}. */
  public AlertEvent withSignal(AlertSignal signal) {
    return new AlertEvent(
        kind,
        rule,
        key,
        at,
        firingSince,
        evaluation,
        channels,
        toEscalationContact,
        acknowledgement,
        signal);
  }

  /** One line: {@code FIRED ALERT-C1 critical サービス停止: 12.5% (25 of 200) > 10%}. */
  public String summary() {
    return kind
        + " "
        + key
        + " "
        + rule.severity().name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + rule.name()
        + ": "
        + reason();
  }

  /**
   * Why it was sent, in the words a notification shows. A fired, repeated or escalated alert gives
   * the finding ({@code 12.5% (25 of 200) > 10%}); a resolve notice says why it resolved (ALERT-2):
   * {@code clear: 0% (0 of 3), not > 20%}, {@code not enough data to confirm: 1 of 5 samples in the
   * last 15m} or {@code not enough data to confirm: no data in the last 15m} — never as if too
   * little data were a problem.
   */
  public String reason() {
    if (kind != Kind.RESOLVED) {
      return evaluation.text();
    }
    String over = " in the last " + AlertCondition.words(rule.condition().over());
    return switch (evaluation.outcome()) {
      case CLEAR -> "clear: " + evaluation.text();
      case TOO_LITTLE_DATA ->
          "not enough data to confirm: "
              + evaluation.samples()
              + " of "
              + rule.condition().minSamples()
              + " samples"
              + over;
      case NO_DATA -> "not enough data to confirm: " + evaluation.text();
      case HOLDS -> evaluation.text();
    };
  }
}
