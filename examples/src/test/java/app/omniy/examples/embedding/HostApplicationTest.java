package app.omniy.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.incident.Milestone;
import app.omniy.core.post.PostState;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaTarget;
import app.omniy.instagram.GraphApiConfig;
import app.omniy.instagram.InMemoryAccessTokens;
import app.omniy.instagram.InstagramPublisher;
import app.omniy.instagram.spi.AccessToken;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.testkit.Await;
import app.omniy.testkit.SamplePosts;
import app.omniy.testkit.SettableClock;
import app.omniy.testkit.graph.FakeGraphApi;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedding example, run against the fake Graph API on a settable clock. */
class HostApplicationTest {
  private static final String ACCOUNT = "17841400000000001";
  private final SettableClock clock = SettableClock.at(Instant.parse("2026-04-01T00:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<String> notified = new CopyOnWriteArrayList<>();
  private final FakeGraphApi api = FakeGraphApi.start(clock).addAccount(ACCOUNT, "IGQ-token");
  private final HostApplication app =
      new HostApplication(
          publisher(), registry, event -> notified.add(event.kind() + " " + event.key()), clock);

  @AfterEach
  void stop() {
    app.close();
    api.close();
  }

  private InstagramPublisher publisher() {
    InMemoryAccessTokens tokens = new InMemoryAccessTokens();
    tokens.put(ACCOUNT, new AccessToken("IGQ-token", Instant.parse("2026-06-01T00:00:00Z")));
    return InstagramPublisher.builder(
            GraphApiConfig.builder(GraphApiConfig.Flavour.INSTAGRAM_LOGIN)
                .baseUri(api.baseUri())
                .build(),
            tokens)
        .meterRegistry(registry)
        .build();
  }

  @Test
  void a_scheduled_post_goes_out_once_when_its_time_comes() throws InterruptedException {
    var post =
        app.schedule(
            SamplePosts.image("p1", ACCOUNT, clock.instant().plus(Duration.ofMinutes(11))));

    clock.advance(Duration.ofMinutes(11));
    Await.until(
        "the post is published",
        () -> app.omniy().store().find(post.id()).orElseThrow().state() == PostState.PUBLISHED);

    assertThat(app.omniy().store().find(post.id()).orElseThrow().state())
        .isEqualTo(PostState.PUBLISHED);
    assertThat(api.totalPublishes()).isEqualTo(1);
    assertThat(api.containersPublishedMoreThanOnce()).isEmpty();
  }

  @Test
  void
      an_outage_in_the_hosts_own_requests_opens_an_incident_pauses_publishing_and_records_downtime() {
    Timer ok = registry.timer("http.server.requests", "status", "200", "outcome", "SUCCESS");
    Timer failing =
        registry.timer("http.server.requests", "status", "503", "outcome", "SERVER_ERROR");
    // The engine ticks every minute of the host's clock; on the test's clock the test ticks it.
    AlertRuntime alerts = app.omniy().alerts().orElseThrow();
    alerts.tick(); // the first cycle only primes the meters

    clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 30; i++) {
      failing.record(Duration.ofMillis(20));
    }
    alerts.tick();
    boolean pausedDuringOutage = app.omniy().paused().isPresent();
    for (int minute = 0; minute < 6; minute++) {
      clock.advance(Duration.ofMinutes(1));
      for (int i = 0; i < 50; i++) {
        ok.record(Duration.ofMillis(20));
      }
      alerts.tick();
    }

    List<Incident> opened = app.omniy().incidents().orElseThrow().opened();
    assertThat(opened).hasSize(1);
    Incident incident = opened.get(0);
    assertThat(incident.severity()).isEqualTo(IncidentSeverity.SEV1);
    assertThat(incident.at(Milestone.MITIGATED)).as("paused by the engine").isPresent();
    assertThat(incident.at(Milestone.RECOVERED)).isPresent();
    assertThat(pausedDuringOutage).isTrue();
    assertThat(app.omniy().paused()).as("resumed on recovery").isEmpty();
    SlaMonth april = SlaMonth.of(YearMonth.of(2026, 4));
    assertThat(
            app.omniy()
                .downtime()
                .ledger(april.range())
                .downtimeSeconds(SlaTarget.SYSTEM, april.range()))
        .isPositive();
    assertThat(notified).contains("FIRED ALERT-C1", "RESOLVED ALERT-C1");
  }
}
