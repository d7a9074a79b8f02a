package app.omniy.files;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.AlertCondition;
import app.omniy.core.alert.AlertEvaluation;
import app.omniy.core.alert.AlertEvaluator;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertPhase;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.AlertStatus;
import app.omniy.core.alert.Evaluation;
import app.omniy.core.alert.spi.AlertKey;
import app.omniy.core.memory.InMemoryStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Replays samples through rules, evaluating at a fixed step as a runtime would, and reports every
 * state change and notification with its time ({@code omniy rules eval}).
 */
public final class Replay {
  private Replay() {}

  /**
   * One state change or notification.
   *
   * @param at the evaluation time
   * @param key the alert
   * @param from its phase before
   * @param to its phase after
   * @param evaluation what the evaluation found
   * @param event the notification it caused, or null
   */
  public record Change(
      Instant at,
      AlertKey key,
      AlertPhase from,
      AlertPhase to,
      Evaluation evaluation,
      @Nullable AlertEvent event) {

    /** {@code 2026-03-02T00:02:00Z ALERT-C1 inactive -> firing, FIRED [email]: 12% … > 10%}. */
    public String describe() {
      StringBuilder text =
          new StringBuilder().append(at).append(' ').append(key).append(' ').append(word(from));
      if (from != to) {
        text.append(" -> ").append(word(to));
      }
      if (event != null) {
        text.append(", ")
            .append(event.kind())
            .append(' ')
            .append(
                event.channels().stream()
                    .sorted()
                    .map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
                    .toList());
        if (event.toEscalationContact()) {
          text.append(" + escalation contact");
        }
      }
      return text.append(": ").append(evaluation.text()).toString();
    }

    private static String word(AlertPhase phase) {
      return phase.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Evaluates {@code rules} every {@code step} from the first sample's step to {@code until} (or
   * the last sample), feeding each sample before the first evaluation at or after its time.
   */
  public static List<Change> run(
      List<AlertRule> rules, List<Sample> samples, Duration step, @Nullable Instant until) {
    // Evaluations fall on whole milliseconds: a shorter step divided by zero below, a step beyond
    // a rule's longest duration overflowed milliseconds.
    if (step.compareTo(Duration.ofMillis(1)) < 0) {
      throw new InvalidValueException("every", step, "must be at least 1 ms");
    }
    if (step.compareTo(AlertCondition.MAX_DURATION) > 0) {
      throw new InvalidValueException(
          "every", step, "must be at most " + AlertCondition.MAX_DURATION.toDays() + " days");
    }
    List<Change> changes = new ArrayList<>();
    if (samples.isEmpty()) {
      return changes;
    }
    AlertEvaluator evaluator = AlertEvaluator.create(rules, InMemoryStores.alertStates());
    long stepMillis = step.toMillis();
    Instant first = samples.get(0).at();
    Instant t = Instant.ofEpochMilli(Math.floorDiv(first.toEpochMilli(), stepMillis) * stepMillis);
    Instant last = samples.get(samples.size() - 1).at();
    Instant end = until != null && until.isAfter(last) ? until : last.plus(step);
    Map<AlertKey, AlertPhase> phases = new HashMap<>();
    int next = 0;
    for (; !t.isAfter(end); t = t.plus(step)) {
      while (next < samples.size() && !samples.get(next).at().isAfter(t)) {
        feed(evaluator, samples.get(next++));
      }
      AlertEvaluation result = evaluator.evaluate(t);
      Map<AlertKey, AlertEvent> events = new HashMap<>();
      result.events().forEach(e -> events.put(e.key(), e));
      for (AlertStatus status : result.statuses()) {
        AlertPhase before = phases.getOrDefault(status.key(), AlertPhase.INACTIVE);
        AlertEvent event = events.get(status.key());
        if (before != status.phase() || event != null) {
          changes.add(
              new Change(t, status.key(), before, status.phase(), status.evaluation(), event));
        }
        phases.put(status.key(), status.phase());
      }
    }
    return changes;
  }

  private static void feed(AlertEvaluator evaluator, Sample sample) {
    if (sample.kind() == Sample.Kind.COUNT) {
      evaluator.increment(sample.metric(), sample.tags(), sample.at(), (long) sample.value());
    } else {
      evaluator.record(sample.metric(), sample.tags(), sample.at(), sample.value());
    }
  }
}
