package app.omniy.runtime.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.Evaluation;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.notify.SlackNotifier;
import app.omniy.notify.TwilioSmsNotifier;
import app.omniy.notify.WebhookNotifier;
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

/**
 * The dispatcher's retries (ALERT-3) through the real HTTP notifiers against WireMock: 5xx, 429,
 * reset connections and permanent refusals.
 */
class NotificationDispatcherTest {
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
