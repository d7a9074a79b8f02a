package app.omniy.runtime.alert;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.alert.AlertEvaluation;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.evaluator.AlertEvaluator;
import app.omniy.core.alert.silence.Inhibition;
import app.omniy.core.alert.silence.MaintenanceSilences;
import app.omniy.core.alert.silence.NotificationGate;
import app.omniy.core.alert.silence.Silence;
import app.omniy.core.alert.spi.AlertRuleSource;
import app.omniy.core.alert.spi.AlertState;
import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.core.alert.spi.SilenceStore;
import app.omniy.core.memory.InMemoryStores;
import app.omniy.core.sla.TimeRange;
import app.omniy.core.sla.spi.DowntimeStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates alert rules on a schedule: each cycle reloads the rule file if it changed (a bad file
 * keeps the previous rules, ALERT-4), reads the {@link MeterRegistry}, evaluates at the clock's
 * instant and dispatches the events. The clock is read here, at the edge, and nowhere in the core.
 *
 * <pre>{@code
 * AlertRuntime alerts = AlertRuntime.builder(Clock.systemUTC(), dispatcher)
 *     .rules(ReloadableRules.load(Path.of("alerts.yaml")))
 *     .registry(meterRegistry)
 *     .build();
 * alerts.start(scheduler);           // at the rules' shortest interval (ALERT-5)
 * alerts.acknowledge(key, "yuki");   // ALERT-3
 * }</pre>
 *
 * <p>Each cycle evaluates the rules that are due ({@link AlertEvaluator#evaluateDue}): every rule
 * on its own {@link AlertRule#every()}, so with the default rules the application layer is
 * evaluated every 10 seconds, infrastructure every minute, external checks every 5 minutes and
 * business metrics every 10 (ALERT-5). The schedule runs at the shortest interval of the rules in
 * force when it starts, unless {@link Builder#every} sets it.
 *
 * <p>Reloaded rules start with empty windows; alert state lives in the store and carries over.
 *
 * <p>Silences and inhibitions (ALERT-2) apply at the dispatch of each cycle ({@link
 * NotificationGate}): a notification of an alert that a silence matches — one of the {@link
 * Builder#silences} store's, or the silence of a planned-maintenance period of the {@link
 * Builder#maintenance} ledger ({@link MaintenanceSilences}) — or that a firing source alert
 * inhibits ({@link Builder#inhibitions}, by default {@link Inhibition#DEFAULTS}) is held, not sent;
 * the alert keeps its state, and if it still fires once nothing holds it any more it notifies at
 * that cycle.
 *
 * <pre>{@code
 * alerts.silence(new Silence("db-migration", Map.of("id", "ALERT-C1"), start, end, "owner",
 *     "planned database migration"));
 * alerts.expireSilence("db-migration");
 * }</pre>
 */
public final class AlertRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertRuntime.class);

  private final Clock clock;
  private final NotificationDispatcher dispatcher;
  private final AlertStateStore store;
  private final @Nullable AlertRuleSource reloadable;
  private final @Nullable MeterRegistryBridge bridge;
  private final @Nullable Duration every;
  private final List<Consumer<Cycle>> afterCycle;
  private final SilenceStore silences;
  private final @Nullable DowntimeStore maintenance;
  private final List<Inhibition> inhibitions;
  private final NotificationGate gate = new NotificationGate();
  private List<AlertRule> rules;
  private AlertEvaluator evaluator;
  private @Nullable ScheduledFuture<?> schedule;

  /**
   * One cycle's result: what was evaluated, what was delivered, and what silences and inhibitions
   * held back (ALERT-2).
   *
   * @param evaluation the evaluation, every event included, muted or not
   * @param deliveries the deliveries of the notifications sent
   * @param muted the evaluation's notifications that were not sent, and why
   */
  public record Cycle(
      AlertEvaluation evaluation, List<Delivery> deliveries, List<NotificationGate.Muted> muted) {
    public Cycle {
      deliveries = List.copyOf(deliveries);
      muted = List.copyOf(muted);
    }

    /** A cycle that held nothing back. */
    public Cycle(AlertEvaluation evaluation, List<Delivery> deliveries) {
      this(evaluation, deliveries, List.of());
    }
  }

  private AlertRuntime(Builder b) {
    this.clock = b.clock;
    this.dispatcher = b.dispatcher;
    this.store = b.store;
    this.reloadable = b.reloadable;
    this.bridge = b.registry == null ? null : new MeterRegistryBridge(b.registry, b.canonicalNames);
    this.every = b.every;
    this.afterCycle = List.copyOf(b.afterCycle);
    this.silences = b.silences;
    this.maintenance = b.maintenance;
    this.inhibitions = b.inhibitions;
    this.rules = b.reloadable != null ? b.reloadable.current() : b.rules;
    this.evaluator = AlertEvaluator.create(rules, store);
  }

  /** A builder; the clock is the only place time is read. */
  public static Builder builder(Clock clock, NotificationDispatcher dispatcher) {
    if (clock == null || dispatcher == null) {
      throw new InvalidValueException(clock == null ? "clock" : "dispatcher", null, "is required");
    }
    return new Builder(clock, dispatcher);
  }

  /**
   * Runs one cycle now: reloads changed rules, reads the registry, evaluates, delivers the events,
   * then runs the {@link Builder#afterCycle} steps (the {@code Omniy} builder's incidents) on the
   * cycle, so every way of ticking the engine reaches them.
   */
  public synchronized Cycle tick() {
    if (reloadable != null && reloadable.reloadIfChanged()) {
      rules = reloadable.current();
      evaluator = AlertEvaluator.create(rules, store);
    }
    var now = clock.instant();
    if (bridge != null) {
      bridge.poll(evaluator, now);
    }
    AlertEvaluation evaluation = evaluator.evaluateDue(now);
    NotificationGate.Outcome gated = gate.apply(evaluation, silencesAt(now), inhibitions);
    Cycle cycle =
        new Cycle(evaluation, dispatcher.dispatch(gated.send(), evaluation.at()), gated.muted());
    for (Consumer<Cycle> step : afterCycle) {
      step.accept(cycle);
    }
    return cycle;
  }

  /** The silences that hold at {@code at}: the store's and the planned-maintenance periods'. */
  private List<Silence> silencesAt(Instant at) {
    List<Silence> active = new ArrayList<>(silences.activeAt(at));
    if (maintenance != null) {
      active.addAll(
          MaintenanceSilences.of(maintenance.overlapping(new TimeRange(at, at.plusSeconds(1)))));
    }
    return active;
  }

  /**
   * Adds {@code silence} to the store (replacing one with its id), so that every runtime sharing
   * the store holds the notifications it matches (ALERT-2).
   */
  public Silence silence(Silence silence) {
    silences.put(Require.nonNull(silence, "silence"));
    return silence;
  }

  /**
   * Ends the silence {@code id} now ({@link Silence#expiredAt}); an alert it held that still fires
   * notifies at the next cycle.
   *
   * @return the expired silence, or empty when there is none with that id
   */
  public Optional<Silence> expireSilence(String id) {
    return silences.expire(Require.nonNull(id, "id"), clock.instant());
  }

  /**
   * Every silence of the store, ordered by start, ended ones included, followed by those of the
   * planned-maintenance periods that hold now.
   */
  public List<Silence> silences() {
    List<Silence> all = new ArrayList<>(silences.all());
    if (maintenance != null) {
      Instant now = clock.instant();
      all.addAll(
          MaintenanceSilences.of(maintenance.overlapping(new TimeRange(now, now.plusSeconds(1)))));
    }
    return all;
  }

  /** The inhibitions in force. */
  public List<Inhibition> inhibitions() {
    return inhibitions;
  }

  /** Records a raw measured value now, e.g. one API latency for an exact percentile. */
  public synchronized void record(String metric, Map<String, String> tags, double value) {
    evaluator.record(metric, tags, clock.instant(), value);
  }

  /** Acknowledges a firing alert now (ALERT-3). */
  public synchronized AlertState acknowledge(AlertKey key, String by) {
    return evaluator.acknowledge(key, by, clock.instant());
  }

  /** The rules in force. */
  public synchronized List<AlertRule> rules() {
    return rules;
  }

  /**
   * How often {@link #start} runs a cycle: the builder's {@code every}, or else the shortest {@link
   * AlertRule#every()} of the rules in force (one minute without rules).
   */
  public synchronized Duration cycle() {
    if (every != null) {
      return every;
    }
    return rules.stream()
        .map(AlertRule::every)
        .min(Duration::compareTo)
        .orElse(AlertRule.DEFAULT_EVERY);
  }

  /** Runs a cycle every {@link #cycle()} on {@code scheduler}, which the caller owns. */
  public synchronized void start(ScheduledExecutorService scheduler) {
    if (schedule != null) {
      throw new IllegalStateException("already started");
    }
    long period = cycle().toMillis();
    schedule =
        scheduler.scheduleAtFixedRate(
            () -> {
              try {
                tick();
              } catch (RuntimeException e) {
                // A failed cycle must not cancel the schedule: the next one tries again.
                LOG.error("Alert evaluation failed", e);
              }
            },
            period,
            period,
            TimeUnit.MILLISECONDS);
  }

  /** Stops the schedule; a running cycle finishes. */
  @Override
  public synchronized void close() {
    if (schedule != null) {
      schedule.cancel(false);
      schedule = null;
    }
  }

  /** Builds an {@link AlertRuntime}. */
  public static final class Builder {
    private final Clock clock;
    private final NotificationDispatcher dispatcher;
    private AlertStateStore store = InMemoryStores.alertStates();
    private @Nullable AlertRuleSource reloadable;
    private List<AlertRule> rules = List.of();
    private @Nullable MeterRegistry registry;
    private UnaryOperator<String> canonicalNames = UnaryOperator.identity();
    private @Nullable Duration every;
    private final List<Consumer<Cycle>> afterCycle = new ArrayList<>();
    private SilenceStore silences = InMemoryStores.silences();
    private @Nullable DowntimeStore maintenance;
    private List<Inhibition> inhibitions = Inhibition.DEFAULTS;

    private Builder(Clock clock, NotificationDispatcher dispatcher) {
      this.clock = clock;
      this.dispatcher = dispatcher;
    }

    /** Fixed rules, such as {@code DefaultAlertRules.all()}. */
    public Builder rules(List<AlertRule> rules) {
      this.rules = List.copyOf(rules);
      this.reloadable = null;
      return this;
    }

    /** Rules from a file, reloaded at each cycle when it changed. */
    public Builder rules(AlertRuleSource rules) {
      this.reloadable = rules;
      return this;
    }

    /** Where alert state lives; share one store between runtimes to notify once. */
    public Builder store(AlertStateStore store) {
      this.store = store;
      return this;
    }

    /** The registry to read at each cycle. */
    public Builder registry(MeterRegistry registry) {
      return registry(registry, UnaryOperator.identity());
    }

    /**
     * The registry to read at each cycle, each meter under {@code canonicalNames} of its published
     * name: for a registry that publishes Omniy's meters under another prefix ({@code
     * MetricNaming.canonical}), so the rules still read {@code omniy.…}.
     */
    public Builder registry(MeterRegistry registry, UnaryOperator<String> canonicalNames) {
      this.registry = registry;
      this.canonicalNames = canonicalNames;
      return this;
    }

    /**
     * How often to run a cycle; defaults to the shortest evaluation interval of the rules
     * (ALERT-5). Each rule is still evaluated at most once per its own interval.
     */
    public Builder every(Duration every) {
      if (every == null || every.isNegative() || every.isZero()) {
        throw new InvalidValueException("every", every, "must be positive");
      }
      this.every = every;
      return this;
    }

    /**
     * Adds a step run at the end of every cycle, after delivery, with the cycle's result, inside
     * the cycle (a step that throws fails the cycle); the {@code Omniy} builder opens and recovers
     * incidents here.
     */
    public Builder afterCycle(Consumer<Cycle> step) {
      afterCycle.add(Require.nonNull(step, "afterCycle"));
      return this;
    }

    /**
     * Where silences live (ALERT-2); share one store between runtimes so a silence added through
     * one holds on all. Default: in memory.
     */
    public Builder silences(SilenceStore silences) {
      this.silences = Require.nonNull(silences, "silences");
      return this;
    }

    /**
     * The downtime ledger whose planned-maintenance periods (SLA-2) silence every alert while they
     * last ({@link MaintenanceSilences}). Default: none.
     */
    public Builder maintenance(DowntimeStore downtime) {
      this.maintenance = Require.nonNull(downtime, "maintenance");
      return this;
    }

    /**
     * The inhibitions (ALERT-2), such as a rule file's ({@code RuleFiles.readInhibitions}); default
     * {@link Inhibition#DEFAULTS} (ALERT-C1 inhibits ALERT-W1 and ALERT-W4); empty for none.
     */
    public Builder inhibitions(List<Inhibition> inhibitions) {
      this.inhibitions = List.copyOf(Require.nonNull(inhibitions, "inhibitions"));
      return this;
    }

    public AlertRuntime build() {
      Require.nonNull(store, "store");
      return new AlertRuntime(this);
    }
  }
}
