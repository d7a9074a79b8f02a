package app.omniy.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.memory.InMemoryStores;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.spi.CircuitState;
import app.omniy.core.sla.TimeRange;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.testkit.Await;
import app.omniy.testkit.ScriptedPublisher;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The prober, the UptimeRobot importer and the heartbeat plugged into the runtime by one builder
 * call each: started with it on its registry, stopped with it (SLA-5).
 */
class OmniyProbesTest {
  @RegisterExtension
  static WireMockExtension outside =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
          .build();

  private URI url(String path) {
    return URI.create(outside.baseUrl() + path);
  }

  private int requests(String path) {
    return outside.findAll(getRequestedFor(urlEqualTo(path))).size()
        + outside.findAll(postRequestedFor(urlEqualTo(path))).size();
  }

  @Test
  void the_runtime_probes_imports_and_pings_on_its_registry_until_it_stops() {
    outside.stubFor(get("/healthz").willReturn(aResponse().withStatus(200).withBody("ok")));
    outside.stubFor(post("/hc").willReturn(aResponse().withStatus(200).withBody("OK")));
    outside.stubFor(post("/hc/fail").willReturn(aResponse().withStatus(200).withBody("OK")));
    outside.stubFor(
        post("/v2/getMonitors")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"stat":"ok","pagination":{"offset":0,"limit":50,"total":1},"monitors":[
                         {"id":777749809,"friendly_name":"omniy.app","url":"https://omniy.app/",
                          "type":1,"interval":300,"status":2,"logs":[
                           {"type":2,"datetime":1775786400,"duration":600,
                            "reason":{"code":"200","detail":"OK"}},
                           {"type":1,"datetime":1775783400,"duration":3000,
                            "reason":{"code":"503","detail":"Service Unavailable"}}]}]}""")));
    var registry = new SimpleMeterRegistry();
    DowntimeStore downtime = InMemoryStores.downtime();
    var publisher = new ScriptedPublisher();
    Omniy omniy =
        Omniy.builder()
            .publisher(publisher)
            .meterRegistry(registry)
            .probes(
                p ->
                    p.target("web", url("/healthz"))
                        .checkEvery(Duration.ofMillis(50))
                        // one interval for the whole test, whenever it runs
                        .clock(Clock.fixed(Instant.parse("2026-04-10T03:00:00Z"), ZoneOffset.UTC)))
            .uptimeRobot(
                u -> u.apiKey("ur-test-key").endpoint(url("/v2/getMonitors")).downtime(downtime))
            .heartbeat(
                h ->
                    h.url(url("/hc"))
                        .method(app.omniy.runtime.probe.Heartbeat.Method.POST)
                        .every(Duration.ofSeconds(1)))
            .start();
    try {
      assertThat(omniy.prober()).isPresent();
      assertThat(omniy.config().probes()).isNotNull();
      Await.until(
          "the first probe counted", () -> registry.find(MetricNames.PROBES).counter() != null);
      Await.until(
          "a heartbeat counted",
          () ->
              registry.find(MetricNames.HEARTBEATS).tag(MetricNames.TAG_SIGNAL, "ok").counter()
                  != null);
      Await.until(
          "the import",
          () ->
              !downtime
                  .overlapping(
                      new TimeRange(
                          Instant.parse("2026-04-10T00:00:00Z"),
                          Instant.parse("2026-04-11T00:00:00Z")))
                  .isEmpty());
      assertThat(
              registry
                  .get(MetricNames.PROBES)
                  .tag(MetricNames.TAG_OUTCOME, "success")
                  .counter()
                  .count())
          .as("one probe per 5-minute interval, though the thread asks every 50 ms")
          .isEqualTo(1);
      assertThat(
              registry
                  .get(MetricNames.HEARTBEATS)
                  .tag(MetricNames.TAG_SIGNAL, "ok")
                  .counter()
                  .count())
          .isPositive();

      assertThat(requests("/healthz")).isEqualTo(1);
      publisher.circuit(CircuitState.OPEN); // the health report turns DOWN
      Await.until("a /fail ping", () -> requests("/hc/fail") >= 1);
      assertThat(outside.findAll(postRequestedFor(urlEqualTo("/hc/fail"))).get(0).getBodyAsString())
          .startsWith("DOWN: publisher: circuit open");
    } finally {
      omniy.close();
    }
    int pings = requests("/hc") + requests("/hc/fail");
    Await.until(
        "no thread left",
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .noneMatch(
                    t ->
                        t.isAlive()
                            && (t.getName().startsWith("omniy-probe")
                                || t.getName().startsWith("omniy-heartbeat")
                                || t.getName().startsWith("omniy-uptimerobot"))));
    assertThat(requests("/hc") + requests("/hc/fail")).isEqualTo(pings);
  }

  @Test
  void a_prober_without_targets_is_refused_before_anything_starts() {
    assertThatThrownBy(
            () ->
                Omniy.builder()
                    .publisher(new ScriptedPublisher())
                    .probes(p -> p.timeout(Duration.ofSeconds(5)))
                    .start())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("targets");
  }
}
