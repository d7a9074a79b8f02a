package app.omniy.runtime;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.spi.AlertRuleSource;
import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.backup.spi.LastBackup;
import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.dispatch.Dispatcher;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostValidator;
import app.omniy.core.post.service.PostService;
import app.omniy.core.post.spi.CircuitState;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.support.SupportDeadlines;
import app.omniy.core.support.spi.SupportTicketStore;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.runtime.internal.AlertWiring;
import app.omniy.runtime.internal.DispatchLoop;
import app.omniy.runtime.internal.Listeners;
import app.omniy.runtime.internal.MaintenanceWiring;
import app.omniy.runtime.maintenance.MaintenanceScheduler;
import app.omniy.runtime.support.OverdueTickets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A started Omniy: the store, the publisher, the dispatcher on its worker pool, metrics and health,
 * wired by one builder. The smallest host needs three lines:
 *
 * <pre>{@code
 * Omniy omniy = Omniy.builder().publisher(publisher).start();
 * omniy.posts().schedule(post);
 * omniy.close(); // running attempts finish; no post is left claimed
 * }</pre>
 *
 * Defaults: an {@link InMemoryPostStore}, a {@link SimpleMeterRegistry}, the UTC system clock, 4
 * workers, the core's default retry and quota policies.
 */
public final class Omniy implements AutoCloseable {
  private final PostStore store;
  private final PostService posts;
  private final Dispatcher dispatcher;
  private final DispatchLoop loop;
  private final MeterRegistry meters;
  private final Publisher publisher;
  private final OmniyMetrics metrics;
  private final Clock clock;
  private final Duration shutdownGrace;
  private final AtomicReference<Duration> lastLateness = new AtomicReference<>(Duration.ZERO);
  private final HealthThresholds thresholds;
  private final @Nullable LastBackup lastBackup;
  private final AlertWiring.@Nullable Running alerts;
  private final @Nullable MaintenanceWiring maintenance;

  private Omniy(Builder b, Publisher publisher) {
    this.store = b.store;
    this.publisher = publisher;
    this.clock = b.clock;
    this.meters = b.meters;
    if (!b.metricNaming.isDefault()) {
      // Before any meter of this runtime is registered, so each is published under the host's
      // prefix; the alert engine reads them back under their own names.
      meters.config().meterFilter(b.metricNaming.filter());
    }
    this.shutdownGrace = b.shutdownGrace;
    this.posts = new PostService(store, publisher, b.validator, clock);
    List<DispatchListener> all = new ArrayList<>();
    DispatchListener lateness =
        new DispatchListener() {
          @Override
          public void attemptStarted(PostRecord post, Duration late) {
            if (post.attempt() == 1) {
              lastLateness.set(late);
            }
          }
        };
    // The meters hear every event first; the gauges read this runtime once it is started.
    this.metrics =
        new OmniyMetrics(this::inFlight, this::claimLimit, () -> paused().isPresent() ? 1 : 0);
    all.add(metrics);
    all.add(lateness);
    all.addAll(b.listeners);
    this.dispatcher =
        new Dispatcher(store, publisher, b.settings, new Listeners(all), new SplittableRandom());
    this.loop = new DispatchLoop(dispatcher, clock, b.threads, b.pollInterval, b.slowAttempt);
    metrics.bindTo(meters);
    this.thresholds = b.thresholds;
    // Built before the alert engine starts its threads, so a bad task id leaks none.
    this.maintenance =
        b.maintenance == null
            ? null
            : MaintenanceWiring.build(clock, meters, b.settings.owner(), b.maintenance);
    // Without a host's supplier, a backup task this runtime runs tells the health check (BAK-1).
    this.lastBackup =
        b.lastBackup != null || maintenance == null
            ? b.lastBackup
            : maintenance.scheduler().tasks(LastBackup.class).stream().findFirst().orElse(null);
    if (b.supportTickets != null) {
      // SUP-1: bound before the alert engine's first poll, so the default rule sees it at once.
      OverdueTickets.of(b.supportTickets, b.supportDeadlines, clock).bindTo(meters);
    }
    this.alerts =
        b.alerting.enabled() ? b.alerting.start(clock, meters, b.metricNaming::canonical) : null;
  }

  /**
   * The publisher's circuit breaker if it has one ({@link Publisher#circuit()}: open is {@code
   * DOWN}, half-open {@code DEGRADED}), then the runtime's back-pressure (congested is {@code
   * DEGRADED}).
   */
  private HealthCheck publisherCheck() {
    CircuitState circuit;
    try {
      circuit = publisher.circuit().orElse(CircuitState.CLOSED);
    } catch (RuntimeException e) {
      circuit = CircuitState.CLOSED; // a publisher's bug: judged by back-pressure alone
    }
    if (circuit == CircuitState.OPEN) {
      return new HealthCheck(
          "publisher", HealthStatus.DOWN, "circuit open: calls fail fast without reaching the API");
    }
    if (circuit == CircuitState.HALF_OPEN) {
      return new HealthCheck(
          "publisher", HealthStatus.DEGRADED, "circuit half-open: trial calls reach the API");
    }
    int limit = loop.claimLimit();
    return limit < loop.threads()
        ? new HealthCheck(
            "publisher",
            HealthStatus.DEGRADED,
            "congested (no answer, open circuit or rate limit): "
                + limit
                + " of "
                + loop.threads()
                + " attempts allowed")
        : new HealthCheck("publisher", HealthStatus.UP, "answering");
  }

  /** A builder with the embedded defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Schedule, edit, cancel and retry posts (POST-1 … POST-7). */
  public PostService posts() {
    return posts;
  }

  /** The store posts live in. */
  public PostStore store() {
    return store;
  }

  /** The registry the meters are bound to. */
  public MeterRegistry meterRegistry() {
    return meters;
  }

  /**
   * The alert engine evaluating this runtime's meters, if a notifier was configured: tick it,
   * acknowledge alerts (ALERT-3), read its rules.
   */
  public Optional<AlertRuntime> alerts() {
    return alerts == null ? Optional.empty() : Optional.of(alerts.runtime());
  }

  /**
   * The maintenance scheduler, if {@link Builder#maintenance} configured one: its run history, the
   * next due instant, {@code tick()} for a host that drives it.
   */
  public Optional<MaintenanceScheduler> maintenance() {
    return maintenance == null ? Optional.empty() : Optional.of(maintenance.scheduler());
  }

  /** The dispatcher's meters. */
  public OmniyMetrics metrics() {
    return metrics;
  }

  /**
   * Stops claiming posts (INC-4: "disable a feature by flag"): nothing is lost, due posts wait and
   * go out on {@link #resume}, or fail as missed if the pause outlasts their window (POST-6).
   */
  public void pause(String reason) {
    dispatcher.pause(reason);
  }

  /** Publishes again after {@link #pause}. */
  public void resume() {
    dispatcher.resume();
  }

  /** Why publishing is paused, if it is. */
  public Optional<String> paused() {
    return dispatcher.paused();
  }

  /** Marks an account as needing re-authorisation: its posts wait and warn (POST-11). */
  public void accountNeedsReauth(String accountId) {
    dispatcher.accountNeedsReauth(accountId);
  }

  /** The owner reconnected the account. */
  public void accountReauthorised(String accountId) {
    dispatcher.accountReauthorised(accountId);
  }

  /** Posts claimed and not yet finished: attempts running or about to. */
  public int inFlight() {
    return loop.inFlight();
  }

  /** Attempts the back-pressure allows at once now (at most the worker threads). */
  public int claimLimit() {
    return loop.claimLimit();
  }

  /**
   * The runtime's health: store reachable, dispatch loop alive and not lagging, publisher
   * congestion (back-pressure), lateness of the last first attempt, pause, accounts waiting for
   * re-authorisation, the oldest unclaimed due post and the last backup's age ({@link
   * HealthThresholds}; an unknown backup is {@code UNKNOWN}).
   */
  public HealthReport health() {
    Instant now = clock.instant();
    List<HealthCheck> checks = new ArrayList<>();
    checks.add(storeCheck());
    Duration lag = Duration.between(loop.lastTurn(), now);
    checks.add(
        !loop.running()
            ? new HealthCheck("dispatcher", HealthStatus.DOWN, "stopped")
            : lag.compareTo(Duration.ofSeconds(30)) > 0
                ? new HealthCheck("dispatcher", HealthStatus.DOWN, "no dispatch turn for " + lag)
                : new HealthCheck(
                    "dispatcher", HealthStatus.UP, loop.inFlight() + " attempts running"));
    checks.add(publisherCheck());
    Duration late = lastLateness.get();
    checks.add(
        new HealthCheck(
            "lateness",
            late.compareTo(Duration.ofMinutes(1)) > 0 ? HealthStatus.DEGRADED : HealthStatus.UP,
            "last first attempt started " + late + " after its publish time"));
    checks.add(
        dispatcher
            .paused()
            .map(why -> new HealthCheck("publishing", HealthStatus.DEGRADED, "paused: " + why))
            .orElse(new HealthCheck("publishing", HealthStatus.UP, "running")));
    var reauth = dispatcher.accountsNeedingReauth();
    checks.add(
        new HealthCheck(
            "accounts",
            reauth.isEmpty() ? HealthStatus.UP : HealthStatus.DEGRADED,
            reauth.isEmpty()
                ? "all authorised"
                : reauth.size() + " need re-authorisation: " + String.join(", ", reauth)));
    checks.add(WaitingChecks.oldestDue(store, now, thresholds));
    checks.add(WaitingChecks.backup(lastBackup, now, thresholds));
    return HealthReport.of(now, checks);
  }

  private HealthCheck storeCheck() {
    try {
      store.find("omniy-health-probe");
      String error = loop.lastError();
      return error == null
          ? new HealthCheck("store", HealthStatus.UP, "reachable")
          : new HealthCheck("store", HealthStatus.DEGRADED, "last dispatch turn failed: " + error);
    } catch (RuntimeException e) {
      return new HealthCheck("store", HealthStatus.DOWN, "unreachable: " + e);
    }
  }

  /**
   * Stops claiming and waits up to {@code grace} for running attempts to finish and release their
   * posts; attempts still running then are interrupted and their posts recovered through their
   * leases by the next runtime (POST-8).
   *
   * @return whether every attempt finished in time
   */
  public boolean shutdown(Duration grace) {
    if (grace == null || grace.isNegative()) {
      throw new InvalidValueException("grace", grace, "must be zero or positive");
    }
    boolean finished = loop.stop(grace);
    if (maintenance != null) {
      maintenance.stop(grace);
    }
    if (alerts != null) {
      alerts.close();
    }
    return finished;
  }

  /** {@link #shutdown} with the builder's grace (default 30 s). */
  @Override
  public void close() {
    shutdown(shutdownGrace);
  }

  /** Wires an {@link Omniy}; only the publisher is required. */
  public static final class Builder {
    private PostStore store = new InMemoryPostStore();
    private @Nullable Publisher publisher;
    private MeterRegistry meters = new SimpleMeterRegistry();
    private MetricNaming metricNaming = MetricNaming.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private PostValidator validator = PostValidator.withDefaults();
    private DispatchSettings settings =
        DispatchSettings.defaults("omniy-" + UUID.randomUUID().toString().substring(0, 8));
    private final List<DispatchListener> listeners = new ArrayList<>();
    private int threads = 4;
    private Duration pollInterval = Duration.ofMillis(10);
    private Duration slowAttempt = Duration.ofSeconds(5);
    private Duration shutdownGrace = Duration.ofSeconds(30);
    private HealthThresholds thresholds = HealthThresholds.DEFAULTS;
    private @Nullable LastBackup lastBackup;
    private final AlertWiring alerting = new AlertWiring();
    private @Nullable Consumer<MaintenanceScheduler.Builder> maintenance;
    private @Nullable SupportTicketStore supportTickets;
    private SupportDeadlines supportDeadlines = SupportDeadlines.GUIDE;

    private Builder() {}

    /**
     * Runs the maintenance calendar with the runtime (MNT-1 … MNT-3): {@code configure} adds the
     * tasks and, for several runtimes, the shared lease and run stores, e.g. {@code m -> m.task(new
     * BackupTask(storeBackup)).leases(leases).runs(runs)}. The scheduler is built on the runtime's
     * clock, counts {@code omniy.maintenance.runs} in its registry (so the default MNT-3 rule of
     * its alert engine sees failed and missed runs), is named after the dispatcher's owner, ticks
     * on a thread of its own from {@link #start()} and stops on shutdown. Without this call no
     * maintenance runs.
     */
    public Builder maintenance(Consumer<MaintenanceScheduler.Builder> configure) {
      this.maintenance = required(configure, "maintenance");
      return this;
    }

    /**
     * Watches the help desk's tickets for SUP-1: binds {@link OverdueTickets} over {@code store}
     * (the gauge {@code omniy.support.tickets.overdue{priority}}) to the runtime's registry on its
     * clock, with the guide's first-response deadlines ({@link SupportDeadlines#GUIDE}), so the
     * default {@code SUP-1} rule of its alert engine fires while a ticket is unanswered past its
     * deadline. Without this call nothing watches tickets.
     */
    public Builder supportTickets(SupportTicketStore store) {
      return supportTickets(store, SupportDeadlines.GUIDE);
    }

    /**
     * Like {@link #supportTickets(SupportTicketStore)}, with the host's deadlines, e.g. a business
     * calendar with extra closed days ({@code BusinessCalendar.JAPAN.withClosedDays(…)}).
     */
    public Builder supportTickets(SupportTicketStore store, SupportDeadlines deadlines) {
      this.supportTickets = required(store, "supportTickets");
      this.supportDeadlines = required(deadlines, "deadlines");
      return this;
    }

    /**
     * Where the "last backup age" health check learns of the last successful backup (BAK-1);
     * without one, a {@code BackupTask} registered with {@link #maintenance} answers, and without
     * that the check says {@code UNKNOWN}.
     */
    public Builder lastBackup(LastBackup value) {
      this.lastBackup = required(value, "lastBackup");
      return this;
    }

    /**
     * When the oldest-due and backup checks turn DEGRADED and DOWN (default {@link
     * HealthThresholds#DEFAULTS}).
     */
    public Builder healthThresholds(HealthThresholds value) {
      this.thresholds = required(value, "healthThresholds");
      return this;
    }

    /**
     * Sends alerts for {@code channel} through {@code notifier} (e.g. a {@code SlackNotifier}).
     * With at least one notifier the runtime starts the alert engine on its own meters and stops it
     * on shutdown.
     */
    public Builder notifier(Channel channel, Notifier notifier) {
      alerting.notifier(required(channel, "channel"), required(notifier, "notifier"));
      return this;
    }

    /** Who else hears of escalated alerts (ALERT-3). */
    public Builder escalationContact(Notifier value) {
      alerting.escalationContact(required(value, "escalationContact"));
      return this;
    }

    /** The alert rules (default {@code DefaultAlertRules.all()}). */
    public Builder alertRules(List<AlertRule> value) {
      alerting.rules(required(value, "alertRules"));
      return this;
    }

    /** Alert rules from a file, reloaded when it changes; a bad file keeps the rules (ALERT-4). */
    public Builder alertRules(AlertRuleSource value) {
      alerting.rules(required(value, "alertRules"));
      return this;
    }

    /** Where alert state lives (default in memory); share one to notify once across runtimes. */
    public Builder alertStateStore(AlertStateStore value) {
      alerting.state(required(value, "alertStateStore"));
      return this;
    }

    /** How often alert rules are evaluated (default 1 min, ALERT-5). */
    public Builder alertEvery(Duration value) {
      alerting.every(positive(value, "alertEvery"));
      return this;
    }

    /** Where posts live (default in memory). */
    public Builder store(PostStore value) {
      this.store = required(value, "store");
      return this;
    }

    /** How posts go out, e.g. {@code InstagramPublisher}. Required. */
    public Builder publisher(Publisher value) {
      this.publisher = required(value, "publisher");
      return this;
    }

    /**
     * Publishes Omniy's meters under the host's prefix instead of {@code omniy} (default {@link
     * MetricNaming#DEFAULT}); the alert rules keep reading {@code omniy.…}.
     */
    public Builder metricNaming(MetricNaming value) {
      this.metricNaming = required(value, "metricNaming");
      return this;
    }

    /** Where meters go (default a {@link SimpleMeterRegistry}). */
    public Builder meterRegistry(MeterRegistry value) {
      this.meters = required(value, "meterRegistry");
      return this;
    }

    /** The time source (default the UTC system clock). */
    public Builder clock(Clock value) {
      this.clock = required(value, "clock");
      return this;
    }

    /** The rules new posts are checked against (default the catalogue's limits). */
    public Builder validator(PostValidator value) {
      this.validator = required(value, "validator");
      return this;
    }

    /** Lease, retry, quota and warning settings; the owner names this instance's leases. */
    public Builder settings(DispatchSettings value) {
      this.settings = required(value, "settings");
      return this;
    }

    /** Adds host callbacks (published, failed, deferred, needs re-authorisation, missed window). */
    public Builder listener(DispatchListener value) {
      listeners.add(required(value, "listener"));
      return this;
    }

    /** Worker threads: attempts that may run at once (default 4). */
    public Builder threads(int value) {
      if (value < 1 || value > 1024) {
        throw new InvalidValueException("threads", value, "must be between 1 and 1024");
      }
      this.threads = value;
      return this;
    }

    /** How long the dispatcher sleeps when nothing is due (default 10 ms). */
    public Builder pollInterval(Duration value) {
      this.pollInterval = positive(value, "pollInterval");
      return this;
    }

    /** An attempt slower than this makes the dispatcher claim less (default 5 s). */
    public Builder slowAttempt(Duration value) {
      this.slowAttempt = positive(value, "slowAttempt");
      return this;
    }

    /** How long {@link Omniy#close} waits for running attempts (default 30 s). */
    public Builder shutdownGrace(Duration value) {
      this.shutdownGrace = positive(value, "shutdownGrace");
      return this;
    }

    /**
     * Wires and starts the runtime.
     *
     * @throws InvalidValueException if no publisher was given
     */
    public Omniy start() {
      Publisher p = publisher;
      if (p == null) {
        throw new InvalidValueException("publisher", null, "is required");
      }
      Omniy omniy = new Omniy(this, p);
      omniy.loop.start();
      if (omniy.maintenance != null) {
        omniy.maintenance.start();
      }
      return omniy;
    }

    private static Duration positive(@Nullable Duration value, String field) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new InvalidValueException(field, value, "must be positive");
      }
      return value;
    }

    private static <T> T required(@Nullable T value, String field) {
      if (value == null) {
        throw new InvalidValueException(field, null, "is required");
      }
      return value;
    }
  }
}
