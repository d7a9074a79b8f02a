package app.omniy.ops.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.Evaluation;
import app.omniy.core.alert.spi.AlertKey;
import app.omniy.ops.alerts.spi.Notifier;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
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

  private NotificationDispatcher dispatcher(Map<Channel, Notifier> notifiers, Notifier contact) {
    return new NotificationDispatcher(
        notifiers, contact, 3, Duration.ofMillis(10), Duration.ofMillis(50), executor);
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
                matchingJsonPath("$.attachments[0].text", equalTo("12% (12 of 100) > 10%"))));
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
            .withRequestBody(matchingJsonPath("$.escalation", equalTo("true"))));
  }

  @Test
  void a_503_then_a_429_then_success_is_delivered_on_the_third_attempt() {
    wm.stubFor(
        post("/slack")
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("busy"));
    wm.stubFor(
        post("/slack")
            .inScenario("flaky")
            .whenScenarioStateIs("busy")
            .willReturn(aResponse().withStatus(429))
            .willSetStateTo("up"));
    wm.stubFor(
        post("/slack")
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(200)));

    List<Delivery> deliveries =
        dispatcher(Map.of(Channel.SLACK, slack()), null).dispatch(List.of(eventOn(Channel.SLACK)));

    assertThat(deliveries)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.delivered()).isTrue();
              assertThat(d.attempts()).isEqualTo(3);
            });
  }

  @Test
  void a_reset_connection_is_retried() {
    wm.stubFor(
        post("/hook")
            .inScenario("reset")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("back"));
    wm.stubFor(
        post("/hook")
            .inScenario("reset")
            .whenScenarioStateIs("back")
            .willReturn(aResponse().withStatus(200)));

    List<Delivery> deliveries =
        dispatcher(Map.of(Channel.WEBHOOK, new WebhookNotifier(client, url("/hook"))), null)
            .dispatch(List.of(eventOn(Channel.WEBHOOK)));

    assertThat(deliveries.get(0).delivered()).isTrue();
    assertThat(deliveries.get(0).attempts()).isEqualTo(2);
  }

  @Test
  void a_400_is_permanent_so_it_is_reported_after_one_attempt() {
    wm.stubFor(post("/slack").willReturn(aResponse().withStatus(400).withBody("invalid_payload")));

    List<Delivery> deliveries =
        dispatcher(Map.of(Channel.SLACK, slack()), null).dispatch(List.of(eventOn(Channel.SLACK)));

    assertThat(deliveries.get(0).delivered()).isFalse();
    assertThat(deliveries.get(0).attempts()).isEqualTo(1);
    assertThat(deliveries.get(0).error())
        .isEqualTo("Slack webhook answered HTTP 400: invalid_payload");
  }

  @Test
  void a_channel_failing_every_attempt_is_reported_and_the_others_still_deliver() {
    wm.stubFor(post("/slack").willReturn(aResponse().withStatus(500)));
    wm.stubFor(
        post("/2010-04-01/Accounts/AC123/Messages.json").willReturn(aResponse().withStatus(201)));
    wm.stubFor(post("/contact").willReturn(aResponse().withStatus(200)));
    Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);
    notifiers.put(Channel.SLACK, slack());
    notifiers.put(Channel.SMS, sms());

    List<Delivery> deliveries =
        dispatcher(notifiers, new WebhookNotifier(client, url("/contact")))
            .dispatch(List.of(event(AlertEvent.Kind.ESCALATED, true)));

    assertThat(deliveries)
        .extracting(Delivery::target, Delivery::delivered, Delivery::attempts)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("slack", false, 4),
            org.assertj.core.groups.Tuple.tuple("sms", true, 1),
            org.assertj.core.groups.Tuple.tuple("email", false, 0),
            org.assertj.core.groups.Tuple.tuple("escalation-contact", true, 1));
    assertThat(deliveries)
        .filteredOn(d -> d.target().equals("email"))
        .singleElement()
        .satisfies(d -> assertThat(d.error()).isEqualTo("no notifier for email"));
  }

  private static AlertEvent eventOn(Channel channel) {
    AlertEvent e = event(AlertEvent.Kind.FIRED, false);
    return new AlertEvent(
        e.kind(),
        e.rule(),
        e.key(),
        e.at(),
        e.firingSince(),
        e.evaluation(),
        Set.of(channel),
        false,
        null);
  }
}
