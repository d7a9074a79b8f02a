package app.omniy.examples.trial;

import app.omniy.core.alert.AlertEvent;
import app.omniy.ops.alerts.spi.Notifier;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the trial's notifications go instead of Slack, SMS and e-mail: one line per message, with
 * the simulated time and the channel. A host's own {@link Notifier} plugs in the same way.
 */
final class LocalLog {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Clock clock;
  private final ZoneId zone;
  private final List<String> lines = new ArrayList<>();
  private final List<AlertEvent> events = new ArrayList<>();

  LocalLog(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  /** A notifier writing to this log as {@code target}, e.g. {@code slack}. */
  Notifier notifier(String target) {
    return event -> {
      synchronized (this) {
        lines.add(TIME.format(clock.instant().atZone(zone)) + " " + target + " " + event.summary());
        if (events.isEmpty() || events.get(events.size() - 1) != event) {
          events.add(event);
        }
      }
    };
  }

  /** Every line, in order. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Every distinct notification, once each whatever the channels it went to, in order. */
  synchronized List<AlertEvent> events() {
    return List.copyOf(events);
  }
}
