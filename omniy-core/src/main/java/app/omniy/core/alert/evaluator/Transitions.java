package app.omniy.core.alert.evaluator;

import app.omniy.core.alert.Acknowledgement;
import app.omniy.core.alert.AlertEvent.Kind;
import app.omniy.core.alert.AlertPhase;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.Evaluation;
import app.omniy.core.alert.Evaluation.Outcome;
import app.omniy.core.alert.NoDataPolicy;
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
 *   <li>firing: resolves at the first evaluation at which the condition does not hold — clear, too
 *       little data or no data (ALERT-2's added decision) — unless the rule's {@code
 *       keep-firing-for} has not passed since the condition last held; then it stays firing,
 *       quietly;
 *   <li>firing, the condition holding, past its deadline without an acknowledgement at or before
 *       the deadline: escalates, once; a response exactly at the deadline is on time (ALERT-3);
 *   <li>firing, the condition holding, unacknowledged, repeat interval passed since the last
 *       notice: repeated. An acknowledged alert is not repeated: someone is on it.
 * </ul>
 *
 * <p>"Holds" is {@link Evaluation#holds()}, or no data at all for a rule with {@link
 * NoDataPolicy#ALERT}. Repeats and escalations happen only at evaluations where it holds, so a
 * notification never presents too little data as a problem.
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

  /** Whether the rule's condition holds: the finding holds, or no data counts as holding. */
  static boolean holds(AlertRule rule, Evaluation evaluation) {
    return evaluation.holds()
        || (evaluation.outcome() == Outcome.NO_DATA && rule.onNoData() == NoDataPolicy.ALERT);
  }

  private static Step startIfHolds(
      AlertRule rule, AlertState state, Evaluation evaluation, Instant now) {
    if (!holds(rule, evaluation)) {
      return new Step(state, null);
    }
    if (rule.condition().sustainedFor().isZero()) {
      return new Step(fire(rule, state, now), Kind.FIRED);
    }
    return new Step(
        new AlertState(
            state.key(), AlertPhase.PENDING, now, null, null, null, null, false, state.version()),
        null);
  }

  private static Step pending(
      AlertRule rule, AlertState state, Evaluation evaluation, Instant now) {
    if (!holds(rule, evaluation)) {
      return new Step(AlertState.inactive(state.key()).withVersion(state.version()), null);
    }
    Instant since = state.pendingSince() == null ? now : state.pendingSince();
    if (Duration.between(since, now).compareTo(rule.condition().sustainedFor()) >= 0) {
      return new Step(fire(rule, state, now), Kind.FIRED);
    }
    return new Step(state, null);
  }

  private static Step firing(AlertRule rule, AlertState state, Evaluation evaluation, Instant now) {
    Instant since = state.firingSince() == null ? now : state.firingSince();
    if (!holds(rule, evaluation)) {
      Instant lastHeld = state.lastHeldAt() == null ? since : state.lastHeldAt();
      if (now.isBefore(lastHeld.plus(rule.keepFiringFor()))) {
        return new Step(state, null); // keep-firing-for: still firing, nothing to say
      }
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
    if (!rule.keepFiringFor().isZero()) {
      state = state.withLastHeldAt(now);
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

  private static AlertState fire(AlertRule rule, AlertState state, Instant now) {
    return new AlertState(
        state.key(),
        AlertPhase.FIRING,
        null,
        now,
        now,
        null,
        null,
        false,
        rule.keepFiringFor().isZero() ? null : now,
        state.version());
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
        state.lastHeldAt(),
        state.version());
  }
}
