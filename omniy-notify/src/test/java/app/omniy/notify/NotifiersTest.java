package app.omniy.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.Evaluation;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP notifiers against WireMock, with 5xx, 429 and reset connections. */
class NotifiersTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
          .build();

  private static final Instant AT = Instant.parse("2026-03-02T09:01:00Z");
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  static AlertEvent event(AlertEvent.Kind kind, boolean escalation) {
    return new AlertEvent(
        kind,
        DefaultAlertRules.SERVICE_DOWN,
        new AlertKey("ALERT-C1", Map.of()),
        AT,
        AT,
        new Evaluation(
            Evaluation.Outcome.HOLDS, new BigDecimal("0.12"), 100, "12% (12 of 100) > 10%"),
        escalation
            ? Set.of(Channel.SLACK, Channel.SMS, Channel.EMAIL)
            : DefaultAlertRules.SERVICE_DOWN.channels(),
        escalation,
        null);
  }

  private URI url(String path) {
    return URI.create(wm.baseUrl() + path);
  }

  private SlackNotifier slack() {
    return new SlackNotifier(client, url("/slack"), URI.create("https://status.example/alerts"));
  }

  private TwilioSmsNotifier sms() {
    return new TwilioSmsNotifier(
        client,
        URI.create(wm.baseUrl()),
        "AC123",
        "secret",
        "+15005550006",
        List.of("+819012345678"));
  }

  @Test
  void slack_gets_a_message_coloured_by_severity_with_a_link() {
    wm.stubFor(post("/slack").willReturn(aResponse().withStatus(200).withBody("ok")));

    slack().send(event(AlertEvent.Kind.FIRED, false));

    wm.verify(
        postRequestedFor(urlEqualTo("/slack"))
            .withRequestBody(matchingJsonPath("$.attachments[0].color", equalTo("#d40e0d")))
            .withRequestBody(
                matchingJsonPath(
                    "$.attachments[0].title_link", equalTo("https://status.example/alerts")))
            .withRequestBody(
                matchingJsonPath(
                    "$.attachments[0].title", equalTo("[CRITICAL FIRED] ALERT-C1 サービス停止")))
            .withRequestBody(
                matchingJsonPath("$.attachments[0].text", equalTo("12% (12 of 100) > 10%")))
            .withRequestBody(
                matchingJsonPath("$.attachments[0].fields[0].title", equalTo("First steps")))
            .withRequestBody(
                matchingJsonPath(
                    "$.attachments[0].fields[0].value",
                    containing("3. Mitigate first (INC-4): roll back"))));
  }

  @Test
  void a_resolve_notice_says_why_and_carries_no_runbook() {
    wm.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
    AlertEvent resolved =
        new AlertEvent(
            AlertEvent.Kind.RESOLVED,
            DefaultAlertRules.MASS_POST_FAILURE,
            new AlertKey("ALERT-C4", Map.of()),
            AT,
            AT.minusSeconds(1260),
            new Evaluation(
                Evaluation.Outcome.TOO_LITTLE_DATA,
                null,
                1,
                "too little data: 1 of 5 samples in the last 15m"),
            DefaultAlertRules.MASS_POST_FAILURE.channels(),
            false,
            null);

    new WebhookNotifier(client, url("/hook")).send(resolved);

    wm.verify(
        postRequestedFor(urlEqualTo("/hook"))
            .withRequestBody(
                matchingJsonPath(
                    "$.text",
                    equalTo("not enough data to confirm: 1 of 5 samples in the last 15m")))
            .withRequestBody(matchingJsonPath("$.kind", equalTo("RESOLVED"))));
    wm.verify(
        0, postRequestedFor(urlEqualTo("/hook")).withRequestBody(matchingJsonPath("$.runbook")));
  }

  @Test
  void twilio_gets_a_form_with_basic_authentication() {
    wm.stubFor(
        post("/2010-04-01/Accounts/AC123/Messages.json")
            .willReturn(aResponse().withStatus(201).withBody("{}")));

    sms().send(event(AlertEvent.Kind.FIRED, false));

    wm.verify(
        postRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC123/Messages.json"))
            .withHeader("Authorization", equalTo("Basic QUMxMjM6c2VjcmV0"))
            .withRequestBody(containing("To=%2B819012345678"))
            .withRequestBody(containing("From=%2B15005550006"))
            .withRequestBody(containing("Body=%5BCRITICAL+FIRED%5D+ALERT-C1")));
  }

  @Test
  void the_webhook_gets_the_event_as_json() {
    wm.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));

    new WebhookNotifier(client, url("/hook")).send(event(AlertEvent.Kind.ESCALATED, true));

    wm.verify(
        postRequestedFor(urlEqualTo("/hook"))
            .withRequestBody(matchingJsonPath("$.kind", equalTo("ESCALATED")))
            .withRequestBody(matchingJsonPath("$.severity", equalTo("critical")))
            .withRequestBody(matchingJsonPath("$.escalation", equalTo("true")))
            .withRequestBody(
                matchingJsonPath("$.runbook.steps[0]", containing("Check the health endpoint"))));
  }

  private static AlertEvent firedAt(
      app.omniy.core.alert.AlertRule rule, Instant at, Set<Channel> channels) {
    return new AlertEvent(
        AlertEvent.Kind.FIRED,
        rule,
        new AlertKey(rule.id(), Map.of()),
        at,
        at,
        new Evaluation(Evaluation.Outcome.HOLDS, BigDecimal.ONE, 100, rule.id() + " holds"),
        channels,
        false,
        null);
  }

  private static List<AlertEvent> cascade() {
    return List.of(
        firedAt(DefaultAlertRules.SERVICE_DOWN, AT, DefaultAlertRules.SERVICE_DOWN.channels()),
        firedAt(
            DefaultAlertRules.DATABASE, AT.plusSeconds(10), DefaultAlertRules.DATABASE.channels()),
        firedAt(
            DefaultAlertRules.SLOW_API, AT.plusSeconds(20), DefaultAlertRules.SLOW_API.channels()));
  }

  @Test
  void slack_gets_a_group_as_one_message_with_an_attachment_per_alert() {
    wm.stubFor(post("/slack").willReturn(aResponse().withStatus(200).withBody("ok")));

    slack().sendGroup(cascade());

    wm.verify(1, postRequestedFor(urlEqualTo("/slack")));
    wm.verify(
        postRequestedFor(urlEqualTo("/slack"))
            .withRequestBody(matchingJsonPath("$.text", containing("3 alerts: [CRITICAL FIRED]")))
            .withRequestBody(matchingJsonPath("$.attachments[0].title", containing("ALERT-C1")))
            .withRequestBody(matchingJsonPath("$.attachments[1].title", containing("ALERT-C3")))
            .withRequestBody(
                matchingJsonPath(
                    "$.attachments[2].title", equalTo("[WARNING FIRED] ALERT-W1 パフォーマンス劣化")))
            .withRequestBody(matchingJsonPath("$.attachments[2].color", equalTo("#f2a100"))));
  }

  @Test
  void twilio_and_the_webhook_get_a_group_as_one_request() {
    wm.stubFor(
        post("/2010-04-01/Accounts/AC123/Messages.json")
            .willReturn(aResponse().withStatus(201).withBody("{}")));
    wm.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));

    sms().sendGroup(cascade());
    new WebhookNotifier(client, url("/hook")).sendGroup(cascade());

    wm.verify(
        1,
        postRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC123/Messages.json"))
            .withRequestBody(containing("Body=3+alerts%3A+%5BCRITICAL+FIRED%5D+ALERT-C1")));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo("/hook"))
            .withRequestBody(matchingJsonPath("$.events[0].id", equalTo("ALERT-C1")))
            .withRequestBody(matchingJsonPath("$.events[2].id", equalTo("ALERT-W1")))
            .withRequestBody(matchingJsonPath("$.events[2].severity", equalTo("warning"))));
  }
}
