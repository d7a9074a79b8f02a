package app.omniy.examples.trial;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.spi.Notifier;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the trial's notifications go instead of Slack, SMS and e-mail: one line per message, with
 * the simulated time and the channel. A host's own {@link Notifier} plugs in the same way.
 */
final class LocalLog {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Targets in a fixed order: an event's channels are a set, whose order varies by JVM run. */
  private static final List<String> TARGETS =
      List.of("slack", "sms", "email", "webhook", "escalation-contact");

  private final Clock clock;
  private final ZoneId zone;
  private final List<Line> lines = new ArrayList<>();
  private final List<AlertEvent> events = new ArrayList<>();

  private record Line(int event, String target, String text) {}

  LocalLog(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  /** A notifier writing to this log as {@code target}, e.g. {@code slack}. */
  Notifier notifier(String target) {
    return event -> {
      synchronized (this) {
        if (events.isEmpty() || events.get(events.size() - 1) != event) {
          events.add(event);
        }
        lines.add(
            new Line(
                events.size(),
                target,
                TIME.format(clock.instant().atZone(zone)) + " " + target + " " + event.summary()));
      }
    };
  }

  /** Every line, in order: by notification, then by target. */
  synchronized List<String> lines() {
    return lines.stream()
        .sorted(
            Comparator.comparingInt(Line::event)
                .thenComparingInt(line -> TARGETS.indexOf(line.target())))
        .map(Line::text)
        .toList();
  }

  /** Every distinct notification, once each whatever the channels it went to, in order. */
  synchronized List<AlertEvent> events() {
    return List.copyOf(events);
  }
}
