package app.omniy.runtime.probe;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.maintenance.spi.JobLeaseStore;
import app.omniy.core.memory.InMemoryStores;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.sla.spi.DowntimeStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the guide's external monitor, UptimeRobot, into the downtime ledger (SLA-5): its API v2
 * {@code getMonitors} with {@code logs=1} gives each monitor's log of events, {@code type} 1
 * (down), 2 (up), 98 (started) and 99 (paused), each with a Unix {@code datetime}. A down event
 * becomes a downtime period with cause {@code probe} from its time to the monitor's next event (the
 * up, a pause, a restart); a down event with no later event is skipped while the monitor is still
 * down (its end is not known yet) and imported by the run after it recovers.
 *
 * <p>Importing is idempotent: a period already in the store (same start, end, target, from the same
 * monitor) is not added again, so importing the same logs twice adds nothing. The API key is sent
 * in the POST body, as UptimeRobot asks, never in the URL, and never appears in a log line or
 * exception message. {@link #importLogs()} imports once; {@link #tick()} does it when the current
 * interval (5 minutes by default) is this runtime's under the lease store, and {@link #start()}
 * ticks on a daemon thread.
 */
public final class UptimeRobotImporter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UptimeRobotImporter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** UptimeRobot's API v2 {@code getMonitors} endpoint. */
  public static final URI ENDPOINT = URI.create("https://api.uptimerobot.com/v2/getMonitors");

  /** The job id under which import intervals are leased. */
  public static final String JOB_ID = "uptimerobot-import";

  /** Monitors per page: UptimeRobot's largest {@code limit}. */
  static final int PAGE = 50;

  /** The most pages one import reads (2,500 monitors). */
  static final int MAX_PAGES = 50;

  private static final int DOWN = 1;

  private final String apiKey;
  private final URI endpoint;
  private final List<String> monitors;
  private final Map<String, SlaTarget> targets;
  private final SlaTarget defaultTarget;
  private final DowntimeStore downtime;
  private final Duration timeout;
  private final Duration every;
  private final Clock clock;
  private final HttpClient client;
  private final MeterRegistry registry;
  private final SlotLease lease;
  private final Object round = new Object();
  private @Nullable Instant notBefore;
  private @Nullable Ticker ticker;

  private UptimeRobotImporter(Builder b, String apiKey, DowntimeStore downtime) {
    this.apiKey = apiKey;
    this.endpoint = b.endpoint;
    this.monitors = List.copyOf(b.monitors);
    this.targets = Map.copyOf(b.targets);
    this.defaultTarget = b.defaultTarget;
    this.downtime = downtime;
    this.timeout = b.timeout;
    this.every = b.every;
    this.clock = b.clock;
    this.client =
        b.client != null ? b.client : HttpClient.newBuilder().connectTimeout(timeout).build();
    this.registry = Require.nonNull(b.registry, "registry");
    Duration hold = timeout.multipliedBy(MAX_PAGES).plusSeconds(30);
    this.lease =
        new SlotLease(b.leases, JOB_ID, b.owner, every, hold.compareTo(every) < 0 ? hold : every);
  }

  /** A builder; the API key and the downtime store are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * What one import did.
   *
   * @param monitors monitors read
   * @param downEvents down events seen
   * @param added periods added to the store
   * @param alreadyRecorded periods the store held already (an earlier import)
   * @param ongoing down events skipped because the monitor is still down
   */
  public record ImportSummary(
      int monitors, int downEvents, int added, int alreadyRecorded, int ongoing) {}

  /**
   * Reads every configured monitor's logs and records their down periods.
   *
   * @throws UptimeRobotException if UptimeRobot answered with an error, a rate limit, a server
   *     error or not at all; nothing of that page or later is recorded
   */
  public ImportSummary importLogs() {
    int monitorCount = 0;
    int downEvents = 0;
    int added = 0;
    int already = 0;
    int ongoing = 0;
    int offset = 0;
    for (int page = 0; page < MAX_PAGES; page++) {
      JsonNode body = fetch(offset);
      JsonNode list = body.path("monitors");
      for (JsonNode monitor : list) {
        monitorCount++;
        for (Period p : periods(monitor)) {
          downEvents++;
          if (p.period == null) {
            ongoing++;
          } else if (Ledger.addOnce(downtime, p.period, p.key)) {
            added++;
          } else {
            already++;
          }
        }
      }
      JsonNode pagination = body.path("pagination");
      int total = pagination.path("total").asInt(0);
      offset += list.size();
      if (list.size() == 0 || offset >= total) {
        break;
      }
    }
    return new ImportSummary(monitorCount, downEvents, added, already, ongoing);
  }

  /**
   * Imports if the current interval is this runtime's to run and UptimeRobot's last rate limit has
   * passed; never throws for what UptimeRobot does (failures are logged and counted in {@code
   * omniy.uptimerobot.imports{outcome=failure}}).
   *
   * @return what was imported, empty when nothing ran or it failed
   */
  public Optional<ImportSummary> tick() {
    synchronized (round) {
      Instant now = clock.instant();
      if (notBefore != null && now.isBefore(notBefore)) {
        return Optional.empty();
      }
      Instant due;
      try {
        due = lease.claim(now);
      } catch (RuntimeException e) {
        LOG.warn(
            "UptimeRobot import at {} skipped: the lease store failed ({})", now, e.toString());
        return Optional.empty();
      }
      if (due == null) {
        return Optional.empty();
      }
      Optional<ImportSummary> result = Optional.empty();
      try {
        ImportSummary summary = importLogs();
        count(MetricNames.OUTCOME_SUCCESS);
        if (summary.added() > 0) {
          LOG.info("UptimeRobot: {} downtime periods imported", summary.added());
        }
        result = Optional.of(summary);
      } catch (UptimeRobotException e) {
        count(MetricNames.OUTCOME_FAILURE);
        e.retryAfter().ifPresent(wait -> notBefore = now.plus(wait));
        LOG.warn("UptimeRobot import failed: {}", e.getMessage());
      } catch (RuntimeException e) {
        count(MetricNames.OUTCOME_FAILURE);
        LOG.warn("UptimeRobot import failed: could not record ({})", e.toString());
      }
      try {
        lease.done(due); // a failed import is tried again next interval, not by another runtime now
      } catch (RuntimeException e) {
        LOG.warn("Could not mark the UptimeRobot import {} done ({})", due, e.toString());
      }
      return result;
    }
  }

  private void count(String outcome) {
    registry.counter(MetricNames.UPTIMEROBOT_IMPORTS, MetricNames.TAG_OUTCOME, outcome).increment();
  }

  private JsonNode fetch(int offset) {
    StringBuilder form = new StringBuilder();
    form.append("api_key=").append(URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
    form.append("&format=json&logs=1");
    if (!monitors.isEmpty()) {
      form.append("&monitors=").append(String.join("-", monitors));
    }
    form.append("&offset=").append(offset).append("&limit=").append(PAGE);
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cache-Control", "no-cache")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build();
    HttpResponse<String> response;
    try {
      response = Calls.send(client, request, HttpResponse.BodyHandlers.ofString(), timeout);
    } catch (Calls.Failed e) {
      throw new UptimeRobotException("getMonitors: " + hide(e.getMessage()), true, null);
    }
    int status = response.statusCode();
    if (status == 429) {
      Duration wait = retryAfter(response).orElse(null);
      throw new UptimeRobotException(
          "getMonitors: rate limited (HTTP 429)"
              + (wait == null ? "" : ", retry after " + wait.getSeconds() + " s"),
          true,
          wait);
    }
    if (status / 100 != 2) {
      throw new UptimeRobotException(
          "getMonitors answered HTTP " + status + ": " + excerpt(response.body()),
          status / 100 == 5,
          null);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new UptimeRobotException(
          "getMonitors answered something other than JSON: " + excerpt(response.body()),
          true,
          null);
    }
    String stat = body.path("stat").asText("");
    if (!stat.equals("ok")) {
      JsonNode error = body.path("error");
      // Never passed_value: UptimeRobot echoes the rejected value, which may be the key.
      StringBuilder why = new StringBuilder(error.path("type").asText("unknown error"));
      if (error.hasNonNull("parameter_name")) {
        why.append(" (parameter ").append(error.path("parameter_name").asText()).append(')');
      }
      if (error.hasNonNull("message")) {
        why.append(": ").append(error.path("message").asText());
      }
      throw new UptimeRobotException(
          "getMonitors failed: " + hide(why.toString()), why.indexOf("internal") >= 0, null);
    }
    return body;
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            v -> {
              try {
                long seconds = Long.parseLong(v.strip());
                return seconds < 0 || seconds > 86_400
                    ? Optional.empty()
                    : Optional.of(Duration.ofSeconds(seconds));
              } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: the next interval tries again
              }
            });
  }

  private String excerpt(String body) {
    String text = body.length() > 200 ? body.substring(0, 200) + "…" : body;
    return hide(text.replaceAll("\\s+", " ").strip());
  }

  /** {@code text} with the API key blanked, wherever a server may have echoed it. */
  private String hide(String text) {
    return apiKey.length() < 4 ? text : text.replace(apiKey, "***");
  }

  private record Period(@Nullable DowntimePeriod period, String key) {}

  /** The monitor's down events as periods; {@code null} for one still going on. */
  private List<Period> periods(JsonNode monitor) {
    String id = monitor.path("id").asText("");
    String name = monitor.path("friendly_name").asText("");
    int status = monitor.path("status").asInt(-1);
    boolean downNow = status == 8 || status == 9; // "seems down", "down"
    List<JsonNode> logs = new ArrayList<>();
    monitor.path("logs").forEach(logs::add);
    // UptimeRobot lists the newest first; the order is not relied on.
    logs.sort(Comparator.comparingLong(log -> log.path("datetime").asLong()));
    SlaTarget target = targets.getOrDefault(id, defaultTarget);
    String key = "uptimerobot " + id + ":";
    List<Period> periods = new ArrayList<>();
    for (int i = 0; i < logs.size(); i++) {
      JsonNode log = logs.get(i);
      if (log.path("type").asInt() != DOWN) {
        continue;
      }
      long start = log.path("datetime").asLong();
      long end;
      if (i + 1 < logs.size()) {
        end = logs.get(i + 1).path("datetime").asLong();
      } else if (!downNow && log.path("duration").asLong(0) > 0) {
        end = start + log.path("duration").asLong();
      } else {
        periods.add(new Period(null, key));
        continue;
      }
      if (end <= start) {
        continue; // an up event in the same second: nothing measurable
      }
      JsonNode reason = log.path("reason");
      String why = reason.path("detail").asText("");
      if (why.isBlank()) {
        why = reason.path("code").asText("");
      }
      String note = key + " " + name + " down" + (why.isBlank() ? "" : " (" + why + ")");
      periods.add(
          new Period(
              new DowntimePeriod(
                  Instant.ofEpochSecond(start),
                  Instant.ofEpochSecond(end),
                  DowntimeCause.PROBE,
                  target,
                  note),
              key));
    }
    return periods;
  }

  /** Starts importing every interval on a daemon thread of its own; once. */
  public synchronized UptimeRobotImporter start() {
    if (ticker == null) {
      ticker = Ticker.start("omniy-uptimerobot", Duration.ofSeconds(30), this::tick);
    }
    return this;
  }

  /** Stops the thread, waiting for an import in flight. */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.close();
    }
  }

  /** The configuration in words, without the API key. */
  @Override
  public String toString() {
    return "UptimeRobotImporter[" + endpoint + ", monitors " + monitors + ", every " + every + "]";
  }

  /** Configures an {@link UptimeRobotImporter}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String apiKey;
    private URI endpoint = ENDPOINT;
    private final List<String> monitors = new ArrayList<>();
    private final Map<String, SlaTarget> targets = new LinkedHashMap<>();
    private SlaTarget defaultTarget = SlaTarget.SYSTEM;
    private @Nullable DowntimeStore downtime;
    private Duration timeout = Duration.ofSeconds(30);
    private Duration every = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private @Nullable HttpClient client;
    private @Nullable MeterRegistry registry;
    private JobLeaseStore leases = InMemoryStores.jobLeases();
    private String owner = "omniy-" + UUID.randomUUID().toString().substring(0, 8);

    private Builder() {}

    /** The account's read-only (or monitor-specific) API key. Required. */
    public Builder apiKey(String value) {
      this.apiKey = Require.nonBlank(value, "apiKey");
      return this;
    }

    /** The {@code getMonitors} URL (default {@link #ENDPOINT}). */
    public Builder endpoint(URI value) {
      this.endpoint = Require.nonNull(value, "endpoint");
      return this;
    }

    /**
     * Imports only these monitors (default every monitor of the account), their downtime counted
     * against the default target.
     */
    public Builder monitors(String... ids) {
      for (String id : Require.nonNull(ids, "monitors")) {
        add(id);
      }
      return this;
    }

    /** Imports monitor {@code id}, its downtime counted against {@code target}. */
    public Builder monitor(String id, SlaTarget target) {
      add(id);
      targets.put(id, Require.nonNull(target, "target"));
      return this;
    }

    private void add(String id) {
      Require.nonBlank(id, "monitors");
      if (!id.matches("[0-9]{1,20}")) {
        throw new InvalidValueException("monitors", id, "must be a numeric UptimeRobot monitor id");
      }
      if (!monitors.contains(id)) {
        monitors.add(id);
      }
    }

    /** What a monitor not named by {@link #monitor} counts against (default {@code system}). */
    public Builder target(SlaTarget value) {
      this.defaultTarget = Require.nonNull(value, "target");
      return this;
    }

    /** Where the down periods go. Required. */
    public Builder downtime(DowntimeStore value) {
      this.downtime = Require.nonNull(value, "downtime");
      return this;
    }

    /** How long one request may take (default 30 s), at most 5 minutes. */
    public Builder timeout(Duration value) {
      this.timeout =
          Require.atMost(Require.positive(value, "timeout"), Duration.ofMinutes(5), "timeout");
      return this;
    }

    /**
     * How often {@link #tick()} imports across all runtimes (default 5 minutes, the monitor's own
     * cadence; the free plan allows 10 requests a minute): whole seconds, 1 minute to 1 day.
     */
    public Builder every(Duration value) {
      Require.positive(value, "every");
      if (value.getNano() != 0 || value.getSeconds() < 60 || value.getSeconds() > 86_400) {
        throw new InvalidValueException("every", value, "must be whole seconds, 1 minute to 1 day");
      }
      this.every = value;
      return this;
    }

    /** The time source (default the UTC system clock). */
    public Builder clock(Clock value) {
      this.clock = Require.nonNull(value, "clock");
      return this;
    }

    /** The HTTP client (default one with the timeout as its connect timeout). */
    public Builder httpClient(HttpClient value) {
      this.client = Require.nonNull(value, "httpClient");
      return this;
    }

    /**
     * Where {@code omniy.uptimerobot.imports} is counted; required (the runtime's own through
     * {@code Omniy.builder()}), so no count is lost in a registry nobody reads.
     */
    public Builder registry(MeterRegistry value) {
      this.registry = Require.nonNull(value, "registry");
      return this;
    }

    /** The lease store shared by every runtime that imports (default in memory). */
    public Builder leases(JobLeaseStore value) {
      this.leases = Require.nonNull(value, "leases");
      return this;
    }

    /** Who this runtime is in the lease store (default a random {@code omniy-…}). */
    public Builder owner(String value) {
      this.owner = Require.nonBlank(value, "owner");
      return this;
    }

    /**
     * @throws InvalidValueException naming {@code apiKey} or {@code downtime} if missing
     */
    public UptimeRobotImporter build() {
      return new UptimeRobotImporter(
          this, Require.nonNull(apiKey, "apiKey"), Require.nonNull(downtime, "downtime"));
    }
  }
}
