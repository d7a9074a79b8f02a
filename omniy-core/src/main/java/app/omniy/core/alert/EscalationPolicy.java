package app.omniy.core.alert;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who hears of an alert, and when, as data: one {@link EscalationStep} per trigger. The guide's
 * ({@link #GUIDE}): step 1 the rule's channels when it fires; step 2, after the response deadline
 * (ALERT-3), every channel and the escalation contact; step 3, a Sev1 incident unresolved 30
 * minutes after detection (INC-1), the outside experts.
 *
 * @param steps at most one step per trigger
 */
public record EscalationPolicy(List<EscalationStep> steps) {
  /** The guide's three steps. */
  public static final EscalationPolicy GUIDE =
      new EscalationPolicy(
          List.of(
              new EscalationStep(
                  EscalationStep.Trigger.FIRED, Duration.ZERO, true, Set.of(), Set.of()),
              new EscalationStep(
                  EscalationStep.Trigger.RESPONSE_DEADLINE,
                  Duration.ZERO,
                  true,
                  Channel.ESCALATION,
                  Set.of(EscalationStep.ESCALATION_CONTACT)),
              new EscalationStep(
                  EscalationStep.Trigger.SEV1_UNRESOLVED,
                  Duration.ofMinutes(30),
                  false,
                  Set.of(),
                  Set.of(EscalationStep.OUTSIDE_EXPERTS))));

  /**
   * @throws InvalidValueException if steps are missing or two share a trigger
   */
  public EscalationPolicy {
    steps = List.copyOf(Require.nonNull(steps, "steps"));
    Set<EscalationStep.Trigger> seen = EnumSet.noneOf(EscalationStep.Trigger.class);
    for (EscalationStep step : steps) {
      if (!seen.add(step.trigger())) {
        throw new InvalidValueException("steps", step.trigger(), "has two steps for one trigger");
      }
    }
  }

  /** The trigger of {@code event}: an INC-1 escalation, an alert's escalation, or its firing. */
  public static EscalationStep.Trigger triggerOf(AlertEvent event) {
    if (event.kind() == AlertEvent.Kind.ESCALATED) {
      return event.rule().id().equals("INC-1")
          ? EscalationStep.Trigger.SEV1_UNRESOLVED
          : EscalationStep.Trigger.RESPONSE_DEADLINE;
    }
    return EscalationStep.Trigger.FIRED;
  }

  /** The step for {@code event}'s trigger; empty: nobody is told. */
  public Optional<EscalationStep> stepFor(AlertEvent event) {
    EscalationStep.Trigger trigger = triggerOf(event);
    return steps.stream().filter(s -> s.trigger() == trigger).findFirst();
  }

  /** The channels {@code event} goes to under this policy. */
  public Set<Channel> channels(AlertEvent event) {
    Optional<EscalationStep> step = stepFor(event);
    if (step.isEmpty()) {
      return Set.of();
    }
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    channels.addAll(step.get().channels());
    if (step.get().ruleChannels()) {
      channels.addAll(event.channels());
    }
    return channels;
  }

  /** The contacts {@code event} goes to under this policy. */
  public Set<String> contacts(AlertEvent event) {
    return stepFor(event).map(EscalationStep::contacts).orElse(Set.of());
  }

  /**
   * When {@code event} goes out: its trigger's moment plus the step's delay — the firing ({@code
   * firingSince}), the response deadline ({@code firingSince + respondWithin}) or the Sev1's
   * detection ({@code firingSince} of an INC-1 notice) — and never before the event itself.
   */
  public Instant dueAt(AlertEvent event) {
    Optional<EscalationStep> step = stepFor(event);
    if (step.isEmpty()) {
      return event.at();
    }
    Instant start = event.firingSince();
    if (step.get().trigger() == EscalationStep.Trigger.RESPONSE_DEADLINE) {
      start = start.plus(event.rule().respondWithin());
    }
    Instant due = start.plus(step.get().delay());
    return due.isAfter(event.at()) ? due : event.at();
  }
}
