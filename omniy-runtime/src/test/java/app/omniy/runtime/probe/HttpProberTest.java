package app.omniy.runtime.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.evaluator.AlertEvaluator;
import app.omniy.core.maintenance.spi.JobLeaseStore;
import app.omniy.core.memory.InMemoryStores;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.ProbeUptime;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.sla.TimeRange;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.files.RuleFiles;
import app.omniy.runtime.alert.MeterRegistryBridge;
import app.omniy.testkit.SettableClock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The built-in prober against WireMock standing in for the service's health URL (SLA-5). */
class HttpProberTest {
  @RegisterExtension
  static WireMockExtension site =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
          .build();

  /** 12:00:00 JST, the start of a 5-minute interval. */
  private static final Instant T0 = Instant.parse("2026-04-10T03:00:00Z");

  private static final Duration FIVE = Duration.ofMinutes(5);

  private final SettableClock clock = SettableClock.at(T0.plusSeconds(2));
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final DowntimeStore downtime = InMemoryStores.downtime();
  private final JobLeaseStore leases = InMemoryStores.jobLeases();

  private URI url(String path) {
    return URI.create(site.baseUrl() + path);
  }

  private HttpProber.Builder prober(String owner) {
    return HttpProber.builder()
        .target("web", url("/healthz"))
        .timeout(Duration.ofSeconds(5)) // generous: the machine may be loaded
        .clock(clock)
        .registry(registry)
        .downtime(downtime)
        .leases(leases)
        .owner(owner);
  }

  private void answer(int status) {
    site.stubFor(
        get("/healthz")
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"status\":\"" + (status == 200 ? "UP" : "DOWN") + "\"}")));
  }

  private double count(String outcome) {
    var counter =
        registry
            .find(MetricNames.PROBES)
            .tags(MetricNames.TAG_PROBE, "web", MetricNames.TAG_OUTCOME, outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private List<DowntimePeriod> periods() {
    return downtime
        .overlapping(new TimeRange(T0.minusSeconds(86_400), T0.plusSeconds(86_400)))
        .stream()
        .map(DowntimeStore.Stored::period)
        .toList();
  }

  @Test
  void a_healthy_answer_counts_a_success_and_records_no_downtime() {
    answer(200);
    List<ProbeOutcome> outcomes = prober("a").build().tick();

    assertThat(outcomes)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.up()).isTrue();
              assertThat(o.status()).isEqualTo(200);
              assertThat(o.interval()).isEqualTo(T0);
              assertThat(o.at()).isEqualTo(T0.plusSeconds(2));
            });
    site.verify(1, getRequestedFor(urlEqualTo("/healthz")));
    assertThat(count("success")).isEqualTo(1);
    assertThat(count("failure")).isZero();
    assertThat(periods()).isEmpty();
  }

  @Test
  void failed_intervals_become_downtime_until_the_next_successful_probe() {
    HttpProber prober = prober("a").build();
    answer(503);
    assertThat(prober.tick())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.up()).isFalse();
              assertThat(o.detail()).isEqualTo("HTTP 503, expected 200");
            });
    clock.set(T0.plus(FIVE).plusSeconds(1));
    prober.tick();
    clock.set(T0.plus(FIVE.multipliedBy(2)).plusSeconds(4));
    answer(200);
    prober.tick();

    assertThat(periods())
        .containsExactly(
            new DowntimePeriod(
                T0,
                T0.plus(FIVE),
                DowntimeCause.PROBE,
                SlaTarget.SYSTEM,
                "probe web: HTTP 503, expected 200"),
            new DowntimePeriod(
                T0.plus(FIVE),
                T0.plus(FIVE.multipliedBy(2)),
                DowntimeCause.PROBE,
                SlaTarget.SYSTEM,
                "probe web: HTTP 503, expected 200"));
    var range = new TimeRange(T0, T0.plusSeconds(3_600));
    assertThat(downtime.ledger(range).downtimeSeconds(SlaTarget.SYSTEM, range))
        .as("two failed 5-minute intervals, merged: 600 s")
        .isEqualTo(600);
    assertThat(count("failure")).isEqualTo(2);
    assertThat(count("success")).isEqualTo(1);
  }

  @Test
  void the_outcomes_feed_probe_uptime_like_the_ledger() {
    List<ProbeOutcome> heard = new ArrayList<>();
    HttpProber prober = prober("a").listener(heard::add).build();
    answer(500);
    prober.tick();
    clock.set(T0.plus(FIVE).plusSeconds(2));
    answer(200);
    prober.tick();

    var range = new TimeRange(T0, T0.plus(FIVE.multipliedBy(2)));
    var outcome =
        ProbeUptime.evaluate(
            heard.stream().map(ProbeOutcome::result).toList(), FIVE, range, SlaTarget.SYSTEM);
    assertThat(outcome.downtime())
        .singleElement()
        .satisfies(p -> assertThat(p.seconds()).isEqualTo(300));
  }

  @Test
  void a_server_slower_than_the_timeout_fails_the_probe_within_the_timeout() {
    site.stubFor(get("/healthz").willReturn(aResponse().withStatus(200).withFixedDelay(8_000)));
    HttpProber impatient = prober("a").timeout(Duration.ofMillis(1500)).build();
    long started = System.nanoTime();
    List<ProbeOutcome> outcomes = impatient.tick();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(outcomes)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.up()).isFalse();
              assertThat(o.status()).isZero();
              assertThat(o.detail()).isEqualTo("no answer within 1500 ms");
            });
    assertThat(took).isLessThan(Duration.ofMillis(4_500));
    assertThat(periods()).hasSize(1);
  }

  @Test
  void a_reset_connection_fails_the_probe_without_throwing() {
    site.stubFor(get("/healthz").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(prober("a").build().tick())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.up()).isFalse();
              assertThat(o.detail()).startsWith("connection failed");
            });
    // Tried again once at once: a pooled connection the server closed is no outage.
    site.verify(2, getRequestedFor(urlEqualTo("/healthz")));
    assertThat(count("failure")).isEqualTo(1);
  }

  @Test
  void a_rate_limited_answer_is_not_the_expected_status() {
    site.stubFor(
        get("/healthz").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
    assertThat(prober("a").build().tick())
        .singleElement()
        .satisfies(o -> assertThat(o.detail()).isEqualTo("HTTP 429, expected 200"));
  }

  @Test
  void a_target_may_expect_another_status_and_count_against_the_core_api() {
    site.stubFor(get("/api/ping").willReturn(aResponse().withStatus(204)));
    site.stubFor(get("/api/down").willReturn(aResponse().withStatus(200)));
    HttpProber prober =
        prober("a")
            .target(
                ProbeTarget.of("api", url("/api/ping")).expecting(204).against(SlaTarget.CORE_API))
            .target(
                ProbeTarget.of("api-v2", url("/api/down"))
                    .expecting(204)
                    .against(SlaTarget.CORE_API))
            .build();
    answer(200);
    List<ProbeOutcome> outcomes = prober.tick();

    assertThat(outcomes)
        .extracting(o -> o.target().name() + "=" + o.up())
        .containsExactly("web=true", "api=true", "api-v2=false");
    assertThat(periods())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.target()).isEqualTo(SlaTarget.CORE_API);
              assertThat(p.note()).isEqualTo("probe api-v2: HTTP 200, expected 204");
            });
  }

  @Test
  void two_runtimes_sharing_a_lease_store_probe_once_per_interval() {
    answer(503);
    HttpProber a = prober("runtime-a").build();
    HttpProber b = prober("runtime-b").build();
    int probed = 0;
    // Three intervals, both runtimes ticking every 15 s.
    for (int s = 0; s < 900; s += 15) {
      clock.set(T0.plusSeconds(s));
      probed += a.tick().size();
      probed += b.tick().size();
    }

    assertThat(probed).isEqualTo(3);
    site.verify(3, getRequestedFor(urlEqualTo("/healthz")));
    assertThat(count("failure")).isEqualTo(3);
    assertThat(periods()).hasSize(3);
  }

  @Test
  void an_interval_whose_prober_died_is_taken_over_once_its_claim_lapses_and_recorded_once() {
    answer(503);
    HttpProber a = prober("runtime-a").build();
    a.tick(); // probes the interval at T0 and records it
    // runtime-c claimed the next interval and died before probing it
    Instant next = T0.plus(FIVE);
    assertThat(leases.claim(HttpProber.JOB_ID, next, "runtime-c", next, next.plusSeconds(31)))
        .isTrue();
    HttpProber b = prober("runtime-b").build();
    clock.set(next.plusSeconds(15));
    assertThat(b.tick()).as("runtime-c still holds it").isEmpty();
    clock.set(next.plusSeconds(31));
    assertThat(b.tick()).as("lapsed: taken over").hasSize(1);
    clock.set(next.plusSeconds(45));
    assertThat(a.tick()).as("done: nobody probes it again").isEmpty();

    // The interval at T0 probed again after a lost completion adds no second period.
    clock.set(T0.plusSeconds(60));
    HttpProber again = prober("runtime-d").leases(InMemoryStores.jobLeases()).build();
    assertThat(again.tick()).hasSize(1);
    assertThat(periods()).hasSize(2);
  }

  @Test
  void the_probe_rule_fires_on_a_failed_probe_and_resolves_after_a_good_one() {
    HttpProber prober = prober("a").build();
    AlertEvaluator alerts =
        AlertEvaluator.create(
            List.of(HttpProber.serviceDownRule("ALERT-C1", FIVE)), InMemoryStores.alertStates());
    MeterRegistryBridge bridge = new MeterRegistryBridge(registry);
    bridge.poll(alerts, T0);

    answer(503);
    prober.tick();
    bridge.poll(alerts, T0.plusSeconds(60));
    assertThat(alerts.evaluate(T0.plusSeconds(60)).events())
        .extracting(AlertEvent::kind)
        .containsExactly(AlertEvent.Kind.FIRED);

    answer(200);
    clock.set(T0.plus(FIVE).plusSeconds(2));
    prober.tick();
    List<AlertEvent.Kind> later = new ArrayList<>();
    for (int m = 6; m <= 11; m++) {
      Instant at = T0.plusSeconds(60L * m);
      bridge.poll(alerts, at);
      alerts.evaluate(at).events().forEach(e -> later.add(e.kind()));
    }
    assertThat(later).containsExactly(AlertEvent.Kind.RESOLVED);
  }

  @Test
  void the_probe_rule_in_a_rule_file_is_the_one_the_prober_offers() {
    // The rule file of docs/probes.md, word for word.
    String yaml =
        """
        critical:
          サービス停止（外形監視）:
            id: ALERT-C1-PROBE
            metric: omniy.probes
            share-of: {outcome: failure}
            above: 10%
            over: 5m
            min-samples: 1
            notify: [slack, sms, email]
            respond-within: 15m
        """;
    List<AlertRule> rules =
        RuleFiles.parse(Path.of("probes.yaml"), yaml.getBytes(StandardCharsets.UTF_8));

    assertThat(rules)
        .singleElement()
        .extracting(AlertRule::describe)
        .isEqualTo(HttpProber.serviceDownRule("ALERT-C1-PROBE", FIVE).describe());
  }

  @Test
  void a_prober_needs_a_target_and_a_sane_interval() {
    assertThatThrownBy(() -> HttpProber.builder().build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("targets");
    assertThatThrownBy(() -> HttpProber.builder().interval(Duration.ofMillis(1500)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("interval");
    assertThatThrownBy(() -> ProbeTarget.of("web", URI.create("ftp://example.com/")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("url");
    assertThatThrownBy(() -> ProbeTarget.of("web site", URI.create("https://example.com/")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("name");
  }
}
