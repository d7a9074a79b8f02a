package app.omniy.core.alert;

import app.omniy.core.alert.evaluator.AlertEvaluator;
import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.core.memory.InMemoryStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An evaluator of some rules on an in-memory store, with helpers to feed and evaluate. */
final class Rig {
  /** Aligned to every bucket width the default rules use. */
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  final AlertStateStore store;
  final AlertEvaluator evaluator;
  final List<AlertEvent> events = new ArrayList<>();

  Rig(AlertRule... rules) {
    this(InMemoryStores.alertStates(), rules);
  }

  Rig(AlertStateStore store, AlertRule... rules) {
    this.store = store;
    this.evaluator = AlertEvaluator.create(List.of(rules), store);
  }

  static Instant at(Duration sinceT0) {
    return T0.plus(sinceT0);
  }

  static Instant minutes(long m) {
    return T0.plusSeconds(60 * m);
  }

  /** {@code n} events of {@code metric} with {@code tags}, at {@code at}. */
  Rig events(String metric, Map<String, String> tags, Instant at, int n) {
    evaluator.increment(metric, tags, at, n);
    return this;
  }

  Rig value(String metric, Map<String, String> tags, Instant at, double value) {
    evaluator.record(metric, tags, at, value);
    return this;
  }

  /** Evaluates at {@code now}, collecting the events, and returns the result. */
  AlertEvaluation evaluate(Instant now) {
    AlertEvaluation result = evaluator.evaluate(now);
    events.addAll(result.events());
    return result;
  }

  /** Evaluates every minute from minute {@code from} to {@code to} inclusive. */
  Rig evaluateEveryMinute(long from, long to) {
    for (long m = from; m <= to; m++) {
      evaluate(minutes(m));
    }
    return this;
  }

  /** The only status of the last evaluation of a single-series rule. */
  static AlertStatus only(AlertEvaluation result) {
    if (result.statuses().size() != 1) {
      throw new AssertionError("expected one status, got " + result.statuses());
    }
    return result.statuses().get(0);
  }

  List<AlertEvent.Kind> kinds() {
    return events.stream().map(AlertEvent::kind).toList();
  }

  static AlertKey key(AlertRule rule) {
    return new AlertKey(rule.id(), rule.labels());
  }
}
