package app.omniy.runtime;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.MonitoringLayer;
import app.omniy.core.alert.spi.AlertRuleSource;
import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.backup.spi.LastBackup;
import app.omniy.core.billing.service.CreditDesk;
import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.dispatch.Dispatcher;
import app.omniy.core.dispatch.GuardedListener;
import app.omniy.core.dispatch.spi.ControlStore;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.incident.spi.IncidentStore;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.memory.InMemoryStores;
import app.omniy.core.post.PostValidator;
import app.omniy.core.post.service.PostService;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.quota.SchedulingQuota;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.core.spi.Stores;
import app.omniy.core.support.SupportDeadlines;
import app.omniy.core.support.spi.SupportTicketStore;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.runtime.incident.IncidentEvent;
import app.omniy.runtime.incident.IncidentRuntime;
import app.omniy.runtime.incident.Mitigation;
import app.omniy.runtime.incident.Mitigations;
import app.omniy.runtime.internal.AlertWiring;
import app.omniy.runtime.internal.DispatchLoop;
import app.omniy.runtime.internal.IncidentWiring;
import app.omniy.runtime.internal.MaintenanceWiring;
import app.omniy.runtime.internal.PausePublishing;
import app.omniy.runtime.internal.ProbeWiring;
import app.omniy.runtime.internal.SharedControls;
import app.omniy.runtime.maintenance.MaintenanceScheduler;
import app.omniy.runtime.probe.Heartbeat;
import app.omniy.runtime.probe.HttpProber;
import app.omniy.runtime.probe.UptimeRobotImporter;
import app.omniy.runtime.support.OverdueTickets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * workers, the core's default retry and quota policies, an in-memory downtime ledger. With a
 * notifier the runtime also runs its one alert engine, whose every cycle ends with the incidents
 * (INC-1 … INC-4): a firing critical alert opens one, the mitigations declared for its rule apply
 * ({@link Mitigations#GUIDE}: ALERT-C1 pauses publishing), its resolve recovers it and records the
 * downtime in {@link #downtime()}. The builder collects an {@link OmniyConfig}, checked before
 * anything starts; {@link #config()} tells what a runtime runs with.
 */
public final class Omniy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Omniy.class);

  /** How long a runtime trusts its last read of the shared {@link Builder#controls}. */
  public static final Duration CONTROLS_REFRESH = Duration.ofSeconds(5);

  private final OmniyConfig config;
  private final PostService posts;
  private final Dispatcher dispatcher;
  private final DispatchLoop loop;
  private final @Nullable SharedControls controls;
  private final OmniyMetrics metrics;
  private final RuntimeChecks.FirstAttemptLateness lateness =
      new RuntimeChecks.FirstAttemptLateness();
  private final @Nullable LastBackup lastBackup;
  private final AlertWiring.@Nullable Running alerts;
  private final @Nullable MaintenanceWiring maintenance;
  private final ProbeWiring outside;
  private final List<AutoCloseable> extensions = new ArrayList<>();

  /**
   * A component started with the runtime and closed with it: the builder's extension point for
   * parts that run beside the engines (an external prober feeding the downtime ledger and ALERT-C1,
   * the month-end credit job …). Each gets the started runtime — its clock, registry, downtime
   * ledger, alert engine, incidents and maintenance scheduler — and is closed on shutdown, in
   * reverse order, before the engines stop.
   */
  @FunctionalInterface
  public interface Extension {
    /**
     * Starts the component on the started {@code omniy}.
     *
     * @return what to close on shutdown
     */
    AutoCloseable start(Omniy omniy);
  }

  private Omniy(OmniyConfig config) {
    this.config = config;
    Clock clock = config.clock();
    MeterRegistry meters = config.meterRegistry();
    MetricNaming naming = config.metricNaming();
    if (!naming.isDefault()) {
      // Before any meter of this runtime is registered, so each is published under the host's
      // prefix; the alert engine reads them back under their own names.
      meters.config().meterFilter(naming.filter());
    }
    this.posts =
        new PostService(
            config.store(),
            config.publisher(),
            config.validator(),
            clock,
            config.schedulingQuota());
    // The meters hear every event first; the gauges read this runtime once it is started.
    this.metrics =
        new OmniyMetrics(this::inFlight, this::claimLimit, () -> paused().isPresent() ? 1 : 0);
    List<DispatchListener> all = new ArrayList<>(List.of(metrics, lateness));
    all.addAll(config.listeners());
    this.dispatcher =
        new Dispatcher(
            config.store(),
            config.publisher(),
            config.settings(),
            new GuardedListener(all, Omniy::listenerFailed),
            new SplittableRandom());
    ControlStore shared = config.controls();
    this.controls =
        shared == null ? null : new SharedControls(shared, dispatcher, CONTROLS_REFRESH);
    this.loop =
        new DispatchLoop(
            dispatcher,
            clock,
            config.threads(),
            config.pollInterval(),
            config.slowAttempt(),
            controls == null ? now -> {} : controls);
    metrics.bindTo(meters);
    // Built before the alert engine starts its threads, so a bad task id leaks none.
    Consumer<MaintenanceScheduler.Builder> tasks = config.maintenance();
    this.maintenance =
        tasks == null
            ? null
            : MaintenanceWiring.build(clock, meters, config.settings().owner(), tasks);
    // Without a host's supplier, a backup task this runtime runs tells the health check (BAK-1).
    this.lastBackup =
        config.lastBackup() != null || maintenance == null
            ? config.lastBackup()
            : maintenance.scheduler().tasks(LastBackup.class).stream().findFirst().orElse(null);
    SupportTicketStore tickets = config.supportTickets();
    if (tickets != null) {
      // SUP-1: bound before the alert engine's first poll, so the default rule sees it at once.
      OverdueTickets.of(tickets, config.supportDeadlines(), clock).bindTo(meters);
    }
    // Built before the alert engine starts its threads too: a prober without targets leaks none.
    this.outside =
        ProbeWiring.build(
            clock,
            meters,
            config.settings().owner(),
            config.probes(),
            config.uptimeRobot(),
            config.heartbeat(),
            this::failingHealth);
    // One engine: the alert cycle evaluates, notifies, then opens and recovers incidents with the
    // declared mitigations and their downtime in the ledger (INC-1 … INC-4); nothing else
    // evaluates or notifies.
    Map<String, Mitigation> actions = new HashMap<>(config.mitigationActions());
    actions.put(
        Mitigations.PAUSE_PUBLISHING,
        new PausePublishing(this::pause, this::resume, config.incidentStore()::unresolved));
    Consumer<IncidentRuntime.Builder> incidents = config.incidents();
    this.alerts =
        config.alertsEnabled()
            ? new AlertWiring(
                    config.notifiers(),
                    config.escalationContact(),
                    config.alertRules(),
                    config.alertRuleSource(),
                    config.alertStateStore(),
                    config.alertEvery())
                .maintenance(config.downtime())
                .start(
                    clock,
                    meters,
                    naming::canonical,
                    notifications ->
                        IncidentWiring.build(
                            clock,
                            config.incidentStore(),
                            config.alertStateStore(),
                            config.downtime(),
                            notifications,
                            incidents == null ? b -> {} : incidents,
                            config.mitigations(),
                            actions,
                            config.incidentListeners()))
            : null;
  }

  /** The heartbeat's self-check: why the runtime is DOWN, or empty while it is not. */
  private Optional<String> failingHealth() {
    HealthReport report = health();
    if (report.status() != HealthStatus.DOWN) {
      return Optional.empty();
    }
    List<String> down = new ArrayList<>();
    for (HealthCheck check : report.checks()) {
      if (check.status() == HealthStatus.DOWN) {
        down.add(check.name() + ": " + check.detail());
      }
    }
    return Optional.of("DOWN: " + String.join("; ", down));
  }

  /** A builder with the embedded defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Wires and starts a runtime from {@code config}, as {@link Builder#start()} does with the
   * builder's.
   *
   * @throws InvalidValueException naming {@code config} if it is missing, or a maintenance task the
   *     configuration adds if that is invalid
   */
  public static Omniy start(OmniyConfig config) {
    Omniy omniy = new Omniy(Require.nonNull(config, "config"));
    omniy.loop.start();
    if (omniy.maintenance != null) {
      omniy.maintenance.start();
    }
    omniy.outside.start();
    try {
      for (Extension extension : config.extensions()) {
        omniy.extensions.add(Require.nonNull(extension.start(omniy), "extension"));
      }
    } catch (RuntimeException e) {
      omniy.close(); // what started stops: no thread outlives a failed start
      throw e;
    }
    return omniy;
  }

  /** What this runtime was started with. */
  public OmniyConfig config() {
    return config;
  }

  /** Schedule, edit, cancel and retry posts (POST-1 … POST-7). */
  public PostService posts() {
    return posts;
  }

  /** The store posts live in. */
  public PostStore store() {
    return config.store();
  }

  /** The registry the meters are bound to. */
  public MeterRegistry meterRegistry() {
    return config.meterRegistry();
  }

  /**
   * The alert engine evaluating this runtime's meters, if a notifier was configured: tick it,
   * acknowledge alerts (ALERT-3), read its rules.
   */
  public Optional<AlertRuntime> alerts() {
    return alerts == null ? Optional.empty() : Optional.of(alerts.runtime());
  }

  /**
   * The incidents the alert engine opens and recovers (INC-1 … INC-4), whenever the engine runs:
   * the operator's calls ({@code respond}, {@code mitigate}, {@code resolve}), the RCA.
   */
  public Optional<IncidentRuntime> incidents() {
    return alerts == null ? Optional.empty() : Optional.of(alerts.incidents());
  }

  /**
   * The downtime ledger (SLA-2): recovered incidents that count as downtime are recorded here
   * (INC-2); the month's SLA report and credits read it.
   */
  public DowntimeStore downtime() {
    return config.downtime();
  }

  /**
   * The maintenance scheduler, if {@link Builder#maintenance} configured one: its run history, the
   * next due instant, {@code tick()} for a host that drives it.
   */
  public Optional<MaintenanceScheduler> maintenance() {
    return maintenance == null ? Optional.empty() : Optional.of(maintenance.scheduler());
  }

  /** The built-in HTTP prober, if {@link Builder#probes} configured one (SLA-5). */
  public Optional<HttpProber> prober() {
    return outside.prober();
  }

  /** The UptimeRobot importer, if {@link Builder#uptimeRobot} configured one (SLA-5). */
  public Optional<UptimeRobotImporter> uptimeRobot() {
    return outside.importer();
  }

  /** The dead-man's-switch heartbeat, if {@link Builder#heartbeat} configured one. */
  public Optional<Heartbeat> heartbeat() {
    return outside.heartbeat();
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
    if (controls != null) {
      controls.pause(reason); // every runtime on the shared store (Builder#controls)
    } else {
      dispatcher.pause(reason);
    }
  }

  /** Publishes again after {@link #pause}, on every runtime sharing {@link Builder#controls}. */
  public void resume() {
    if (controls != null) {
      controls.resume();
    } else {
      dispatcher.resume();
    }
  }

  /**
   * Why publishing is paused, if it is; with shared {@link Builder#controls}, as this runtime last
   * read them.
   */
  public Optional<String> paused() {
    return dispatcher.paused();
  }

  /** Marks an account as needing re-authorisation: its posts wait and warn (POST-11). */
  public void accountNeedsReauth(String accountId) {
    if (controls != null) {
      controls.needsReauth(accountId);
    } else {
      dispatcher.accountNeedsReauth(accountId);
    }
  }

  /** The owner reconnected the account. */
  public void accountReauthorised(String accountId) {
    if (controls != null) {
      controls.reauthorised(accountId);
    } else {
      dispatcher.accountReauthorised(accountId);
    }
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
   * The runtime's health: store reachable, dispatch loop alive and not lagging, worker threads
   * replaced after dying, publisher congestion (back-pressure), lateness of the last first attempt,
   * pause, accounts waiting for re-authorisation, the oldest unclaimed due post and the last
   * backup's age, each judged by the configuration's {@link HealthThresholds} (an unknown backup is
   * {@code UNKNOWN}), and whether the host's {@code http.server.requests} timer publishes the
   * percentile histogram ALERT-W1 reads ({@code latency-histogram}).
   */
  public HealthReport health() {
    Instant now = config.clock().instant();
    HealthThresholds limits = config.healthThresholds();
    return HealthReport.of(
        now,
        List.of(
            RuntimeChecks.store(config.store(), loop),
            RuntimeChecks.dispatcher(loop, now, limits),
            RuntimeChecks.workers(loop),
            RuntimeChecks.publisher(config.publisher(), loop),
            RuntimeChecks.lateness(lateness.last(), limits),
            RuntimeChecks.publishing(dispatcher),
            RuntimeChecks.accounts(dispatcher),
            WaitingChecks.oldestDue(config.store(), now, limits),
            WaitingChecks.backup(lastBackup, now, limits),
            RuntimeChecks.latencyHistogram(config.meterRegistry())));
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
    for (int i = extensions.size() - 1; i >= 0; i--) {
      AutoCloseable extension = extensions.get(i);
      try {
        extension.close();
      } catch (Exception e) {
        LOG.warn("extension {} failed to close", extension, e);
      }
    }
    extensions.clear();
    outside.close();
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
    shutdown(config.shutdownGrace());
  }

  /** Wires an {@link Omniy}; only the publisher is required. */
  public static final class Builder {
    private PostStore store = new InMemoryPostStore();
    private @Nullable Publisher publisher;
    private MeterRegistry meters = new SimpleMeterRegistry();
    private boolean metersGiven;
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
    private final Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);
    private @Nullable Notifier escalationContact;
    private List<AlertRule> alertRules = DefaultAlertRules.all();
    private @Nullable AlertRuleSource alertRuleSource;
    private AlertStateStore alertStateStore = InMemoryStores.alertStates();
    private Duration alertEvery = MonitoringLayer.APPLICATION.cadence();
    private @Nullable SupportTicketStore supportTickets;
    private SupportDeadlines supportDeadlines = SupportDeadlines.GUIDE;
    private @Nullable Consumer<MaintenanceScheduler.Builder> maintenance;
    private @Nullable CreditDesk credits;
    private @Nullable Consumer<HttpProber.Builder> probes;
    private @Nullable Consumer<UptimeRobotImporter.Builder> uptimeRobot;
    private @Nullable Consumer<Heartbeat.Builder> heartbeat;
    private @Nullable ControlStore controls;
    private DowntimeStore downtime = InMemoryStores.downtime();
    private IncidentStore incidentStore = InMemoryStores.incidents();
    private @Nullable Stores stores;
    private @Nullable Consumer<IncidentRuntime.Builder> incidents;
    private Mitigations mitigations = Mitigations.GUIDE;
    private final Map<String, Mitigation> mitigationActions = new LinkedHashMap<>();
    private final List<Consumer<IncidentEvent>> incidentListeners = new ArrayList<>();
    private final List<Extension> extensions = new ArrayList<>();
    private SchedulingQuota schedulingQuota = SchedulingQuota.DEFAULTS;

    private Builder() {}

    /**
     * Closes each month for service credits (SLA-7): registers {@code desk}'s {@link
     * CreditDesk#monthEndTask() month-end job} on the calendar's {@code monthly-report} job (the
     * 1st, 09:00 JST), after any tasks {@link #maintenance} adds, and runs the maintenance calendar
     * for it even without that call. Claims go to {@code desk.claim(…)}.
     */
    public Builder credits(CreditDesk desk) {
      this.credits = Require.nonNull(desk, "credits");
      return this;
    }

    /**
     * Runs incidents with the alert engine (INC-1 … INC-4) and starts the engine even without a
     * notifier. {@code configure} sets what the host keeps: where incidents live ({@code
     * store(incidentStore)}), a rule's severity ({@code policy(ruleId, AlertIncidentPolicy)}), the
     * zone and the RCA's language. The runtime sets first the clock, the downtime ledger ({@link
     * #downtime}) and the engine's notifications (breaches and the Sev1 escalation go through the
     * same notifiers as alerts), and the incident store of {@link #stores} when given. Without this
     * call the engine, if a notifier starts it, runs incidents with the defaults (in memory, or in
     * the stores').
     */
    public Builder incidents(Consumer<IncidentRuntime.Builder> configure) {
      this.incidents = Require.nonNull(configure, "incidents");
      return this;
    }

    /**
     * Probes the service from outside (SLA-5): {@code configure} adds the URLs and, for several
     * runtimes, the shared lease store and the downtime store, e.g. {@code p -> p.target("web",
     * URI.create("https://omniy.app/healthz")).leases(leases).downtime(downtime)}. On the runtime's
     * clock and registry ({@code omniy.probes}), named after the dispatcher's owner, ticking on a
     * thread of its own from {@link #start()} to shutdown.
     */
    public Builder probes(Consumer<HttpProber.Builder> configure) {
      this.probes = Require.nonNull(configure, "probes");
      return this;
    }

    /**
     * Wires the runtime onto one set of stores (e.g. {@code FirestoreStores.of(db, registry)}):
     * posts ({@link #store}), alert state ({@link #alertStateStore}), incidents, the downtime
     * ledger ({@link #downtime}), the maintenance leases and runs (set before {@link
     * #maintenance}'s configure, which may override them), the support tickets watched for SUP-1
     * ({@link #supportTickets(SupportTicketStore)}, with the guide's deadlines unless set) and the
     * publishing pause and re-authorisation marks ({@link #controls}). A later call of one of those
     * methods replaces its store.
     */
    public Builder stores(Stores value) {
      this.stores = Require.nonNull(value, "stores");
      this.store = Require.nonNull(value.posts(), "stores.posts");
      this.alertStateStore = Require.nonNull(value.alertStates(), "stores.alertStates");
      this.incidentStore = Require.nonNull(value.incidents(), "stores.incidents");
      this.downtime = Require.nonNull(value.downtime(), "stores.downtime");
      this.supportTickets = Require.nonNull(value.supportTickets(), "stores.supportTickets");
      this.controls = Require.nonNull(value.controls(), "stores.controls");
      return this;
    }

    /**
     * Imports UptimeRobot's monitor logs into the downtime ledger (SLA-5): {@code configure} sets
     * the API key and the downtime store, e.g. {@code u -> u.apiKey(key).downtime(downtime)}. On
     * the runtime's clock, registry and lease owner, every 5 minutes from {@link #start()} to
     * shutdown.
     */
    public Builder uptimeRobot(Consumer<UptimeRobotImporter.Builder> configure) {
      this.uptimeRobot = Require.nonNull(configure, "uptimeRobot");
      return this;
    }

    /**
     * The downtime ledger (SLA-2; default in memory): the incidents' downtime is recorded here
     * (INC-2), and {@link Omniy#downtime()} gives it to reports and credits.
     */
    public Builder downtime(DowntimeStore value) {
      this.downtime = Require.nonNull(value, "downtime");
      return this;
    }

    /**
     * Pings a dead-man's switch every minute, {@code <url>/fail} while {@link Omniy#health()} is
     * DOWN: {@code configure} sets the URL, e.g. {@code h ->
     * h.url(URI.create("https://hc-ping.com/" + uuid))}. On the runtime's clock and registry
     * ({@code omniy.heartbeats}), from {@link #start()} to shutdown.
     */
    public Builder heartbeat(Consumer<Heartbeat.Builder> configure) {
      this.heartbeat = Require.nonNull(configure, "heartbeat");
      return this;
    }

    /**
     * Which mitigations are applied by themselves when an incident opens, by the rule id that
     * caused it (INC-4; default {@link Mitigations#GUIDE}: ALERT-C1 pauses publishing until the
     * incident recovers). {@link Mitigations#none()} leaves every mitigation to the operator.
     */
    public Builder mitigations(Mitigations value) {
      this.mitigations = Require.nonNull(value, "mitigations");
      return this;
    }

    /**
     * Shares the publishing pause (INC-4) and the re-authorisation marks (POST-11) with every
     * runtime on {@code store}: {@link Omniy#pause} by one stops the claims of all within {@link
     * #CONTROLS_REFRESH}, and an account found needing re-authorisation by one waits on all.
     * Without this call they are this runtime's own.
     */
    public Builder controls(ControlStore store) {
      this.controls = Require.nonNull(store, "controls");
      return this;
    }

    /**
     * Names a mitigation of the host's (a rollback, a status-page notice …) so that {@link
     * #mitigations} can declare it, e.g. {@code .mitigation("post-notice", notice)
     * .mitigations(Mitigations.GUIDE.on("ALERT-C2", "post-notice"))}.
     */
    public Builder mitigation(String name, Mitigation value) {
      if (name == null || name.isBlank()) {
        throw new InvalidValueException("name", name, "must not be blank");
      }
      mitigationActions.put(name, Require.nonNull(value, "mitigation"));
      return this;
    }

    /**
     * Adds a host callback told every incident event (opened, mitigated, recovered, breached …).
     */
    public Builder incidentListener(Consumer<IncidentEvent> value) {
      incidentListeners.add(Require.nonNull(value, "incidentListener"));
      return this;
    }

    /**
     * What {@link Omniy#posts() posts()}{@code .scheduleWithWarnings(…)} does when the account's
     * publishing limit for the rolling 24 hours around the requested time is already taken
     * (POST-3): {@code SchedulingQuota.DEFAULTS} warns with {@code QUOTA_FULL} and the next free
     * slot; {@code SchedulingQuota.DEFAULTS.withMode(ScheduleQuotaMode.REFUSE)} refuses, {@code
     * OFF} does not check.
     */
    public Builder schedulingQuota(SchedulingQuota value) {
      this.schedulingQuota = Require.nonNull(value, "schedulingQuota");
      return this;
    }

    /**
     * Starts {@code value} with the runtime and closes it on shutdown (see {@link Extension}): the
     * place for parts that run beside the engines. Extensions start in the order added, after the
     * dispatcher and the maintenance scheduler.
     */
    public Builder extension(Extension value) {
      extensions.add(Require.nonNull(value, "extension"));
      return this;
    }

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
      this.maintenance = Require.nonNull(configure, "maintenance");
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
      this.supportTickets = Require.nonNull(store, "supportTickets");
      this.supportDeadlines = Require.nonNull(deadlines, "deadlines");
      return this;
    }

    /**
     * Where the "last backup age" health check learns of the last successful backup (BAK-1);
     * without one, a {@code BackupTask} registered with {@link #maintenance} answers, and without
     * that the check says {@code UNKNOWN}.
     */
    public Builder lastBackup(LastBackup value) {
      this.lastBackup = Require.nonNull(value, "lastBackup");
      return this;
    }

    /**
     * When the health checks turn DEGRADED and DOWN: oldest due post, last backup, dispatcher
     * without a turn, first-attempt lateness (default {@link HealthThresholds#DEFAULTS}).
     */
    public Builder healthThresholds(HealthThresholds value) {
      this.thresholds = Require.nonNull(value, "healthThresholds");
      return this;
    }

    /**
     * Sends alerts for {@code channel} through {@code notifier} (e.g. a {@code SlackNotifier}).
     * With at least one notifier the runtime starts its one alert engine on its own meters, its
     * cycles ending with the incidents (see {@link #incidents}), and stops it on shutdown.
     */
    public Builder notifier(Channel channel, Notifier notifier) {
      notifiers.put(Require.nonNull(channel, "channel"), Require.nonNull(notifier, "notifier"));
      return this;
    }

    /** Who else hears of escalated alerts (ALERT-3). */
    public Builder escalationContact(Notifier value) {
      this.escalationContact = Require.nonNull(value, "escalationContact");
      return this;
    }

    /** The alert rules (default {@code DefaultAlertRules.all()}). */
    public Builder alertRules(List<AlertRule> value) {
      this.alertRules = OmniyConfig.elements(value, "alertRules");
      this.alertRuleSource = null;
      return this;
    }

    /** Alert rules from a file, reloaded when it changes; a bad file keeps the rules (ALERT-4). */
    public Builder alertRules(AlertRuleSource value) {
      this.alertRuleSource = Require.nonNull(value, "alertRules");
      return this;
    }

    /** Where alert state lives (default in memory); share one to notify once across runtimes. */
    public Builder alertStateStore(AlertStateStore value) {
      this.alertStateStore = Require.nonNull(value, "alertStateStore");
      return this;
    }

    /**
     * How often the alert engine runs a cycle (default 10 s, ALERT-5's application layer); each
     * rule is evaluated at most once per its own {@code every}.
     */
    public Builder alertEvery(Duration value) {
      this.alertEvery = Require.positive(value, "alertEvery");
      return this;
    }

    /** Where posts live (default in memory). */
    public Builder store(PostStore value) {
      this.store = Require.nonNull(value, "store");
      return this;
    }

    /** How posts go out, e.g. {@code InstagramPublisher}. Required. */
    public Builder publisher(Publisher value) {
      this.publisher = Require.nonNull(value, "publisher");
      return this;
    }

    /**
     * Publishes Omniy's meters under the host's prefix instead of {@code omniy} (default {@link
     * MetricNaming#DEFAULT}); the alert rules keep reading {@code omniy.…}.
     */
    public Builder metricNaming(MetricNaming value) {
      this.metricNaming = Require.nonNull(value, "metricNaming");
      return this;
    }

    /**
     * Where meters go, and what the alert engine reads (default a {@link SimpleMeterRegistry} of
     * the runtime's own): the host's registry, the same one every adapter counts in ({@code
     * FirestoreStoreOptions.of(db, registry)}, {@code StripeWebhooks}, {@code InstagramPublisher}).
     * {@link #start()} warns when the engine runs without it.
     */
    public Builder meterRegistry(MeterRegistry value) {
      this.meters = Require.nonNull(value, "meterRegistry");
      this.metersGiven = true;
      return this;
    }

    /** The time source (default the UTC system clock). */
    public Builder clock(Clock value) {
      this.clock = Require.nonNull(value, "clock");
      return this;
    }

    /** The rules new posts are checked against (default the catalogue's limits). */
    public Builder validator(PostValidator value) {
      this.validator = Require.nonNull(value, "validator");
      return this;
    }

    /** Lease, retry, quota and warning settings; the owner names this instance's leases. */
    public Builder settings(DispatchSettings value) {
      this.settings = Require.nonNull(value, "settings");
      return this;
    }

    /** Adds host callbacks (published, failed, deferred, needs re-authorisation, missed window). */
    public Builder listener(DispatchListener value) {
      listeners.add(Require.nonNull(value, "listener"));
      return this;
    }

    /** Worker threads: attempts that may run at once (default 4). */
    public Builder threads(int value) {
      this.threads = Require.inRange(value, 1, OmniyConfig.MAX_THREADS, "threads");
      return this;
    }

    /** How long the dispatcher sleeps when nothing is due (default 10 ms). */
    public Builder pollInterval(Duration value) {
      this.pollInterval = Require.positive(value, "pollInterval");
      return this;
    }

    /** An attempt slower than this makes the dispatcher claim less (default 5 s). */
    public Builder slowAttempt(Duration value) {
      this.slowAttempt = Require.positive(value, "slowAttempt");
      return this;
    }

    /** How long {@link Omniy#close} waits for running attempts (default 30 s). */
    public Builder shutdownGrace(Duration value) {
      this.shutdownGrace = Require.positive(value, "shutdownGrace");
      return this;
    }

    /**
     * The configuration collected so far, checked: what {@link #start()} starts from, for a host
     * that keeps it or starts with {@link Omniy#start(OmniyConfig)}.
     *
     * @throws InvalidValueException if no publisher was given
     */
    public OmniyConfig config() {
      return new OmniyConfig(
          store,
          Require.nonNull(publisher, "publisher"),
          clock,
          validator,
          settings,
          listeners,
          threads,
          pollInterval,
          slowAttempt,
          shutdownGrace,
          meters,
          metricNaming,
          thresholds,
          lastBackup,
          notifiers,
          escalationContact,
          alertRules,
          alertRuleSource,
          alertStateStore,
          alertEvery,
          supportTickets,
          supportDeadlines,
          maintenance(),
          probes,
          uptimeRobot,
          heartbeat,
          controls,
          downtime,
          incidentStore,
          incidents,
          mitigations,
          mitigationActions,
          incidentListeners,
          extensions,
          schedulingQuota);
    }

    /** The host's maintenance tasks, then the month-end credits job if a desk was given. */
    private static @Nullable Consumer<MaintenanceScheduler.Builder> withCredits(
        @Nullable Consumer<MaintenanceScheduler.Builder> tasks, @Nullable CreditDesk desk) {
      if (desk == null) {
        return tasks;
      }
      Consumer<MaintenanceScheduler.Builder> monthEnd = m -> m.task(desk.monthEndTask());
      return tasks == null ? monthEnd : tasks.andThen(monthEnd);
    }

    /**
     * The host's maintenance and the month-end credits job, on the leases and runs of {@link
     * #stores} when they were given.
     */
    private @Nullable Consumer<MaintenanceScheduler.Builder> maintenance() {
      Consumer<MaintenanceScheduler.Builder> tasks = withCredits(maintenance, credits);
      Stores shared = stores;
      if (tasks == null || shared == null) {
        return tasks;
      }
      return m -> {
        m.leases(shared.jobLeases()).runs(shared.jobRuns());
        tasks.accept(m);
      };
    }

    /**
     * Wires and starts the runtime: {@link Omniy#start(OmniyConfig)} of {@link #config()}; logs a
     * warning when the alert engine runs on the runtime's own registry because no {@link
     * #meterRegistry} was given.
     *
     * @throws InvalidValueException if no publisher was given
     */
    public Omniy start() {
      OmniyConfig config = config();
      if (config.alertsEnabled() && !metersGiven) {
        // Loud, not silent: the critical rules read this registry only, and adapters built with
        // the host's registry count elsewhere (ALERT-C1 … C3 would read "no data" forever).
        LOG.warn(
            "The alert engine reads the runtime's own meter registry: the host's"
                + " http.server.requests (ALERT-C1) and adapters counting in another registry"
                + " (Firestore ALERT-C3, Stripe ALERT-C2) are not seen; give the host's registry"
                + " with meterRegistry(...)");
      }
      return Omniy.start(config);
    }
  }

  /**
   * A listener threw: logged, and the others still hear (the dispatcher's own guard would swallow
   * the exception silently).
   */
  private static void listenerFailed(
      DispatchListener listener, String callback, RuntimeException failure) {
    LOG.warn("dispatch listener {} failed on {}", listener, callback, failure);
  }
}
