package app.omniy.firestore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.sla.SlaTarget;
import app.omniy.core.sla.TimeRange;
import app.omniy.runtime.probe.HttpProber;
import app.omniy.runtime.probe.ProbeOutcome;
import app.omniy.runtime.probe.UptimeRobotImporter;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.SettableClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SLA-5 on Firestore: runtimes sharing the job lease and downtime stores probe once per interval
 * and record each failed interval once; UptimeRobot's logs imported twice are recorded once.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreProbesTest {
  @RegisterExtension
  static WireMockExtension outside =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().jettyAcceptors(2))
          .build();

  private static final Instant T0 = Instant.parse("2026-04-10T03:00:00Z");

  private final EmulatorStores stores;
  private final FirestoreStoreOptions options;
  private final SettableClock clock = SettableClock.at(T0);

  FirestoreProbesTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
    options = stores.fresh();
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }

  private HttpProber prober(String owner) {
    return HttpProber.builder()
        .target("web", URI.create(outside.baseUrl() + "/healthz"))
        .timeout(Duration.ofSeconds(5))
        .clock(clock)
        .registry(stores.meters)
        .leases(new FirestoreJobLeaseStore(options))
        .downtime(new FirestoreDowntimeStore(options))
        .owner(owner)
        .build();
  }

  @Test
  void three_runtimes_ticking_together_probe_once_per_interval_and_record_it_once()
      throws Exception {
    outside.stubFor(get("/healthz").willReturn(aResponse().withStatus(503)));
    List<HttpProber> probers = List.of(prober("rt-a"), prober("rt-b"), prober("rt-c"));
    ExecutorService pool = Executors.newFixedThreadPool(probers.size());
    int probed = 0;
    try {
      // Three 5-minute intervals, every runtime ticking at the same moments every 30 s.
      for (int s = 0; s < 900; s += 30) {
        clock.set(T0.plusSeconds(s));
        List<Callable<List<ProbeOutcome>>> ticks =
            probers.stream().<Callable<List<ProbeOutcome>>>map(p -> p::tick).toList();
        for (Future<List<ProbeOutcome>> done : pool.invokeAll(ticks)) {
          probed += done.get().size();
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(probed).isEqualTo(3);
    outside.verify(3, getRequestedFor(urlEqualTo("/healthz")));
    var range = new TimeRange(T0, T0.plusSeconds(3_600));
    var downtime = new FirestoreDowntimeStore(options);
    assertThat(downtime.overlapping(range)).hasSize(3);
    assertThat(downtime.ledger(range).downtimeSeconds(SlaTarget.SYSTEM, range)).isEqualTo(900);
  }

  @Test
  void uptimerobot_logs_imported_twice_are_recorded_once() {
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
    var downtime = new FirestoreDowntimeStore(options);
    UptimeRobotImporter importer =
        UptimeRobotImporter.builder()
            .apiKey("ur-test-key")
            .endpoint(URI.create(outside.baseUrl() + "/v2/getMonitors"))
            .downtime(downtime)
            .registry(new SimpleMeterRegistry())
            .build();

    assertThat(importer.importLogs().added()).isEqualTo(1);
    assertThat(importer.importLogs().added()).isZero();
    var range = new TimeRange(T0.minusSeconds(86_400), T0.plusSeconds(86_400));
    assertThat(downtime.overlapping(range))
        .singleElement()
        .satisfies(s -> assertThat(s.period().seconds()).isEqualTo(3_000));
  }
}
