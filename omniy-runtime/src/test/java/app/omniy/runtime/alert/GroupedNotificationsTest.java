package app.omniy.runtime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.Evaluation;
import app.omniy.core.alert.spi.Notifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alerts that fire within the group wait go out as one message per channel. */
class GroupedNotificationsTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<String> messages = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** A notifier that records each message it sends: one line per message, its alerts in it. */
  private Notifier channel(String name) {
    return new Notifier() {
      @Override
      public void send(AlertEvent event) {
        messages.add(name + ": " + event.key());
      }

      @Override
      public void sendGroup(List<AlertEvent> events) {
        messages.add(
            name
                + ": "
                + events.stream().map(e -> e.key().toString()).collect(Collectors.joining(", ")));
      }
    };
  }

  private NotificationDispatcher dispatcher(Duration wait) {
    return new NotificationDispatcher(
        Map.of(
            Channel.SLACK, channel("slack"),
            Channel.SMS, channel("sms"),
            Channel.EMAIL, channel("email")),
        channel("contact"),
        1,
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        executor,
        wait);
  }

  private static AlertEvent fired(AlertRule rule, Instant at) {
    return new AlertEvent(
        AlertEvent.Kind.FIRED,
        rule,
        new AlertKey(rule.id(), Map.of()),
        at,
        at,
        new Evaluation(Evaluation.Outcome.HOLDS, BigDecimal.ONE, 100, "holds"),
        rule.channels(),
        false,
        null);
  }

  @Test
  void three_alerts_within_thirty_seconds_are_one_message_per_channel() {
    NotificationDispatcher dispatcher = dispatcher(NotificationDispatcher.DEFAULT_GROUP_WAIT);

    assertThat(dispatcher.dispatch(List.of(fired(DefaultAlertRules.SERVICE_DOWN, T0)), T0))
        .isEmpty();
    Instant t10 = T0.plusSeconds(10);
    assertThat(dispatcher.dispatch(List.of(fired(DefaultAlertRules.DATABASE, t10)), t10)).isEmpty();
    Instant t20 = T0.plusSeconds(20);
    assertThat(dispatcher.dispatch(List.of(fired(DefaultAlertRules.MASS_POST_FAILURE, t20)), t20))
        .isEmpty();
    assertThat(messages).isEmpty();
    assertThat(dispatcher.held()).containsOnlyKeys("slack", "sms", "email");

    List<Delivery> deliveries = dispatcher.dispatch(List.of(), T0.plusSeconds(30));

    // C1 goes to Slack, SMS and e-mail; C3 to Slack and SMS; C4 to Slack and e-mail.
    assertThat(messages)
        .containsExactlyInAnyOrder(
            "slack: ALERT-C1, ALERT-C3, ALERT-C4",
            "email: ALERT-C1, ALERT-C4",
            "sms: ALERT-C1, ALERT-C3");
    assertThat(deliveries).hasSize(7).allSatisfy(d -> assertThat(d.delivered()).isTrue());
    assertThat(dispatcher.held()).isEmpty();
  }

  @Test
  void an_alert_after_the_wait_starts_a_message_of_its_own() {
    NotificationDispatcher dispatcher = dispatcher(Duration.ofSeconds(30));
    dispatcher.dispatch(List.of(fired(DefaultAlertRules.SERVICE_DOWN, T0)), T0);
    dispatcher.dispatch(List.of(), T0.plusSeconds(30));
    Instant t40 = T0.plusSeconds(40);

    dispatcher.dispatch(List.of(fired(DefaultAlertRules.DATABASE, t40)), t40);
    dispatcher.dispatch(List.of(), T0.plusSeconds(70));

    assertThat(messages.stream().filter(m -> m.startsWith("slack")))
        .containsExactly("slack: ALERT-C1", "slack: ALERT-C3");
  }

  @Test
  void without_a_wait_the_events_of_one_call_are_still_one_message_per_channel() {
    NotificationDispatcher dispatcher = dispatcher(Duration.ZERO);

    dispatcher.dispatch(
        List.of(fired(DefaultAlertRules.SERVICE_DOWN, T0), fired(DefaultAlertRules.DATABASE, T0)),
        T0);

    assertThat(messages)
        .containsExactlyInAnyOrder(
            "slack: ALERT-C1, ALERT-C3", "sms: ALERT-C1, ALERT-C3", "email: ALERT-C1");
  }
}
