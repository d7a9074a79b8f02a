package app.omniy.core.alert.evaluator;

import app.omniy.core.InvalidValueException;
import app.omniy.core.OmniyException;
import app.omniy.core.Require;
import app.omniy.core.alert.Acknowledgement;
import app.omniy.core.alert.Aggregation;
import app.omniy.core.alert.AlertCondition;
import app.omniy.core.alert.AlertEvaluation;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertPhase;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.AlertStatus;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.CounterTotals;
import app.omniy.core.alert.Evaluation;
import app.omniy.core.alert.SampleRecorder;
import app.omniy.core.alert.spi.AlertState;
import app.omniy.core.alert.spi.AlertStateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a set of rules over the samples fed to it and returns what to notify (ALERT-1 …
 * ALERT-3). It sends nothing and reads no clock: every call takes its time.
 *
 * <pre>{@code
 * AlertEvaluator evaluator = AlertEvaluator.create(DefaultAlertRules.all(), InMemoryStores.alertStates());
 * evaluator.increment(MetricNames.POST_ATTEMPTS, Map.of("outcome", "failure"), now, 3);
 * AlertEvaluation result = evaluator.evaluate(now);
 * result.events().forEach(event -> notifier.send(event));
 * }</pre>
 *
 * <p>Samples are kept per rule and label set in fixed-size time buckets ({@code SeriesWindow}), so
 * memory grows with the number of label sets, never with traffic. Alert state goes through the
 * {@link AlertStateStore}: runtimes sharing a store notify each change once. Every event carries
 * its alert's {@link app.omniy.core.alert.AlertSignal}: when its cause went bad and good again,
 * judged on each evaluation interval's own samples rather than on the window.
 *
 * <p>Not thread-safe: feed and evaluate from one thread, or guard the evaluator with a lock.
 */
public final class AlertEvaluator {
  private static final int MAX_WRITE_ATTEMPTS = 16;

  private final List<AlertRule> rules;
  private final AlertStateStore store;
  private final Map<String, List<Rule>> byMetric = new HashMap<>();
  private final List<Rule> compiled = new ArrayList<>();
  private final Map<Meter, RecorderTargets> recorders = new HashMap<>();
  private final Signals signals = new Signals();
  private @Nullable Instant firstEvaluation;

  private AlertEvaluator(List<AlertRule> rules, AlertStateStore store) {
    this.rules = List.copyOf(rules);
    this.store = store;
    for (AlertRule rule : this.rules) {
      Rule r = new Rule(rule);
      compiled.add(r);
      byMetric.computeIfAbsent(rule.condition().metric(), m -> new ArrayList<>()).add(r);
    }
  }

  /**
   * An evaluator of {@code rules} keeping its alert state in {@code store}.
   *
   * @throws InvalidValueException if a rule is missing or two rules share an ID
   */
  public static AlertEvaluator create(List<AlertRule> rules, AlertStateStore store) {
    Require.nonNull(rules, "rules");
    Require.nonNull(store, "store");
    Set<String> ids = new HashSet<>();
    for (AlertRule rule : rules) {
      Require.nonNull(rule, "rules[]");
      if (!ids.add(rule.id())) {
        throw new InvalidValueException(
            "rules", rule.id(), "appears twice: rule IDs must be unique");
      }
    }
    return new AlertEvaluator(rules, store);
  }

  /** The rules, in the order given. */
  public List<AlertRule> rules() {
    return rules;
  }

  /**
   * The recorder of one meter: {@code metric} with exactly {@code tags}. Hold on to it to record
   * without lookups.
   */
  public SampleRecorder recorder(String metric, Map<String, String> tags) {
    Require.nonNull(metric, "metric");
    Require.nonNull(tags, "tags");
    Meter meter = new Meter(metric, Map.copyOf(tags));
    RecorderTargets targets = recorders.get(meter);
    if (targets == null) {
      targets = resolve(meter);
      recorders.put(meter, targets);
    }
    return targets;
  }

  /** Records a measured value, or one event for share and occurrence rules. */
  public void record(String metric, Map<String, String> tags, Instant at, double value) {
    recorder(metric, tags).record(Require.nonNull(at, "at").toEpochMilli(), value);
  }

  /** Records {@code count} new events of a counter (see {@link CounterTotals} for totals). */
  public void increment(String metric, Map<String, String> tags, Instant at, long count) {
    Require.atLeast(count, 0, "count");
    recorder(metric, tags).increment(Require.nonNull(at, "at").toEpochMilli(), count);
  }

  private RecorderTargets resolve(Meter meter) {
    List<SeriesWindow> windows = new ArrayList<>();
    List<Boolean> numerator = new ArrayList<>();
    for (Rule rule : byMetric.getOrDefault(meter.metric(), List.of())) {
      AlertCondition condition = rule.rule.condition();
      if (!condition.filter().matches(meter.tags())) {
        continue;
      }
      windows.add(rule.series(labels(rule.rule, meter.tags())));
      numerator.add(
          condition.aggregation() instanceof Aggregation.ShareOf share
              && share.numerator().matches(meter.tags()));
    }
    return new RecorderTargets(windows, numerator);
  }

  private static Map<String, String> labels(AlertRule rule, Map<String, String> tags) {
    Map<String, String> labels = new LinkedHashMap<>(rule.labels());
    for (String tag : rule.condition().groupBy()) {
      String value = tags.get(tag);
      if (value != null) {
        labels.put(tag, value);
      }
    }
    return labels;
  }

  /**
   * Evaluates every rule and label set at {@code now}, whatever their {@link AlertRule#every()},
   * stores the changes and returns the notifications to send.
   *
   * @throws OmniyException if the store keeps rejecting writes (another runtime racing endlessly)
   */
  public AlertEvaluation evaluate(Instant now) {
    return evaluate(now, false);
  }

  /**
   * Evaluates the rules that are due at {@code now}, as a runtime on a schedule does (ALERT-5): a
   * rule is due at the first call in each interval of its {@link AlertRule#every()}, intervals
   * counted from the epoch. With a 5-minute rule and a call every minute, the calls at 12:00,
   * 12:05, … evaluate it; the others skip it and list no status for it. Calls further apart than a
   * rule's interval evaluate it at each call.
   *
   * @throws OmniyException if the store keeps rejecting writes (another runtime racing endlessly)
   */
  public AlertEvaluation evaluateDue(Instant now) {
    return evaluate(now, true);
  }

  private AlertEvaluation evaluate(Instant now, boolean dueOnly) {
    Require.nonNull(now, "now");
    if (firstEvaluation == null) {
      firstEvaluation = now;
    }
    long millis = now.toEpochMilli();
    List<AlertEvent> events = new ArrayList<>();
    List<AlertStatus> statuses = new ArrayList<>();
    for (Rule rule : compiled) {
      long slot = Math.floorDiv(millis, rule.everyMillis);
      if (dueOnly && rule.evaluated && slot <= rule.lastSlot) {
        continue;
      }
      rule.evaluated = true;
      rule.lastSlot = slot;
      if (rule.series.isEmpty()) {
        AlertKey key = new AlertKey(rule.rule.id(), rule.rule.labels());
        Evaluation none =
            new Evaluation(
                Evaluation.Outcome.NO_DATA,
                null,
                0,
                "no data in the last " + AlertCondition.words(rule.rule.condition().over()));
        statuses.add(apply(rule.rule, key, none, now, events));
        continue;
      }
      for (Map.Entry<Map<String, String>, SeriesWindow> series : rule.series.entrySet()) {
        AlertKey key = new AlertKey(rule.rule.id(), series.getKey());
        Evaluation evaluation = series.getValue().evaluate(millis);
        signals.observe(key, series.getValue(), now);
        statuses.add(apply(rule.rule, key, evaluation, now, events));
      }
    }
    return new AlertEvaluation(now, events, statuses);
  }

  private AlertStatus apply(
      AlertRule rule, AlertKey key, Evaluation evaluation, Instant now, List<AlertEvent> events) {
    for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      AlertState current = store.find(key).orElseGet(() -> AlertState.inactive(key));
      if (current.phase() == AlertPhase.FIRING && blindTo(rule, evaluation, now)) {
        // Too little or no data in a window this evaluator has not yet watched whole: a runtime
        // that took over, or rules just reloaded, lacks the samples another evaluator saw, and
        // resolving on that would falsely resolve and re-fire (ALERT-2).
        return new AlertStatus(key, current.phase(), evaluation);
      }
      Transitions.Step step = Transitions.step(rule, current, evaluation, now);
      if (step.next().sameAs(current)) {
        return new AlertStatus(key, current.phase(), evaluation);
      }
      AlertState next = step.next().withVersion(current.version() + 1);
      if (store.compareAndSet(next)) {
        if (step.kind() != null) {
          events.add(
              event(rule, step.kind(), next, evaluation, now)
                  .withSignal(signals.on(key, step.kind())));
        }
        return new AlertStatus(key, next.phase(), evaluation);
      }
    }
    throw new OmniyException("alert state of " + key + " kept changing under another writer");
  }

  /**
   * Whether a lack of data says nothing yet: too little or no data while this evaluator has watched
   * less than one whole window of the rule.
   */
  private boolean blindTo(AlertRule rule, Evaluation evaluation, Instant now) {
    Evaluation.Outcome outcome = evaluation.outcome();
    boolean lacking =
        outcome == Evaluation.Outcome.TOO_LITTLE_DATA || outcome == Evaluation.Outcome.NO_DATA;
    Instant first = firstEvaluation;
    return lacking && first != null && now.isBefore(first.plus(rule.condition().over()));
  }

  private static AlertEvent event(
      AlertRule rule, AlertEvent.Kind kind, AlertState state, Evaluation evaluation, Instant now) {
    boolean escalation = kind == AlertEvent.Kind.ESCALATED;
    Set<Channel> channels = EnumSet.copyOf(rule.channels());
    if (escalation) {
      channels.addAll(Channel.ESCALATION);
    }
    Instant since = state.firingSince() == null ? now : state.firingSince();
    return new AlertEvent(
        kind,
        rule,
        state.key(),
        now,
        since,
        evaluation,
        channels,
        escalation,
        state.acknowledgement());
  }

  /**
   * Records that {@code by} answered the firing alert {@code key} at {@code at} (ALERT-3). An
   * acknowledgement at or before the deadline stops the escalation; a second one is ignored.
   *
   * @return the alert's state after the acknowledgement
   * @throws InvalidValueException if the alert is not firing
   */
  public AlertState acknowledge(AlertKey key, String by, Instant at) {
    Acknowledgement ack = new Acknowledgement(by, at);
    Require.nonNull(key, "key");
    for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      AlertState current = store.find(key).orElseGet(() -> AlertState.inactive(key));
      if (current.phase() != AlertPhase.FIRING) {
        throw new InvalidValueException(
            "key",
            key,
            "is not firing (" + current.phase().name().toLowerCase(java.util.Locale.ROOT) + ")");
      }
      if (current.acknowledgement() != null) {
        return current;
      }
      AlertState next =
          new AlertState(
              key,
              current.phase(),
              current.pendingSince(),
              current.firingSince(),
              current.lastNotifiedAt(),
              current.resolvedAt(),
              ack,
              current.escalated(),
              current.lastHeldAt(),
              current.version() + 1);
      if (store.compareAndSet(next)) {
        return next;
      }
    }
    throw new OmniyException("alert state of " + key + " kept changing under another writer");
  }

  /** A metric with one exact tag set. */
  private record Meter(String metric, Map<String, String> tags) {}

  /** A rule with its series, one per label set, in the order first seen. */
  private static final class Rule {
    final AlertRule rule;
    final Map<Map<String, String>, SeriesWindow> series = new LinkedHashMap<>();
    final long everyMillis;
    boolean evaluated;
    long lastSlot;

    Rule(AlertRule rule) {
      this.rule = rule;
      this.everyMillis = rule.every().toMillis();
      if (rule.condition().groupBy().isEmpty()) {
        series(rule.labels());
      }
    }

    SeriesWindow series(Map<String, String> labels) {
      return series.computeIfAbsent(Map.copyOf(labels), l -> new SeriesWindow(rule.condition()));
    }
  }
}
