package app.omniy.core.alert.silence;

import app.omniy.core.Require;
import app.omniy.core.alert.AlertEvaluation;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertPhase;
import app.omniy.core.alert.AlertStatus;
import app.omniy.core.alert.Evaluation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies silences and inhibitions to each evaluation's notifications (ALERT-2): the pure part of
 * holding, with no clock and no I/O; the runtime and {@code omniy rules eval} feed it every
 * evaluation in time order.
 *
 * <ul>
 *   <li>An event of an alert a silence matches at the evaluation time is held: not sent.
 *   <li>Else an event of an alert that an {@link Inhibition} mutes — an alert matching its source
 *       is firing (at this evaluation, or at its rule's last one) — is held the same way.
 *   <li>A held alert that is still firing once nothing silences or inhibits it any more notifies
 *       then, at the first evaluation after that: with the word of its first held notification
 *       ({@code FIRED} when it fired while held), the evaluation time and the latest finding, to
 *       the channels of every held notification, and to the escalation contact if an escalation
 *       came due meanwhile (the alert kept its state). One that stopped firing meanwhile is
 *       dropped, and so is its resolve notice: the operator never heard it fire.
 *   <li>A resolve notice of an alert silenced or inhibited at that time is not sent either.
 * </ul>
 *
 * <p>A silenced or inhibited alert keeps its state: the evaluator runs as without them, so
 * acknowledgements, repeats and escalation deadlines are unchanged. Not thread-safe: one gate per
 * evaluator, fed under its lock.
 */
public final class NotificationGate {
  private final Map<AlertKey, AlertPhase> phases = new HashMap<>();
  private final Map<AlertKey, Evaluation> findings = new HashMap<>();
  private final Map<AlertKey, AlertEvent> held = new LinkedHashMap<>();

  /** A gate holding nothing yet. */
  public NotificationGate() {
    // state is filled by apply
  }

  /** Why a notification was not sent. */
  public enum Reason {
    /** A silence matches the alert. */
    SILENCED,
    /** A firing source alert inhibits it. */
    INHIBITED;

    /** {@code silenced} or {@code inhibited}: the word {@code omniy rules eval} prints. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A notification that was not sent.
   *
   * @param event the notification
   * @param reason why
   * @param cause the silence's id, or the inhibiting alert's key ({@code ALERT-C1})
   */
  public record Muted(AlertEvent event, Reason reason, String cause) {
    public Muted {
      Require.nonNull(event, "event");
      Require.nonNull(reason, "reason");
      Require.nonNull(cause, "cause");
    }
  }

  /**
   * What to do with one evaluation's notifications.
   *
   * @param send the notifications to send: the evaluation's own that are not muted, in their order,
   *     then the released ones, by alert key
   * @param muted the evaluation's notifications that are not sent, in their order
   * @param released the held notifications released at this evaluation (also in {@code send})
   */
  public record Outcome(List<AlertEvent> send, List<Muted> muted, List<AlertEvent> released) {
    public Outcome {
      send = List.copyOf(send);
      muted = List.copyOf(muted);
      released = List.copyOf(released);
    }

    /** The muting of {@code event}, if it was muted. */
    public Optional<Muted> mutedOf(AlertEvent event) {
      return muted.stream().filter(m -> m.event().equals(event)).findFirst();
    }
  }

  /**
   * Applies {@code silences} (every silence known; only those active at the evaluation time hold)
   * and {@code inhibitions} to {@code evaluation}.
   */
  public Outcome apply(
      AlertEvaluation evaluation, List<Silence> silences, List<Inhibition> inhibitions) {
    Require.nonNull(evaluation, "evaluation");
    Require.nonNull(silences, "silences");
    Require.nonNull(inhibitions, "inhibitions");
    Instant at = evaluation.at();
    for (AlertStatus status : evaluation.statuses()) {
      phases.put(status.key(), status.phase());
      findings.put(status.key(), status.evaluation());
    }
    List<Silence> active = silences.stream().filter(s -> s.activeAt(at)).toList();
    List<AlertEvent> send = new ArrayList<>();
    List<Muted> muted = new ArrayList<>();
    for (AlertEvent event : evaluation.events()) {
      Optional<Muted> mute = mute(event, active, inhibitions);
      if (mute.isPresent()) {
        muted.add(mute.get());
        if (event.kind() == AlertEvent.Kind.RESOLVED) {
          held.remove(event.key());
        } else {
          held.merge(event.key(), event, NotificationGate::merge);
        }
      } else {
        held.remove(event.key());
        send.add(event);
      }
    }
    List<AlertEvent> released = new ArrayList<>();
    List<AlertKey> keys = new ArrayList<>(held.keySet());
    keys.sort(Comparator.comparing(AlertKey::toString));
    for (AlertKey key : keys) {
      AlertEvent event = held.get(key);
      if (event == null || event.at().equals(at)) {
        continue; // held at this very evaluation
      }
      if (phases.get(key) != AlertPhase.FIRING) {
        held.remove(key);
        continue;
      }
      if (mute(event, active, inhibitions).isPresent()) {
        continue;
      }
      held.remove(key);
      AlertEvent release =
          new AlertEvent(
              event.kind(),
              event.rule(),
              key,
              at,
              event.firingSince(),
              findings.getOrDefault(key, event.evaluation()),
              event.channels(),
              event.toEscalationContact(),
              event.acknowledgement(),
              event.signal());
      released.add(release);
      send.add(release);
    }
    return new Outcome(send, muted, released);
  }

  /**
   * A later notification held on top of an earlier one: the earlier's word (a firing the operator
   * never heard of stays {@code FIRED}), the later's time and finding, the channels of both, and
   * the escalation contact if either escalated.
   */
  private static AlertEvent merge(AlertEvent earlier, AlertEvent later) {
    java.util.Set<app.omniy.core.alert.Channel> channels =
        java.util.EnumSet.noneOf(app.omniy.core.alert.Channel.class);
    channels.addAll(earlier.channels());
    channels.addAll(later.channels());
    return new AlertEvent(
        earlier.kind(),
        later.rule(),
        later.key(),
        later.at(),
        later.firingSince(),
        later.evaluation(),
        channels,
        earlier.toEscalationContact() || later.toEscalationContact(),
        later.acknowledgement(),
        later.signal());
  }

  /** The notifications held now, by alert key. */
  public List<AlertEvent> held() {
    return List.copyOf(held.values());
  }

  private Optional<Muted> mute(
      AlertEvent event, List<Silence> active, List<Inhibition> inhibitions) {
    AlertKey key = event.key();
    for (Silence silence : active) {
      if (silence.matches(key)) {
        return Optional.of(new Muted(event, Reason.SILENCED, silence.id()));
      }
    }
    for (Map.Entry<AlertKey, AlertPhase> alert : phases.entrySet()) {
      if (alert.getValue() != AlertPhase.FIRING) {
        continue;
      }
      for (Inhibition inhibition : inhibitions) {
        if (inhibition.inhibits(alert.getKey(), key)) {
          return Optional.of(new Muted(event, Reason.INHIBITED, alert.getKey().toString()));
        }
      }
    }
    return Optional.empty();
  }
}
