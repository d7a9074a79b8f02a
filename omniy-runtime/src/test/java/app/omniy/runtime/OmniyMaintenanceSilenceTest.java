package app.omniy.runtime;

import static app.omniy.runtime.RuntimeFixtures.post;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertPhase;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.silence.MaintenanceSilences;
import app.omniy.core.alert.silence.Silence;
import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.core.memory.InMemoryStores;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.notify.SlackNotifier;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.testkit.Await;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.ScriptedPublisher.Operation;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A planned-maintenance period in the runtime's downtime ledger silences its alert engine (ALERT-2,
 * SLA-2): ALERT-C4 fires during it and keeps its state, but Slack does not hear of it.
 */
class OmniyMaintenanceSilenceTest {
  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
          .build();

  private List<LoggedRequest> slackMessages() {
    return slack.findAll(postRequestedFor(urlEqualTo("/hooks/omniy")));
  }

  @Test
  void alert_c4_firing_during_planned_maintenance_is_not_sent_to_slack() throws Exception {
    slack.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post("/hooks/omniy")
            .willReturn(aResponse().withStatus(200).withBody("ok")));
    var publisher = new ScriptedPublisher();
    for (int i = 0; i < 6; i++) {
      publisher.script(
          Operation.CREATE,
          PublisherResult.failure(OutcomeClass.PERMANENT, "2207001", "media rejected"));
    }
    AlertStateStore states = InMemoryStores.alertStates();
    Instant now = Instant.now();
    Omniy omniy =
        Omniy.builder()
            .publisher(publisher)
            .alertStateStore(states)
            .notifier(
                Channel.SLACK,
                new SlackNotifier(
                    HttpClient.newHttpClient(),
                    URI.create(slack.baseUrl() + "/hooks/omniy"),
                    URI.create("https://status.example/runbook")))
            .alertEvery(Duration.ofMillis(50)) // ALERT-5's cadence, shortened for the test
            .start();
    try {
      omniy
          .downtime()
          .add(
              new DowntimePeriod(
                  now.minusSeconds(60),
                  now.plusSeconds(3600),
                  DowntimeCause.PLANNED_MAINTENANCE,
                  app.omniy.core.sla.SlaTarget.SYSTEM,
                  "database migration"));
      omniy.pause("until the meters are primed");
      AlertRuntime alerts = omniy.alerts().orElseThrow();
      alerts.tick(); // primes the meters

      for (int i = 0; i < 6; i++) {
        omniy.store().insert(post("p" + i, "acct-" + i, now), now);
      }
      omniy.resume();
      Await.until(
          "ALERT-C4 fires",
          () ->
              states.all().stream()
                  .anyMatch(
                      s -> s.key().ruleId().equals("ALERT-C4") && s.phase() == AlertPhase.FIRING));
      for (int i = 0; i < 3; i++) {
        alerts.tick(); // a few more cycles: nothing is released while the window lasts
      }

      assertThat(alerts.silences())
          .extracting(Silence::by, Silence::comment)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  MaintenanceSilences.BY, "planned maintenance: database migration"));
      assertThat(slackMessages()).noneMatch(m -> m.getBodyAsString().contains("FIRED] ALERT-C4"));
    } finally {
      omniy.close();
    }
  }
}
