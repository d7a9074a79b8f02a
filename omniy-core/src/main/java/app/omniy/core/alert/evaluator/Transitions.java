package app.omniy.core.alert.evaluator;

import app.omniy.core.alert.Acknowledgement;
import app.omniy.core.alert.AlertEvent.Kind;
import app.omniy.core.alert.AlertPhase;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.Evaluation;
import app.omniy.core.alert.Evaluation.Outcome;
import app.omniy.core.alert.spi.AlertState;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The state machine of ALERT-2 and ALERT-3 as a pure function of the stored state, the finding and
 * the evaluation time.
 *
 * <ul>
 *   <li>inactive or resolved, condition holds: firing at once without "for", else pending;
 *   <li>pending: fires once the condition has held at every evaluation for "for" (inclusive, as
 *       Prometheus); any evaluation where it does not hold — including too little or no data —
 *       drops it silently;
 *   <li>firing: resolves only on an evaluation with enough data where the condition is clear;
 *       missing data keeps it firing, so alerts do not flap when data disappears;
 *   <li>firing past its deadline without an acknowledgement at or before the deadline: escalates,
 *       once; a response exactly at the deadline is on time (ALERT-3);
 *   <li>firing, unacknowledged, repeat interval passed since the last notice: repeated. An
 *       acknowledged alert is not repeated: someone is on it.
 * </ul>
 */
final class Transitions {
  private Transitions() {}

  /**
   * The next state and the notification it causes.
   *
   * @param next the state to store; equal to {@code state} (ignoring the version) when nothing
   *     changed
   * @param kind the notification, or null for none
   */
  public record Step(AlertState next, @Nullable Kind kind) {}

  public static Step step(AlertRule rule, AlertState state, Evaluation evaluation, Instant now) {
    return switch (state.phase()) {
      case INACTIVE, RESOLVED -> startIfHolds(rule, state, evaluation, now);
      case PENDING -> pending(rule, state, evaluation, now);
      case FIRING -> firing(rule, state, evaluation, now);
    };
  }

  private static Step startIfHolds(
      AlertRule rule, AlertState state, Evaluation evaluation, Instant now) {
    if (!evaluation.holds()) {
      return new Step(state, null);
    }
    if (rule.condition().sustainedFor().isZero()) {
      return new Step(fire(state, now), Kind.FIRED);
    }
    return new Step(
        new AlertState(
            state.key(), AlertPhase.PENDING, now, null, null, null, null, false, state.version()),
        null);
  }

  private static Step pending(
      AlertRule rule, AlertState state, Evaluation evaluation, Instant now) {
    if (!evaluation.holds()) {
      return new Step(AlertState.inactive(state.key()).withVersion(state.version()), null);
    }
    Instant since = state.pendingSince() == null ? now : state.pendingSince();
    if (Duration.between(since, now).compareTo(rule.condition().sustainedFor()) >= 0) {
      return new Step(fire(state, now), Kind.FIRED);
    }
    return new Step(state, null);
  }

  private static Step firing(AlertRule rule, AlertState state, Evaluation evaluation, Instant now) {
    Instant since = state.firingSince() == null ? now : state.firingSince();
    if (evaluation.outcome() == Outcome.CLEAR) {
      return new Step(
          new AlertState(
              state.key(),
              AlertPhase.RESOLVED,
              null,
              since,
              state.lastNotifiedAt(),
              now,
              state.acknowledgement(),
              state.escalated(),
              state.version()),
          Kind.RESOLVED);
    }
    Instant deadline = since.plus(rule.respondWithin());
    Acknowledgement ack = state.acknowledgement();
    if (!state.escalated()
        && now.isAfter(deadline)
        && (ack == null || ack.at().isAfter(deadline))) {
      return new Step(notified(state, since, now, true), Kind.ESCALATED);
    }
    Instant last = state.lastNotifiedAt() == null ? since : state.lastNotifiedAt();
    if (ack == null && Duration.between(last, now).compareTo(rule.repeatInterval()) >= 0) {
      return new Step(notified(state, since, now, state.escalated()), Kind.REPEATED);
    }
    return new Step(state, null);
  }

  private static AlertState fire(AlertState state, Instant now) {
    return new AlertState(
        state.key(), AlertPhase.FIRING, null, now, now, null, null, false, state.version());
  }

  private static AlertState notified(
      AlertState state, Instant since, Instant now, boolean escalated) {
    return new AlertState(
        state.key(),
        AlertPhase.FIRING,
        null,
        since,
        now,
        null,
        state.acknowledgement(),
        escalated,
        state.version());
  }
}
