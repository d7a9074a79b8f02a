package app.omniy.runtime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DailyFigures;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.Digest;
import app.omniy.core.alert.Evaluation;
import app.omniy.core.alert.QuietHours;
import app.omniy.core.alert.spi.Notifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Quiet hours (23:00–07:00 JST) hold what can wait for the morning digest, and nothing else. */
class QuietHoursDigestTest {
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final List<Digest> digests = new CopyOnWriteArrayList<>();
  private final List<LocalDate> figuresAsked = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private Notifier channel(String name) {
    return new Notifier() {
      @Override
      public void send(AlertEvent event) {
        messages.add(name + ": " + event.kind() + " " + event.key());
      }

      @Override
      public void sendDigest(Digest digest) {
        digests.add(digest);
        messages.add(name + ": digest " + digest.title());
      }
    };
  }

  private NotificationDispatcher dispatcher() {
    return new NotificationDispatcher(
            Map.of(Channel.SLACK, channel("slack"), Channel.EMAIL, channel("email")),
            null,
            1,
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            executor)
        .withQuietHours(
            QuietHours.DEFAULT,
            day -> {
              figuresAsked.add(day);
              return new DailyFigures(42, new BigDecimal("0.976"), 1, 1, 3, 0);
            });
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

  private static Instant jst(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
  }

  @Test
  void an_info_notification_at_night_waits_for_the_digest_and_a_warning_is_sent_at_once() {
    NotificationDispatcher dispatcher = dispatcher();
    dispatcher.dispatch(List.of(), jst("2026-03-02T20:00:00"));

    // ALERT-I1 (info, respond within 24 h) at 01:00: its deadline outlasts the night.
    Instant night = jst("2026-03-03T01:00:00");
    AlertEvent info = fired(DefaultAlertRules.DAU_DROP, night);
    // ALERT-W2 (warning, respond within 1 h) at 01:00: its deadline would pass at 02:00.
    AlertEvent warning = fired(DefaultAlertRules.CPU, night);
    dispatcher.dispatch(List.of(info, warning), night);

    assertThat(messages).containsExactly("slack: FIRED ALERT-W2");
    assertThat(dispatcher.heldForDigest()).containsExactly(info);

    dispatcher.dispatch(List.of(), jst("2026-03-03T06:59:50"));
    assertThat(messages).hasSize(1);

    List<Delivery> morning = dispatcher.dispatch(List.of(), jst("2026-03-03T07:00:00"));

    assertThat(messages)
        .containsExactly(
            "slack: FIRED ALERT-W2",
            "email: digest Omniy daily digest 2026-03-02: 1 held notification");
    assertThat(morning).extracting(Delivery::event).containsExactly(info);
    assertThat(figuresAsked).containsExactly(LocalDate.parse("2026-03-02"));
    Digest digest = digests.get(0);
    assertThat(digest.held()).containsExactly(info);
    assertThat(digest.text())
        .contains("Posts published: 42", "Success rate: 97.6%", "Support tickets past deadline: 0")
        .contains("FIRED ALERT-I1 info");
    assertThat(dispatcher.heldForDigest()).isEmpty();
  }

  @Test
  void critical_and_warning_alerts_are_never_held_and_the_digest_comes_every_morning() {
    NotificationDispatcher dispatcher = dispatcher();
    dispatcher.dispatch(List.of(), jst("2026-03-02T12:00:00"));
    Instant late = jst("2026-03-02T23:30:00");

    dispatcher.dispatch(
        List.of(fired(DefaultAlertRules.SERVICE_DOWN, late), fired(DefaultAlertRules.CPU, late)),
        late);

    assertThat(messages)
        .containsExactlyInAnyOrder(
            "slack: FIRED ALERT-C1", "email: FIRED ALERT-C1", "slack: FIRED ALERT-W2");
    assertThat(dispatcher.heldForDigest()).isEmpty();

    dispatcher.dispatch(List.of(), jst("2026-03-03T07:00:10"));
    dispatcher.dispatch(List.of(), jst("2026-03-04T07:00:10"));
    assertThat(digests)
        .extracting(Digest::day)
        .containsExactly(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-03"));
    assertThat(digests.get(0).text()).contains("Nothing was held overnight.");
  }

  @Test
  void an_info_notification_in_the_day_is_sent_at_once() {
    NotificationDispatcher dispatcher = dispatcher();
    Instant noon = jst("2026-03-02T12:00:00");

    dispatcher.dispatch(List.of(fired(DefaultAlertRules.DAU_DROP, noon)), noon);

    assertThat(messages).containsExactly("email: FIRED ALERT-I1");
  }
}
