package app.omniy.core.alert;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * One step of an {@link EscalationPolicy}: when it applies, how long after its trigger it is sent,
 * and to which channels and contacts.
 *
 * @param trigger what starts the step
 * @param delay how long after the trigger's moment the step's notification goes out: after the
 *     firing, after the response deadline, after the Sev1 incident's detection; 0 to 1 day
 * @param ruleChannels whether the step also goes to the rule's own channels
 * @param channels further channels
 * @param contacts named contacts ({@link #ESCALATION_CONTACT}, {@link #OUTSIDE_EXPERTS}, or the
 *     host's), each a notifier the dispatcher is given
 */
public record EscalationStep(
    Trigger trigger,
    Duration delay,
    boolean ruleChannels,
    Set<Channel> channels,
    Set<String> contacts) {
  /** The contact escalations go to after the response deadline (ALERT-3). */
  public static final String ESCALATION_CONTACT = "escalation-contact";

  /** The outside experts a Sev1 unresolved after 30 minutes goes to (INC-1). */
  public static final String OUTSIDE_EXPERTS = "outside-experts";

  /** What starts a step. */
  public enum Trigger {
    /** An alert fired (and its repeats and resolve notice): counted from the firing. */
    FIRED,
    /** An alert not acknowledged by its response deadline (ALERT-3): counted from the deadline. */
    RESPONSE_DEADLINE,
    /** A Sev1 incident still unresolved (INC-1): counted from its detection. */
    SEV1_UNRESOLVED
  }

  /**
   * @throws InvalidValueException if a value is missing, the delay is negative or over a day, or
   *     the step reaches no one
   */
  public EscalationStep {
    Require.nonNull(trigger, "trigger");
    Require.atMost(Require.nonNegative(delay, "delay"), Duration.ofDays(1), "delay");
    channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
    contacts = Set.copyOf(contacts);
    for (String contact : contacts) {
      Require.nonBlank(contact, "contacts");
    }
    if (!ruleChannels && channels.isEmpty() && contacts.isEmpty()) {
      throw new InvalidValueException("channels", channels, "a step must reach someone");
    }
  }
}
