package app.omniy.runtime.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.memory.InMemoryStores;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.sla.TimeRange;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.testkit.SettableClock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The UptimeRobot importer against WireMock standing in for api.uptimerobot.com (SLA-5). */
class UptimeRobotImporterTest {
  @RegisterExtension
  static WireMockExtension api =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
          .build();

  private static final String KEY = "ur1234567-9f2c1b7d0e6a4c3b8a5d9e0f";
  private static final Instant NOW = Instant.parse("2026-04-12T00:00:00Z");

  private final SettableClock clock = SettableClock.at(NOW);
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final DowntimeStore downtime = InMemoryStores.downtime();

  /**
   * Two monitors as getMonitors answers with logs=1, newest log first: the web site was down
   * 2026-04-10 10:10–11:00 JST (type 1, then 2), paused and restarted; the API is down right now.
   */
  static final String MONITORS =
      """
      {
        "stat": "ok",
        "pagination": {"offset": 0, "limit": 50, "total": 2},
        "monitors": [
          {
            "id": 777749809,
            "friendly_name": "omniy.app",
            "url": "https://omniy.app/",
            "type": 1,
            "interval": 300,
            "status": 2,
            "create_datetime": 1711929600,
            "logs": [
              {"id": 9001004, "type": 98, "datetime": 1775876400, "duration": 12600,
               "reason": {"code": "", "detail": "Started"}},
              {"id": 9001003, "type": 99, "datetime": 1775872800, "duration": 3600,
               "reason": {"code": "", "detail": "Paused"}},
              {"id": 9001002, "type": 2, "datetime": 1775786400, "duration": 86400,
               "reason": {"code": "200", "detail": "OK"}},
              {"id": 9001001, "type": 1, "datetime": 1775783400, "duration": 3000,
               "reason": {"code": "503", "detail": "Service Unavailable"}},
              {"id": 9001000, "type": 2, "datetime": 1775001600, "duration": 781800,
               "reason": {"code": "200", "detail": "OK"}}
            ]
          },
          {
            "id": 777749810,
            "friendly_name": "Omniy API",
            "url": "https://api.omniy.app/healthz",
            "type": 1,
            "interval": 300,
            "status": 9,
            "create_datetime": 1711929600,
            "logs": [
              {"id": 9002001, "type": 1, "datetime": 1775951700, "duration": 300,
               "reason": {"code": "522", "detail": "Connection Timeout"}},
              {"id": 9002000, "type": 2, "datetime": 1775001600, "duration": 950100,
               "reason": {"code": "200", "detail": "OK"}}
            ]
          }
        ]
      }
      """;

  private UptimeRobotImporter.Builder importer() {
    return UptimeRobotImporter.builder()
        .apiKey(KEY)
        .endpoint(URI.create(api.baseUrl() + "/v2/getMonitors"))
        .timeout(Duration.ofSeconds(5)) // generous: the machine may be loaded
        .clock(clock)
        .registry(registry)
        .downtime(downtime);
  }

  private void answer(String body) {
    api.stubFor(
        post("/v2/getMonitors")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(body)));
  }

  private List<DowntimePeriod> periods() {
    return downtime
        .overlapping(new TimeRange(Instant.parse("2026-01-01T00:00:00Z"), NOW.plusSeconds(86_400)))
        .stream()
        .map(DowntimeStore.Stored::period)
        .toList();
  }

  @Test
  void down_events_become_downtime_until_the_next_event_and_an_ongoing_one_waits() {
    answer(MONITORS);
    var summary = importer().build().importLogs();

    assertThat(summary).isEqualTo(new UptimeRobotImporter.ImportSummary(2, 2, 1, 0, 1));
    assertThat(periods())
        .containsExactly(
            new DowntimePeriod(
                Instant.parse("2026-04-10T01:10:00Z"), // 10:10 JST
                Instant.parse("2026-04-10T02:00:00Z"),
                DowntimeCause.PROBE,
                SlaTarget.SYSTEM,
                "uptimerobot 777749809: omniy.app down (Service Unavailable)"));
  }

  @Test
  void the_key_goes_in_the_form_body_never_in_the_url() {
    answer(MONITORS);
    importer().monitors("777749809", "777749810").build().importLogs();

    List<LoggedRequest> requests = api.findAll(postRequestedFor(urlEqualTo("/v2/getMonitors")));
    assertThat(requests)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getUrl()).doesNotContain(KEY).doesNotContain("api_key");
              assertThat(r.getHeader("Content-Type"))
                  .isEqualTo("application/x-www-form-urlencoded");
              assertThat(r.getBodyAsString())
                  .isEqualTo(
                      "api_key="
                          + KEY
                          + "&format=json&logs=1&monitors=777749809-777749810&offset=0&limit=50");
            });
  }

  @Test
  void importing_the_same_logs_twice_adds_nothing() {
    answer(MONITORS);
    UptimeRobotImporter importer = importer().build();
    importer.importLogs();
    var second = importer.importLogs();

    assertThat(second.added()).isZero();
    assertThat(second.alreadyRecorded()).isEqualTo(1);
    assertThat(periods()).hasSize(1);
  }

  @Test
  void an_outage_imported_once_it_ended_is_recorded_against_its_monitors_target() {
    answer(
        MONITORS
            .replace("\"status\": 9", "\"status\": 2")
            .replace(
                "{\"id\": 9002001",
                "{\"id\": 9002002, \"type\": 2, \"datetime\": 1775952600, \"duration\": 60,"
                    + " \"reason\": {\"code\": \"200\", \"detail\": \"OK\"}},\n"
                    + "{\"id\": 9002001"));
    var summary = importer().monitor("777749810", SlaTarget.CORE_API).build().importLogs();

    assertThat(summary.ongoing()).isZero();
    assertThat(periods())
        .filteredOn(p -> p.target() == SlaTarget.CORE_API)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.seconds()).isEqualTo(900);
              assertThat(p.note())
                  .isEqualTo("uptimerobot 777749810: Omniy API down (Connection Timeout)");
            });
  }

  @Test
  void a_fail_payload_is_reported_without_the_echoed_key() {
    answer(
        """
        {"stat":"fail","error":{"type":"invalid_parameter","parameter_name":"api_key",\
        "passed_value":"%s"}}"""
            .formatted(KEY));
    assertThatThrownBy(() -> importer().build().importLogs())
        .isInstanceOfSatisfying(
            UptimeRobotException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo("getMonitors failed: invalid_parameter (parameter api_key)")
                  .doesNotContain(KEY);
              assertThat(e.temporary()).isFalse();
            });
    assertThat(periods()).isEmpty();
  }

  @Test
  void a_rate_limit_is_temporary_and_the_ticks_wait_out_its_retry_after() {
    api.stubFor(
        post("/v2/getMonitors")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("X-RateLimit-Limit", "10")
                    .withHeader("X-RateLimit-Remaining", "0")
                    .withHeader("X-RateLimit-Reset", "1775952060")
                    .withHeader("Retry-After", "400")
                    .withBody("{\"stat\":\"fail\",\"error\":{\"type\":\"rate_limit\"}}")));
    UptimeRobotImporter importer = importer().build();
    assertThatThrownBy(importer::importLogs)
        .isInstanceOfSatisfying(
            UptimeRobotException.class,
            e -> {
              assertThat(e.temporary()).isTrue();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(400));
            });

    assertThat(importer.tick()).isEmpty();
    assertThat(
            registry
                .get(MetricNames.UPTIMEROBOT_IMPORTS)
                .tag(MetricNames.TAG_OUTCOME, MetricNames.OUTCOME_FAILURE)
                .counter()
                .count())
        .isEqualTo(1);
    answer(MONITORS);
    clock.set(NOW.plusSeconds(300)); // the next interval, still inside Retry-After
    assertThat(importer.tick()).isEmpty();
    clock.set(NOW.plusSeconds(600)); // after it
    assertThat(importer.tick()).hasValueSatisfying(s -> assertThat(s.added()).isEqualTo(1));
    api.verify(3, postRequestedFor(urlEqualTo("/v2/getMonitors")));
  }

  @Test
  void server_errors_resets_and_hangs_are_temporary_and_bounded() {
    UptimeRobotImporter importer = importer().build();
    api.stubFor(
        post("/v2/getMonitors")
            .willReturn(aResponse().withStatus(502).withBody("<html>502 Bad Gateway</html>")));
    assertThatThrownBy(importer::importLogs)
        .isInstanceOfSatisfying(
            UptimeRobotException.class,
            e -> {
              assertThat(e.temporary()).isTrue();
              assertThat(e.getMessage())
                  .isEqualTo("getMonitors answered HTTP 502: <html>502 Bad Gateway</html>");
            });

    api.stubFor(
        post("/v2/getMonitors").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(importer::importLogs)
        .isInstanceOfSatisfying(
            UptimeRobotException.class, e -> assertThat(e.temporary()).isTrue());

    api.stubFor(
        post("/v2/getMonitors").willReturn(aResponse().withBody(MONITORS).withFixedDelay(8_000)));
    UptimeRobotImporter impatient = importer().timeout(Duration.ofMillis(1500)).build();
    long started = System.nanoTime();
    assertThatThrownBy(impatient::importLogs)
        .isInstanceOfSatisfying(
            UptimeRobotException.class,
            e -> assertThat(e.getMessage()).isEqualTo("getMonitors: no answer within 1500 ms"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4_500));
    assertThat(periods()).isEmpty();
  }

  @Test
  void an_unauthorised_key_is_permanent() {
    api.stubFor(
        post("/v2/getMonitors")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"stat\":\"fail\",\"error\":{\"type\":\"not_authorized\"}}")));
    assertThatThrownBy(() -> importer().build().importLogs())
        .isInstanceOfSatisfying(
            UptimeRobotException.class, e -> assertThat(e.temporary()).isFalse());
  }

  @Test
  void every_page_of_monitors_is_read() {
    String page =
        """
        {"stat":"ok","pagination":{"offset":%d,"limit":1,"total":2},"monitors":[
          {"id":%d,"friendly_name":"m%d","url":"https://omniy.app/","type":1,"interval":300,
           "status":2,"logs":[
             {"type":2,"datetime":1775786400,"duration":60,"reason":{"code":"200","detail":"OK"}},
             {"type":1,"datetime":1775786100,"duration":300,"reason":{"code":"500","detail":"Internal Server Error"}}]}]}""";
    api.stubFor(
        post("/v2/getMonitors")
            .withRequestBody(containing("&offset=0&"))
            .willReturn(aResponse().withBody(page.formatted(0, 1, 1))));
    api.stubFor(
        post("/v2/getMonitors")
            .withRequestBody(containing("&offset=1&"))
            .willReturn(aResponse().withBody(page.formatted(1, 2, 2))));
    var summary = importer().build().importLogs();

    assertThat(summary.monitors()).isEqualTo(2);
    assertThat(summary.added()).isEqualTo(2);
    api.verify(2, postRequestedFor(urlEqualTo("/v2/getMonitors")));
  }

  @Test
  void the_importer_needs_a_key_a_store_and_numeric_monitor_ids() {
    assertThatThrownBy(() -> UptimeRobotImporter.builder().downtime(downtime).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("apiKey");
    assertThatThrownBy(() -> UptimeRobotImporter.builder().apiKey(KEY).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("downtime");
    assertThatThrownBy(() -> UptimeRobotImporter.builder().monitors("omniy.app"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("monitors");
    assertThat(importer().build().toString()).doesNotContain(KEY);
  }
}
