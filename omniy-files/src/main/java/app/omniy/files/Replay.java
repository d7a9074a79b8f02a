package app.omniy.files;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.alert.AlertEvaluation;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertPhase;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.AlertStatus;
import app.omniy.core.alert.Evaluation;
import app.omniy.core.alert.evaluator.AlertEvaluator;
import app.omniy.core.alert.silence.Inhibition;
import app.omniy.core.alert.silence.NotificationGate;
import app.omniy.core.alert.silence.Silence;
import app.omniy.core.memory.InMemoryStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Replays samples through rules, evaluating at a fixed step as a runtime would, and reports every
 * state change and notification with its time ({@code omniy rules eval}). As in a runtime, each
 * step evaluates the rules that are due ({@link AlertEvaluator#evaluateDue}): a rule whose {@code
 * every} is longer than the step is evaluated at the first step of each of its intervals.
 *
 * <p>A replay is fed one sample at a time, in time order, and hands each change over as soon as the
 * evaluation that found it has run, so a replay of any length holds no more than the evaluator's
 * windows: {@code Replay.start(rules, step, until, print)}, then {@link #feed} each sample, then
 * {@link #finish}. It covers at most {@link #MAX_SPAN} from its first sample.
 */
public final class Replay {
  /** The shortest step: finer than any runtime evaluates (ALERT-5: every minute at most). */
  public static final Duration MIN_STEP = Duration.ofSeconds(1);

  /** The longest step: a coarser one would step over whole alerts. */
  public static final Duration MAX_STEP = Duration.ofDays(1);

  /**
   * The longest stretch one replay covers, from its first sample to its end: a year and a day, as
   * for a rule's durations ({@link app.omniy.core.alert.AlertCondition#MAX_DURATION}). At the
   * shortest step that is 31.6 million evaluations; an end in year 9999 would never finish.
   */
  public static final Duration MAX_SPAN = Duration.ofDays(366);

  private final AlertEvaluator evaluator;
  private final Duration step;
  private final long stepMillis;
  private final @Nullable Instant until;
  private final Consumer<? super Change> changes;
  private final Map<AlertKey, AlertPhase> phases = new HashMap<>();
  private final List<Inhibition> inhibitions;
  private final List<Silence> silences;
  private final NotificationGate gate = new NotificationGate();
  private @Nullable Instant first;
  private @Nullable Instant last;
  private @Nullable Instant next;
  private boolean finished;

  private Replay(
      List<AlertRule> rules,
      List<Inhibition> inhibitions,
      List<Silence> silences,
      Duration step,
      @Nullable Instant until,
      Consumer<? super Change> changes) {
    this.evaluator = AlertEvaluator.create(rules, InMemoryStores.alertStates());
    this.inhibitions = List.copyOf(inhibitions);
    this.silences = List.copyOf(silences);
    this.step = step;
    this.stepMillis = step.toMillis();
    this.until = until;
    this.changes = changes;
  }

  /**
   * One state change or notification.
   *
   * @param at the evaluation time
   * @param key the alert
   * @param from its phase before
   * @param to its phase after
   * @param evaluation what the evaluation found
   * @param event the notification it caused, or null
   * @param muted why that notification was not sent (a silence or an inhibition, ALERT-2), or null
   *     when it was sent or there is none
   */
  public record Change(
      Instant at,
      AlertKey key,
      AlertPhase from,
      AlertPhase to,
      Evaluation evaluation,
      @Nullable AlertEvent event,
      NotificationGate.@Nullable Muted muted) {

    /** A change whose notification, if any, was sent. */
    public Change(
        Instant at,
        AlertKey key,
        AlertPhase from,
        AlertPhase to,
        Evaluation evaluation,
        @Nullable AlertEvent event) {
      this(at, key, from, to, evaluation, event, null);
    }

    /**
     * The change in one line a script can split on spaces: time, rule id, labels, the word, then
     * who was notified, a colon and the finding in words:
     *
     * <pre>
     * 2026-03-02T09:01:00Z ALERT-C1 {} FIRED slack,sms,email: 12% (12 of 100) &gt; 10%
     * 2026-03-02T09:05:00Z ALERT-I2 {account=1784} PENDING -: latest 0.95 &gt; 0.8
     * 2026-03-02T09:17:00Z ALERT-C1 {} ESCALATED slack,sms,email,escalation-contact: …
     * 2026-03-02T09:23:00Z ALERT-C4 {} RESOLVED slack,email: not enough data to confirm: …
     * </pre>
     *
     * <p>Labels are sorted, written {@code {name=value,…}}, with a space, comma, {@code =}, brace,
     * {@code %} or control character in a name or value percent-encoded ({@code %20}). The word is
     * {@link #word()}; the notified are the channels in enum order, plus {@code escalation-contact}
     * on an escalation, or {@code -} for a change that notifies no one; {@code silenced} or {@code
     * inhibited} for a notification a silence or an inhibition held back (ALERT-2). An alert still
     * firing when its silence or inhibition ends notifies then: a line with its notification's word
     * ({@code FIRED}, …) at that evaluation.
     */
    public String describe() {
      StringBuilder text =
          new StringBuilder()
              .append(at)
              .append(' ')
              .append(key.ruleId())
              .append(' ')
              .append(labels(key.labels()))
              .append(' ')
              .append(word())
              .append(' ');
      if (event == null) {
        text.append('-');
      } else if (muted != null) {
        text.append(muted.reason().word());
      } else {
        List<String> notified = new ArrayList<>();
        event.channels().forEach(c -> notified.add(c.name().toLowerCase(java.util.Locale.ROOT)));
        if (event.toEscalationContact()) {
          notified.add("escalation-contact");
        }
        text.append(String.join(",", notified));
      }
      return text.append(": ")
          .append(event == null ? evaluation.text() : event.reason())
          .toString();
    }

    /**
     * What happened, in one upper-case word: the notification's kind ({@code FIRED}, {@code
     * REPEATED}, {@code ESCALATED}, {@code RESOLVED}); else the phase entered ({@code PENDING}, or
     * {@code INACTIVE} when a pending alert stopped holding before it fired).
     */
    public String word() {
      return event != null ? event.kind().name() : to.name();
    }

    private static String labels(Map<String, String> labels) {
      StringBuilder text = new StringBuilder("{");
      new java.util.TreeMap<>(labels)
          .forEach(
              (name, value) -> {
                if (text.length() > 1) {
                  text.append(',');
                }
                text.append(encode(name)).append('=').append(encode(value));
              });
      return text.append('}').toString();
    }

    private static String encode(String text) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (ch <= ' '
            || ch == ','
            || ch == '='
            || ch == '{'
            || ch == '}'
            || ch == '%'
            || ch == 0x7f) {
          out.append('%').append(String.format(java.util.Locale.ROOT, "%02X", (int) ch));
        } else {
          out.append(ch);
        }
      }
      return out.toString();
    }
  }

  /**
   * A replay of {@code rules} evaluating every {@code step} from the first sample's step to {@code
   * until} (or one step past the last sample), handing each change to {@code changes} as it is
   * found.
   *
   * @throws InvalidValueException naming {@code every} if the step is not from {@link #MIN_STEP} to
   *     {@link #MAX_STEP} in whole milliseconds
   */
  public static Replay start(
      List<AlertRule> rules,
      Duration step,
      @Nullable Instant until,
      Consumer<? super Change> changes) {
    return start(rules, List.of(), List.of(), step, until, changes);
  }

  /**
   * As {@link #start(List, Duration, Instant, Consumer)}, with {@code inhibitions} ({@link
   * RuleFiles#readInhibitions}) and {@code silences} ({@link SilencesFile}) applied to the
   * notifications as a runtime applies them ({@link NotificationGate}): a held notification's
   * change says {@code silenced} or {@code inhibited}, and an alert still firing when nothing holds
   * it any more notifies then.
   *
   * @throws InvalidValueException naming {@code every} if the step is not from {@link #MIN_STEP} to
   *     {@link #MAX_STEP} in whole milliseconds
   */
  public static Replay start(
      List<AlertRule> rules,
      List<Inhibition> inhibitions,
      List<Silence> silences,
      Duration step,
      @Nullable Instant until,
      Consumer<? super Change> changes) {
    checkStep(step);
    Require.nonNull(inhibitions, "inhibitions");
    Require.nonNull(silences, "silences");
    return new Replay(rules, inhibitions, silences, step, until, changes);
  }

  /**
   * Evaluates {@code rules} every {@code step} from the first sample's step to {@code until} (or
   * one step past the last sample), feeding each sample before the first evaluation at or after its
   * time. Holds every change in memory: a long replay should {@link #start} one instead.
   */
  public static List<Change> run(
      List<AlertRule> rules, List<Sample> samples, Duration step, @Nullable Instant until) {
    return run(rules, List.of(), List.of(), samples, step, until);
  }

  /**
   * As {@link #run(List, List, Duration, Instant)}, with {@code inhibitions} and {@code silences}
   * ({@link #start(List, List, List, Duration, Instant, Consumer)}).
   */
  public static List<Change> run(
      List<AlertRule> rules,
      List<Inhibition> inhibitions,
      List<Silence> silences,
      List<Sample> samples,
      Duration step,
      @Nullable Instant until) {
    List<Change> changes = new ArrayList<>();
    Replay replay = start(rules, inhibitions, silences, step, until, changes::add);
    List<Sample> inOrder = new ArrayList<>(samples);
    inOrder.sort(Comparator.comparing(Sample::at));
    inOrder.forEach(replay::feed);
    replay.finish();
    return changes;
  }

  /**
   * Runs every evaluation before the sample's time, then feeds it.
   *
   * @throws InvalidValueException naming {@code time} if the sample is out of time order, outside
   *     the years 1970 to 9999 or more than {@link #MAX_SPAN} after the first; naming {@code until}
   *     at the first sample, if {@code until} is more than {@link #MAX_SPAN} after it
   */
  public void feed(Sample sample) {
    if (finished) {
      throw new IllegalStateException("the replay is finished");
    }
    Instant at = sample.at();
    if (at.isBefore(SampleFiles.EARLIEST) || at.isAfter(SampleFiles.LATEST)) {
      throw new InvalidValueException("time", at, "must be from 1970 to 9999");
    }
    if (first == null) {
      Instant limit = at.plus(MAX_SPAN);
      if (until != null && until.isAfter(limit)) {
        throw new InvalidValueException(
            "until", until, "must be at most 366 days after the first sample, " + at);
      }
      first = at;
      next = Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), stepMillis) * stepMillis);
    } else if (last != null && at.isBefore(last)) {
      throw new InvalidValueException(
          "time", at, "is before the sample before it, " + last + ": replay samples in time order");
    } else if (at.isAfter(first.plus(MAX_SPAN))) {
      throw new InvalidValueException(
          "time", at, "is more than 366 days after the first sample, " + first);
    }
    last = at;
    while (next.isBefore(at)) {
      evaluate(next);
      next = next.plus(step);
    }
    if (sample.kind() == Sample.Kind.COUNT) {
      evaluator.increment(sample.metric(), sample.tags(), at, (long) sample.value());
    } else {
      evaluator.record(sample.metric(), sample.tags(), at, sample.value());
    }
  }

  /** Runs the evaluations left: to {@code until}, or one step past the last sample. */
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (first == null || last == null || next == null) {
      return; // no samples, nothing to evaluate
    }
    Instant end = until != null && until.isAfter(last) ? until : last.plus(step);
    for (; !next.isAfter(end); next = next.plus(step)) {
      evaluate(next);
    }
  }

  private void evaluate(Instant t) {
    AlertEvaluation result = evaluator.evaluateDue(t);
    NotificationGate.Outcome gated = gate.apply(result, silences, inhibitions);
    Map<AlertKey, AlertEvent> events = new HashMap<>();
    result.events().forEach(e -> events.put(e.key(), e));
    for (AlertStatus status : result.statuses()) {
      AlertPhase before = phases.getOrDefault(status.key(), AlertPhase.INACTIVE);
      AlertEvent event = events.get(status.key());
      if (before != status.phase() || event != null) {
        NotificationGate.Muted muted = event == null ? null : gated.mutedOf(event).orElse(null);
        changes.accept(
            new Change(t, status.key(), before, status.phase(), status.evaluation(), event, muted));
      }
      phases.put(status.key(), status.phase());
    }
    for (AlertEvent released : gated.released()) {
      changes.accept(
          new Change(
              t,
              released.key(),
              AlertPhase.FIRING,
              AlertPhase.FIRING,
              released.evaluation(),
              released,
              null));
    }
  }

  private static void checkStep(Duration step) {
    Require.nonNull(step, "every");
    if (step.compareTo(MIN_STEP) < 0
        || step.compareTo(MAX_STEP) > 0
        || step.getNano() % 1_000_000 != 0) {
      throw new InvalidValueException(
          "every", step, "must be from " + MIN_STEP + " to " + MAX_STEP + " in whole milliseconds");
    }
  }
}
