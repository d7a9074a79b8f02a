package app.omniy.core.alert;

import app.omniy.core.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The morning digest: the notifications held during the quiet hours ({@link QuietHours}) and the
 * day's figures, sent as one message per digest channel when the quiet hours end.
 *
 * @param day the day reported on (the day before the morning it is sent)
 * @param at when it is sent
 * @param held the notifications held, in arrival order
 * @param figures the day's figures, or null when no source is configured
 */
public record Digest(
    LocalDate day, Instant at, List<AlertEvent> held, @Nullable DailyFigures figures) {

  /**
   * @throws app.omniy.core.InvalidValueException if a value is missing
   */
  public Digest {
    Require.nonNull(day, "day");
    Require.nonNull(at, "at");
    held = List.copyOf(Require.nonNull(held, "held"));
  }

  /** The title: "Omniy daily digest 2026-03-02: 1 held notification". */
  public String title() {
    return "Omniy daily digest "
        + day
        + ": "
        + held.size()
        + (held.size() == 1 ? " held notification" : " held notifications");
  }

  /** The whole digest as plain text: title, figures, then each held notification. */
  public String text() {
    StringBuilder text = new StringBuilder(title()).append("\n\n");
    if (figures != null) {
      figures.lines().forEach(line -> text.append(line).append('\n'));
      text.append('\n');
    }
    if (held.isEmpty()) {
      text.append("Nothing was held overnight.\n");
    }
    for (AlertEvent event : held) {
      text.append(event.summary()).append(" (").append(event.at()).append(")\n");
    }
    return text.toString();
  }
}
