package app.omniy.runtime.probe;

import static app.omniy.core.alert.Channel.EMAIL;
import static app.omniy.core.alert.Channel.SLACK;
import static app.omniy.core.alert.Channel.SMS;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.alert.Aggregation;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.AlertSeverity;
import app.omniy.core.alert.Comparison;
import app.omniy.core.alert.TagFilter;
import app.omniy.core.maintenance.spi.JobLeaseStore;
import app.omniy.core.memory.InMemoryStores;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.spi.DowntimeStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in uptime probe (SLA-5): every interval (5 minutes by default, the guide's external
 * monitor) one runtime among all those sharing the {@link JobLeaseStore} sends a {@code GET} to
 * each configured URL and expects its status within the timeout (10 s by default). For each target:
 *
 * <ul>
 *   <li>{@code omniy.probes{probe, outcome}} counts the probe, {@code success} or {@code failure},
 *       in the registry, where the alert rule {@link #serviceDownRule} reads it;
 *   <li>a failed probe adds the downtime period {@code [interval start, next interval start)} with
 *       cause {@code probe} to the {@link DowntimeStore}, if one is given: "a failed probe marks
 *       down from its time until the next successful probe", to the interval. Consecutive failed
 *       intervals abut and the ledger merges them; a runtime that takes an interval over adds
 *       nothing twice;
 *   <li>the listeners hear the {@link ProbeOutcome}, whose {@link ProbeOutcome#result()} feeds
 *       {@link app.omniy.core.sla.ProbeUptime} for a host that keeps results.
 * </ul>
 *
 * <p>{@link #tick()} does one round when it is this runtime's turn; {@link #start()} ticks on a
 * daemon thread every {@code checkEvery} (15 s by default) until {@link #close()}. Nothing a target
 * does (a reset connection, a hung server) reaches the caller: each probe ends within the timeout.
 * A lease store that cannot be reached skips the interval (logged): without the lease there is no
 * "one probe per interval".
 */
public final class HttpProber implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpProber.class);

  /** The job id under which probe intervals are leased. */
  public static final String JOB_ID = "http-probe";

  private final List<ProbeTarget> targets;
  private final Duration interval;
  private final Duration timeout;
  private final Duration checkEvery;
  private final Clock clock;
  private final HttpClient client;
  private final @Nullable DowntimeStore downtime;
  private final MeterRegistry registry;
  private final List<Consumer<ProbeOutcome>> listeners;
  private final SlotLease lease;
  private final Object round = new Object();
  private @Nullable Ticker ticker;

  private HttpProber(Builder b) {
    this.targets = List.copyOf(b.targets.values());
    this.interval = b.interval;
    this.timeout = b.timeout;
    this.checkEvery = b.checkEvery;
    this.clock = b.clock;
    this.client =
        b.client != null
            ? b.client
            : HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    this.downtime = b.downtime;
    this.registry = Require.nonNull(b.registry, "registry");
    this.listeners = List.copyOf(b.listeners);
    // Held for every target's timeout and a margin, at most the interval: a runtime that dies
    // mid-round lets another take the interval over within it.
    Duration hold = timeout.multipliedBy(targets.size()).plusSeconds(30);
    this.lease =
        new SlotLease(
            b.leases, JOB_ID, b.owner, interval, hold.compareTo(interval) < 0 ? hold : interval);
  }

  /** A builder with the defaults: every 5 minutes, 10 s timeout, in-memory leases. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The ALERT-C1 view of the probes: critical, fires while more than 10% of the probes in the last
   * {@code interval} failed (one failed target of one), Slack, SMS and e-mail, respond within 15
   * minutes, as the guide's "service down". Rule ids are unique: use {@code ALERT-C1} in place of
   * {@code DefaultAlertRules.SERVICE_DOWN} when the host has no {@code http.server.requests} timer,
   * or another id (e.g. {@code ALERT-C1-PROBE}) beside it.
   *
   * @param interval the prober's interval: the rule's window holds the latest round
   */
  public static AlertRule serviceDownRule(String id, Duration interval) {
    return AlertRule.builder(id)
        .name("サービス停止（外形監視）")
        .severity(AlertSeverity.CRITICAL)
        .metric(MetricNames.PROBES)
        .aggregation(
            new Aggregation.ShareOf(
                TagFilter.of(MetricNames.TAG_OUTCOME, MetricNames.OUTCOME_FAILURE)))
        .when(Comparison.ABOVE, "0.10")
        .over(interval)
        .minSamples(1)
        .channels(SLACK, SMS, EMAIL)
        .respondWithin(Duration.ofMinutes(15))
        .build();
  }

  /** The targets, in the order they were added. */
  public List<ProbeTarget> targets() {
    return targets;
  }

  /** How often the targets are probed across all runtimes. */
  public Duration interval() {
    return interval;
  }

  /**
   * Probes every target if the current interval is this runtime's to run, and returns what it
   * found; empty when it is not (another runtime ran it or holds it, or it ran here already). Never
   * throws for what a target does.
   */
  public List<ProbeOutcome> tick() {
    synchronized (round) {
      return round();
    }
  }

  private List<ProbeOutcome> round() {
    Instant now = clock.instant();
    Instant due;
    try {
      due = lease.claim(now);
    } catch (RuntimeException e) {
      LOG.warn("Probe interval at {} skipped: the lease store failed ({})", now, e.toString());
      return List.of();
    }
    if (due == null) {
      return List.of();
    }
    List<ProbeOutcome> outcomes = new ArrayList<>(targets.size());
    for (ProbeTarget target : targets) {
      ProbeOutcome outcome = probe(target, due);
      outcomes.add(outcome);
      record(outcome);
    }
    try {
      lease.done(due);
    } catch (RuntimeException e) {
      // The claim lapses by itself; another runtime may probe this interval again, and the ledger
      // still records its downtime once.
      LOG.warn("Could not mark the probe interval {} done ({})", due, e.toString());
    }
    return List.copyOf(outcomes);
  }

  private ProbeOutcome probe(ProbeTarget target, Instant due) {
    Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    long started = System.nanoTime();
    HttpRequest request =
        HttpRequest.newBuilder(target.url())
            .timeout(timeout)
            .header("User-Agent", "Omniy-Probe/1")
            .GET()
            .build();
    int status = 0;
    boolean up;
    String detail;
    try {
      status = send(request, started);
      up = status == target.expectedStatus();
      detail = up ? "HTTP " + status : "HTTP " + status + ", expected " + target.expectedStatus();
    } catch (Calls.Failed e) {
      up = false;
      detail = e.getMessage();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    return new ProbeOutcome(target, due, at, up, status, elapsed, detail);
  }

  /**
   * Sends once, and once more if the connection failed before any answer while time is left: a
   * pooled connection the server had closed must not count as a whole interval of downtime.
   */
  private int send(HttpRequest request, long started) throws Calls.Failed {
    try {
      return Calls.send(client, request, HttpResponse.BodyHandlers.discarding(), timeout)
          .statusCode();
    } catch (Calls.Failed e) {
      Duration left = timeout.minus(Duration.ofNanos(System.nanoTime() - started));
      if (!e.connection() || left.toMillis() < 1) {
        throw e;
      }
      return Calls.send(client, request, HttpResponse.BodyHandlers.discarding(), left).statusCode();
    }
  }

  private void record(ProbeOutcome outcome) {
    registry
        .counter(
            MetricNames.PROBES,
            MetricNames.TAG_PROBE,
            outcome.target().name(),
            MetricNames.TAG_OUTCOME,
            outcome.up() ? MetricNames.OUTCOME_SUCCESS : MetricNames.OUTCOME_FAILURE)
        .increment();
    if (!outcome.up()) {
      LOG.warn(
          "Probe {} ({}) failed: {}",
          outcome.target().name(),
          outcome.target().url(),
          outcome.detail());
      if (downtime != null) {
        String key = "probe " + outcome.target().name() + ":";
        try {
          Ledger.addOnce(
              downtime,
              new DowntimePeriod(
                  outcome.interval(),
                  outcome.interval().plus(interval),
                  DowntimeCause.PROBE,
                  outcome.target().slaTarget(),
                  key + " " + outcome.detail()),
              key);
        } catch (RuntimeException e) {
          LOG.warn(
              "Could not record the failed probe {} ({})", outcome.target().name(), e.toString());
        }
      }
    }
    for (Consumer<ProbeOutcome> listener : listeners) {
      try {
        listener.accept(outcome);
      } catch (RuntimeException e) {
        LOG.warn("A probe listener failed", e);
      }
    }
  }

  /** Starts ticking on a daemon thread of its own; once. */
  public synchronized HttpProber start() {
    if (ticker == null) {
      ticker = Ticker.start("omniy-probe", checkEvery, this::tick);
    }
    return this;
  }

  /** Stops ticking, waiting for a round in flight (each probe ends within the timeout). */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.close();
    }
  }

  /** Configures an {@link HttpProber}; at least one target is required. Not thread-safe. */
  public static final class Builder {
    private final Map<String, ProbeTarget> targets = new LinkedHashMap<>();
    private Duration interval = Duration.ofMinutes(5);
    private Duration timeout = Duration.ofSeconds(10);
    private Duration checkEvery = Duration.ofSeconds(15);
    private Clock clock = Clock.systemUTC();
    private @Nullable HttpClient client;
    private @Nullable DowntimeStore downtime;
    private @Nullable MeterRegistry registry;
    private JobLeaseStore leases = InMemoryStores.jobLeases();
    private String owner = "omniy-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Consumer<ProbeOutcome>> listeners = new ArrayList<>();

    private Builder() {}

    /** Probes {@code target}; a second target with the same name replaces the first. */
    public Builder target(ProbeTarget target) {
      Require.nonNull(target, "target");
      targets.put(target.name(), target);
      return this;
    }

    /** Probes {@code url} expecting 200 ({@link ProbeTarget#of}). */
    public Builder target(String name, java.net.URI url) {
      return target(ProbeTarget.of(name, url));
    }

    /**
     * How often the targets are probed across all runtimes (default 5 minutes, SLA-5 and the
     * guide's ALERT-5 cadence for external checks): whole seconds, 10 s to 1 day.
     */
    public Builder interval(Duration value) {
      Require.positive(value, "interval");
      if (value.getNano() != 0 || value.getSeconds() < 10 || value.getSeconds() > 86_400) {
        throw new InvalidValueException("interval", value, "must be whole seconds, 10 s to 1 day");
      }
      this.interval = value;
      return this;
    }

    /** How long one probe may take, connection included (default 10 s), at most 5 minutes. */
    public Builder timeout(Duration value) {
      this.timeout =
          Require.atMost(Require.positive(value, "timeout"), Duration.ofMinutes(5), "timeout");
      return this;
    }

    /** How often {@link #start()}'s thread asks whether an interval is due (default 15 s). */
    public Builder checkEvery(Duration value) {
      this.checkEvery = Require.positive(value, "checkEvery");
      return this;
    }

    /** The time source (default the UTC system clock). */
    public Builder clock(Clock value) {
      this.clock = Require.nonNull(value, "clock");
      return this;
    }

    /**
     * The HTTP client (default one following redirects, with the timeout as its connect timeout).
     */
    public Builder httpClient(HttpClient value) {
      this.client = Require.nonNull(value, "httpClient");
      return this;
    }

    /** Where failed probes are recorded as downtime (default nowhere). */
    public Builder downtime(DowntimeStore value) {
      this.downtime = Require.nonNull(value, "downtime");
      return this;
    }

    /**
     * Where {@code omniy.probes} is counted; required (the runtime's own through {@code
     * Omniy.builder()}), so no count is lost in a registry nobody reads.
     */
    public Builder registry(MeterRegistry value) {
      this.registry = Require.nonNull(value, "registry");
      return this;
    }

    /**
     * The lease store shared by every runtime that probes (default in memory: this runtime alone);
     * share the maintenance calendar's, e.g. {@code FirestoreJobLeaseStore}.
     */
    public Builder leases(JobLeaseStore value) {
      this.leases = Require.nonNull(value, "leases");
      return this;
    }

    /** Who this runtime is in the lease store (default a random {@code omniy-…}). */
    public Builder owner(String value) {
      this.owner = Require.nonBlank(value, "owner");
      return this;
    }

    /** Hears every probe's outcome, on the probing thread; a listener that throws is logged. */
    public Builder listener(Consumer<ProbeOutcome> value) {
      listeners.add(Require.nonNull(value, "listener"));
      return this;
    }

    /**
     * @throws InvalidValueException naming {@code targets} if none was given
     */
    public HttpProber build() {
      if (targets.isEmpty()) {
        throw new InvalidValueException("targets", "[]", "must name at least one URL to probe");
      }
      return new HttpProber(this);
    }
  }
}
