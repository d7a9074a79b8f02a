package app.omniy.runtime;

import static app.omniy.runtime.RuntimeFixtures.post;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
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
 * The alert engine started and stopped by the runtime, evaluating the runtime's own meters with the
 * default rules (ALERT-6) and telling WireMock standing in for Slack.
 */
class OmniyAlertsTest {
  @RegisterExtension
  static WireMockExtension slack =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
          .build();

  private List<LoggedRequest> slackMessages() {
    return slack.findAll(postRequestedFor(urlEqualTo("/hooks/omniy")));
  }

  private static boolean alertThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().startsWith("omniy-alert"));
  }

  @Test
  void mass_post_failure_in_the_runtimes_meters_fires_alert_c4_on_slack_and_stops_with_it() {
    slack.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post("/hooks/omniy")
            .willReturn(aResponse().withStatus(200).withBody("ok")));
    var publisher = new ScriptedPublisher();
    for (int i = 0; i < 6; i++) {
      publisher.script(
          Operation.CREATE,
          PublisherResult.failure(OutcomeClass.PERMANENT, "2207001", "media rejected"));
    }
    var notifier =
        new SlackNotifier(
            HttpClient.newHttpClient(),
            URI.create(slack.baseUrl() + "/hooks/omniy"),
            URI.create("https://status.example/runbook"));
    Omniy omniy =
        Omniy.builder()
            .publisher(publisher)
            .notifier(Channel.SLACK, notifier)
            .alertEvery(Duration.ofMillis(50)) // ALERT-5's minute, shortened for the test
            .start();
    omniy.pause("until the meters are primed");
    AlertRuntime alerts = omniy.alerts().orElseThrow();
    alerts.tick(); // primes: what the meters counted before the engine watched is no alert

    Instant now = Instant.now();
    for (int i = 0; i < 6; i++) {
      omniy.store().insert(post("p" + i, "acct-" + i, now), now);
    }
    omniy.resume();
    Await.until("Slack hears of ALERT-C4", () -> !slackMessages().isEmpty());
    omniy.close();
    int afterClose = slackMessages().size();

    assertThat(alerts.rules()).isEqualTo(DefaultAlertRules.all()); // the default rules
    assertThat(slackMessages().get(0).getBodyAsString())
        .contains("[CRITICAL FIRED] ALERT-C4")
        // The engine ticks while the posts fail: it may fire at the rule's 5-sample minimum or
        // after the sixth, but every sampled attempt failed.
        .containsPattern("100% \\(([56]) of \\1\\)");
    // A pool reports itself terminated just before its last thread has exited.
    Await.until("the alert threads end after close", () -> !alertThreadsAlive());
    assertThat(alerts.tick().evaluation().events()).isEmpty(); // nothing new to tell
    assertThat(slackMessages()).hasSize(afterClose);
  }

  @Test
  void without_a_notifier_no_alert_engine_runs() {
    Omniy omniy = Omniy.builder().publisher(new ScriptedPublisher()).start();
    try {
      assertThat(omniy.alerts()).isEmpty();
    } finally {
      omniy.close();
    }
  }
}
