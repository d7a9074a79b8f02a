package app.omniy.core.alert;

import java.time.Instant;
import java.util.List;

/**
 * The result of one evaluation of every rule.
 *
 * @param at the evaluation time
 * @param events the notifications to send, in rule order
 * @param statuses every alert's phase and finding, in rule order
 */
public record AlertEvaluation(Instant at, List<AlertEvent> events, List<AlertStatus> statuses) {
  public AlertEvaluation {
    events = List.copyOf(events);
    statuses = List.copyOf(statuses);
  }
}
