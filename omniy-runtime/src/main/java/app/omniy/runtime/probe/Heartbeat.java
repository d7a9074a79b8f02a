package app.omniy.runtime.probe;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.metrics.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-man's switch: pings an outside monitor every minute so that it pages when this process
 * goes silent (it died, hung, or lost its network), which an alert engine running inside the
 * process cannot do. It follows the convention of Healthchecks.io, Better Stack heartbeats and
 * Uptime Kuma push monitors: a request to the check's URL means "alive and well"; while the
 * runtime's own self-check fails, the request goes to {@code <url>/fail} instead (Healthchecks.io,
 * Better Stack) or to the {@link Builder#failUrl} the host gives (Uptime Kuma: {@code
 * …?status=down}), so the monitor pages at once rather than after its grace period.
 *
 * <p>{@code GET} by default; with {@code POST} the body is the self-check's failure in words (empty
 * when well), which Healthchecks.io shows in its log. Each ping is bounded by the timeout (10 s by
 * default), never throws into the runtime and counts in {@code
 * omniy.heartbeats{signal=ok|fail,outcome=success|failure}}. Every runtime pings on its own: give
 * each one its own check to learn which one went silent.
 */
public final class Heartbeat implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

  /** How the ping is sent. */
  public enum Method {
    /** A {@code GET}, which every such monitor accepts. */
    GET,
    /** A {@code POST} carrying the self-check's failure, if any, as plain text. */
    POST
  }

  private final URI url;
  private final URI failUrl;
  private final Method method;
  private final Duration every;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient client;
  private final MeterRegistry registry;
  private final Supplier<Optional<String>> selfCheck;
  private final Object round = new Object();
  private @Nullable Ticker ticker;

  private Heartbeat(Builder b, URI url) {
    this.url = url;
    this.failUrl = b.failUrl != null ? b.failUrl : failUrlOf(url);
    this.method = b.method;
    this.every = b.every;
    this.timeout = b.timeout;
    this.clock = b.clock;
    this.client =
        b.client != null ? b.client : HttpClient.newBuilder().connectTimeout(timeout).build();
    this.registry = Require.nonNull(b.registry, "registry");
    this.selfCheck = b.selfCheck;
  }

  /** A builder; the check's URL is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * One ping.
   *
   * @param at when it was sent
   * @param healthy whether the self-check passed ({@code url}) or failed ({@code url/fail})
   * @param delivered whether the monitor answered 2xx within the timeout
   * @param status the HTTP status, or 0 without an answer
   * @param detail the self-check's failure when unhealthy, then what the monitor answered
   */
  public record Beat(Instant at, boolean healthy, boolean delivered, int status, String detail) {}

  /** {@code url} with {@code /fail} appended to its path, its query kept. */
  static URI failUrlOf(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String text =
        url.getScheme()
            + "://"
            + url.getRawAuthority()
            + path
            + "/fail"
            + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    return URI.create(text);
  }

  /** The URL pinged while healthy. */
  public URI url() {
    return url;
  }

  /** The URL pinged while the self-check fails. */
  public URI failUrl() {
    return failUrl;
  }

  /** Runs the self-check and pings; never throws. */
  public Beat tick() {
    synchronized (round) {
      Instant at = clock.instant();
      Optional<String> failure;
      try {
        failure = selfCheck.get();
      } catch (RuntimeException e) {
        failure = Optional.of("the self-check threw " + e);
      }
      boolean healthy = failure.isEmpty();
      String why = failure.orElse("");
      HttpRequest.Builder request =
          HttpRequest.newBuilder(healthy ? url : failUrl)
              .timeout(timeout)
              .header("User-Agent", "Omniy-Heartbeat/1");
      if (method == Method.POST) {
        request
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(why, StandardCharsets.UTF_8));
      } else {
        request.GET();
      }
      int status = 0;
      String answer;
      try {
        status =
            Calls.send(client, request.build(), HttpResponse.BodyHandlers.discarding(), timeout)
                .statusCode();
        answer = "HTTP " + status;
      } catch (Calls.Failed e) {
        answer = e.getMessage();
      } catch (RuntimeException e) {
        answer = "failed: " + e;
      }
      boolean delivered = status / 100 == 2;
      registry
          .counter(
              MetricNames.HEARTBEATS,
              MetricNames.TAG_SIGNAL,
              healthy ? "ok" : "fail",
              MetricNames.TAG_OUTCOME,
              delivered ? MetricNames.OUTCOME_SUCCESS : MetricNames.OUTCOME_FAILURE)
          .increment();
      if (!delivered) {
        // Not the URL: a ping URL is the check's secret.
        LOG.warn("Heartbeat not delivered: {}", answer);
      }
      String detail = healthy ? answer : why + "; " + answer;
      return new Beat(at, healthy, delivered, status, detail);
    }
  }

  /** Starts pinging on a daemon thread of its own, the first ping at once; once. */
  public synchronized Heartbeat start() {
    if (ticker == null) {
      ticker = Ticker.start("omniy-heartbeat", every, this::tick);
    }
    return this;
  }

  /** Stops pinging; the outside monitor pages after its grace period unless told otherwise. */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.close();
    }
  }

  /** Configures a {@link Heartbeat}. Not thread-safe. */
  public static final class Builder {
    private @Nullable URI url;
    private @Nullable URI failUrl;
    private Method method = Method.GET;
    private Duration every = Duration.ofMinutes(1);
    private Duration timeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private @Nullable HttpClient client;
    private @Nullable MeterRegistry registry;
    private Supplier<Optional<String>> selfCheck = Optional::empty;

    private Builder() {}

    /**
     * The check's ping URL, e.g. {@code https://hc-ping.com/<uuid>} or {@code
     * https://uptime.betterstack.com/api/v1/heartbeat/<token>}. Required.
     */
    public Builder url(URI value) {
      this.url = httpUrl(value, "url");
      return this;
    }

    /**
     * Where to ping while the self-check fails (default {@code <url>/fail}); for Uptime Kuma, the
     * push URL with {@code ?status=down&msg=…}.
     */
    public Builder failUrl(URI value) {
      this.failUrl = httpUrl(value, "failUrl");
      return this;
    }

    /** {@code GET} (default) or {@code POST}. */
    public Builder method(Method value) {
      this.method = Require.nonNull(value, "method");
      return this;
    }

    /** How often to ping (default 1 minute), 1 s to 1 hour. */
    public Builder every(Duration value) {
      Require.positive(value, "every");
      if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofHours(1)) > 0) {
        throw new InvalidValueException("every", value, "must be 1 s to 1 hour");
      }
      this.every = value;
      return this;
    }

    /** How long one ping may take (default 10 s), at most 1 minute. */
    public Builder timeout(Duration value) {
      this.timeout =
          Require.atMost(Require.positive(value, "timeout"), Duration.ofMinutes(1), "timeout");
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
     * Where {@code omniy.heartbeats} is counted; required (the runtime's own through {@code
     * Omniy.builder()}), so no count is lost in a registry nobody reads.
     */
    public Builder registry(MeterRegistry value) {
      this.registry = Require.nonNull(value, "registry");
      return this;
    }

    /**
     * The runtime's own check: empty while healthy, else why not (default always healthy; the
     * {@code Omniy} builder sets its health report, failing while it is {@code DOWN}). A check that
     * throws counts as failing.
     */
    public Builder selfCheck(Supplier<Optional<String>> value) {
      this.selfCheck = Require.nonNull(value, "selfCheck");
      return this;
    }

    /**
     * @throws InvalidValueException naming {@code url} if it was not given
     */
    public Heartbeat build() {
      return new Heartbeat(this, Require.nonNull(url, "url"));
    }

    private static URI httpUrl(@Nullable URI value, String field) {
      Require.nonNull(value, field);
      String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || value.getHost() == null) {
        // The URL itself is the check's secret: not echoed.
        throw new InvalidValueException(
            field, "(hidden)", "must be an http or https URL with a host");
      }
      return value;
    }
  }
}
