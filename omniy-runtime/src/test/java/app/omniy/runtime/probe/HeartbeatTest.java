package app.omniy.runtime.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.metrics.MetricNames;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dead-man's switch against WireMock standing in for Healthchecks.io. */
class HeartbeatTest {
  @RegisterExtension
  static WireMockExtension hc =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
          .build();

  private static final String CHECK = "/5bf66975-d4c7-4bf5-bcc8-b8d8a82ea278";
  private final MeterRegistry registry = new SimpleMeterRegistry();

  private Heartbeat.Builder heartbeat() {
    hc.stubFor(any(urlPathEqualTo(CHECK)).willReturn(aResponse().withStatus(200).withBody("OK")));
    hc.stubFor(
        any(urlPathEqualTo(CHECK + "/fail"))
            .willReturn(aResponse().withStatus(200).withBody("OK")));
    return Heartbeat.builder()
        .url(URI.create(hc.baseUrl() + CHECK))
        .timeout(Duration.ofSeconds(5)) // generous: the machine may be loaded
        .registry(registry);
  }

  private double count(String signal, String outcome) {
    var counter =
        registry
            .find(MetricNames.HEARTBEATS)
            .tags(MetricNames.TAG_SIGNAL, signal, MetricNames.TAG_OUTCOME, outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void a_healthy_runtime_pings_the_check_url() {
    Heartbeat.Beat beat = heartbeat().build().tick();

    assertThat(beat.healthy()).isTrue();
    assertThat(beat.delivered()).isTrue();
    assertThat(beat.detail()).isEqualTo("HTTP 200");
    hc.verify(1, getRequestedFor(urlEqualTo(CHECK)));
    hc.verify(0, getRequestedFor(urlEqualTo(CHECK + "/fail")));
    assertThat(count("ok", "success")).isEqualTo(1);
  }

  @Test
  void a_failing_self_check_pings_fail_and_posts_why() {
    Heartbeat beat =
        heartbeat()
            .method(Heartbeat.Method.POST)
            .selfCheck(() -> Optional.of("DOWN: store: UNAVAILABLE: deadline exceeded"))
            .build();
    Heartbeat.Beat sent = beat.tick();

    assertThat(sent.healthy()).isFalse();
    assertThat(sent.delivered()).isTrue();
    assertThat(sent.detail()).isEqualTo("DOWN: store: UNAVAILABLE: deadline exceeded; HTTP 200");
    assertThat(hc.findAll(postRequestedFor(urlEqualTo(CHECK + "/fail"))))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.getBodyAsString())
                    .isEqualTo("DOWN: store: UNAVAILABLE: deadline exceeded"));
    assertThat(count("fail", "success")).isEqualTo(1);
  }

  @Test
  void a_self_check_that_throws_counts_as_failing() {
    Heartbeat.Beat beat =
        heartbeat()
            .selfCheck(
                () -> {
                  throw new IllegalStateException("health report unavailable");
                })
            .build()
            .tick();

    assertThat(beat.healthy()).isFalse();
    hc.verify(1, getRequestedFor(urlEqualTo(CHECK + "/fail")));
  }

  @Test
  void server_errors_rate_limits_resets_and_hangs_never_throw_and_are_counted() {
    Heartbeat beat = heartbeat().build();
    Heartbeat impatient = heartbeat().timeout(Duration.ofMillis(1500)).build();
    hc.stubFor(get(CHECK).willReturn(aResponse().withStatus(503)));
    assertThat(beat.tick().delivered()).isFalse();
    hc.stubFor(get(CHECK).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
    assertThat(beat.tick()).satisfies(b -> assertThat(b.detail()).isEqualTo("HTTP 429"));
    hc.stubFor(get(CHECK).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(beat.tick().detail()).startsWith("connection failed");
    hc.stubFor(get(CHECK).willReturn(aResponse().withStatus(200).withFixedDelay(8_000)));
    long started = System.nanoTime();
    assertThat(impatient.tick().detail()).isEqualTo("no answer within 1500 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4_500));

    assertThat(count("ok", "failure")).isEqualTo(4);
    assertThat(count("ok", "success")).isZero();
  }

  @Test
  void the_fail_url_keeps_the_query_and_may_be_given_for_uptime_kuma() {
    assertThat(Heartbeat.failUrlOf(URI.create("https://hc-ping.com/abc/?rid=1")))
        .isEqualTo(URI.create("https://hc-ping.com/abc/fail?rid=1"));
    assertThat(
            Heartbeat.failUrlOf(URI.create("https://uptime.betterstack.com/api/v1/heartbeat/tok")))
        .isEqualTo(URI.create("https://uptime.betterstack.com/api/v1/heartbeat/tok/fail"));

    hc.stubFor(
        get(urlPathEqualTo("/api/push/Xy12")).willReturn(aResponse().withBody("{\"ok\":true}")));
    Heartbeat kuma =
        Heartbeat.builder()
            .url(URI.create(hc.baseUrl() + "/api/push/Xy12?status=up&msg=OK"))
            .failUrl(URI.create(hc.baseUrl() + "/api/push/Xy12?status=down&msg=DOWN"))
            .selfCheck(() -> Optional.of("DOWN"))
            .registry(registry)
            .build();
    assertThat(kuma.tick().delivered()).isTrue();
    hc.verify(1, anyRequestedFor(urlEqualTo("/api/push/Xy12?status=down&msg=DOWN")));
  }

  @Test
  void a_heartbeat_needs_an_http_url_and_never_echoes_it() {
    assertThatThrownBy(() -> Heartbeat.builder().build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("url");
    assertThatThrownBy(() -> Heartbeat.builder().url(URI.create("https://hc-ping.com/x")).build())
        .as("no count lost in a registry nobody reads")
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("registry");
    assertThatThrownBy(() -> Heartbeat.builder().url(URI.create("mailto:secret-token@x")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageNotContaining("secret-token");
    assertThatThrownBy(() -> Heartbeat.builder().every(Duration.ofHours(2)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("every");
  }

  @Test
  void started_it_pings_at_once_and_stops_on_close() throws InterruptedException {
    hc.stubFor(post(CHECK).willReturn(aResponse().withStatus(200)));
    Heartbeat beat = heartbeat().every(Duration.ofSeconds(1)).build().start();
    try {
      app.omniy.testkit.Await.until(
          "two pings", () -> hc.findAll(getRequestedFor(urlEqualTo(CHECK))).size() >= 2);
    } finally {
      beat.close();
    }
    int after = hc.findAll(getRequestedFor(urlEqualTo(CHECK))).size();
    Thread.sleep(1_500);
    assertThat(hc.findAll(getRequestedFor(urlEqualTo(CHECK)))).hasSize(after);
  }
}
