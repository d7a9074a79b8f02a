package app.omniy.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.memory.InMemorySupportTicketStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.support.SupportDeadlines;
import app.omniy.core.support.SupportPriority;
import app.omniy.core.support.SupportTicket;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.runtime.alert.NotificationDispatcher;
import app.omniy.testkit.Await;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The support-breach check (SUP-1) through the real alert runtime and the default rules: a high
 * ticket opened Friday 17:30 JST is due Monday 12:30; exactly then it is not overdue, a second
 * later SUP-1 fires for the high priority, and it resolves once the ticket is answered.
 */
class OverdueTicketsTest {
  private static final Instant OPENED = jst("2026-04-10T17:30:00"); // a Friday
  private static final Instant DUE = jst("2026-04-13T12:30:00"); // Monday

  private final InMemorySupportTicketStore store = new InMemorySupportTicketStore();
  private final SettableClock clock = SettableClock.at(OPENED);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ExecutorService deliveries = Executors.newFixedThreadPool(2);
  private final List<String> sent = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    deliveries.shutdownNow();
  }

  private static Instant jst(String local) {
    return OffsetDateTime.parse(local + "+09:00").toInstant();
  }

  private Notifier recording(String channel) {
    return event -> sent.add(channel + " " + event.kind() + " " + event.key());
  }

  private AlertRuntime alerts() {
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(
            Map.of(Channel.SLACK, recording("slack"), Channel.EMAIL, recording("email")),
            null,
            0,
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            deliveries);
    return AlertRuntime.builder(clock, dispatcher)
        .rules(DefaultAlertRules.all())
        .registry(registry)
        .build();
  }

  private double gauge(SupportPriority priority) {
    return registry
        .get(MetricNames.SUPPORT_OVERDUE)
        .tag(MetricNames.TAG_PRIORITY, OverdueTickets.tag(priority))
        .gauge()
        .value();
  }

  private void awaitSent(int n) {
    deliveries.submit(() -> {}).isDone();
    Await.until(n + " notifications are sent", () -> sent.size() >= n);
  }

  @Test
  void gauges_bound_without_keeping_a_reference_still_read_after_a_garbage_collection()
      throws InterruptedException {
    store.save(SupportTicket.open("T-1", SupportPriority.HIGH, OPENED));
    OverdueTickets.of(store, SupportDeadlines.GUIDE, clock).bindTo(registry); // as documented
    clock.set(DUE.plusSeconds(1));
    WeakReference<Object> sentinel = new WeakReference<>(new Object());
    for (int i = 0; i < 50 && sentinel.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(sentinel.get()).as("a collection ran").isNull();

    assertThat(gauge(SupportPriority.HIGH)).isEqualTo(1);
  }

  @Test
  void a_ticket_unanswered_a_second_past_its_deadline_fires_sup_1_until_answered()
      throws Exception {
    SupportTicket high = SupportTicket.open("T-1", SupportPriority.HIGH, OPENED);
    store.save(high);
    store.save(SupportTicket.open("T-2", SupportPriority.LOW, OPENED)); // due Wednesday 17:30
    OverdueTickets overdue = OverdueTickets.of(store, SupportDeadlines.GUIDE, clock);
    overdue.bindTo(registry);
    AlertRuntime alerts = alerts();
    alerts.tick();

    clock.set(DUE);
    alerts.tick();
    assertThat(gauge(SupportPriority.HIGH)).as("exactly at the deadline is on time").isZero();
    assertThat(overdue.now()).isEmpty();

    clock.set(DUE.plusSeconds(1));
    assertThat(gauge(SupportPriority.HIGH)).isEqualTo(1);
    assertThat(gauge(SupportPriority.LOW)).isZero();
    assertThat(overdue.now()).singleElement().satisfies(b -> assertThat(b.due()).isEqualTo(DUE));
    clock.set(DUE.plus(DefaultAlertRules.SUPPORT.every())); // SUP-1's next evaluation (ALERT-5)
    alerts.tick();
    awaitSent(2);

    assertThat(sent)
        .containsExactlyInAnyOrder(
            "slack FIRED SUP-1{priority=high}", "email FIRED SUP-1{priority=high}");

    store.save(high.withFirstResponse(DUE.plusSeconds(600)));
    clock.set(DUE.plusSeconds(660));
    assertThat(gauge(SupportPriority.HIGH)).isZero();
    for (int minute = 0; minute < 10; minute++) {
      clock.advance(Duration.ofMinutes(1));
      alerts.tick();
    }
    awaitSent(4);

    assertThat(sent)
        .contains("slack RESOLVED SUP-1{priority=high}", "email RESOLVED SUP-1{priority=high}")
        .noneMatch(line -> line.contains("priority=low"));
  }
}
