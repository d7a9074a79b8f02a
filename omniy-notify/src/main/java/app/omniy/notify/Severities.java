package app.omniy.notify;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.Runbook;
import java.util.List;
import java.util.Locale;

/** How notifications show severity, and what they add to the finding (runbooks). */
final class Severities {
  private Severities() {}

  /** Slack attachment colour: red, orange, blue by severity; green once resolved. */
  static String colour(AlertEvent event) {
    if (event.kind() == AlertEvent.Kind.RESOLVED) {
      return "#2eb886";
    }
    return switch (event.rule().severity()) {
      case CRITICAL -> "#d40e0d";
      case WARNING -> "#f2a100";
      case INFO -> "#439fe0";
    };
  }

  /** {@code [CRITICAL FIRED] ALERT-C1 サービス停止}. */
  /** The title of a grouped message: "3 alerts: [CRITICAL FIRED] ALERT-C1 …; …". */
  static String groupTitle(List<AlertEvent> events) {
    StringBuilder title = new StringBuilder().append(events.size()).append(" alerts: ");
    for (int i = 0; i < events.size(); i++) {
      title.append(i == 0 ? "" : "; ").append(title(events.get(i)));
    }
    return title.toString();
  }

  static String title(AlertEvent event) {
    return "["
        + event.rule().severity().name()
        + " "
        + event.kind().name()
        + "] "
        + event.key()
        + " "
        + event.rule().name();
  }

  /**
   * The runbook to show with {@code event}: the rule's, for a fired, repeated or escalated alert;
   * none for a resolve notice, when there is nothing left to do.
   */
  static Runbook runbook(AlertEvent event) {
    return event.kind() == AlertEvent.Kind.RESOLVED ? Runbook.NONE : event.rule().runbook();
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
