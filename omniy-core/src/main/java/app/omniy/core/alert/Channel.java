package app.omniy.core.alert;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Where a notification goes. The runtime maps each channel to a notifier. */
public enum Channel {
  SLACK,
  SMS,
  EMAIL,
  /** A generic webhook the operator configures. */
  WEBHOOK;

  /** The channels an escalation goes to besides the rule's own (ALERT-3): Slack, SMS and Email. */
  public static final Set<Channel> ESCALATION =
      Collections.unmodifiableSet(EnumSet.of(SLACK, SMS, EMAIL));
}
