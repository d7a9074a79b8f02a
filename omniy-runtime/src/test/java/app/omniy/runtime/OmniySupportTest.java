package app.omniy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.memory.InMemorySupportTicketStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.support.BusinessCalendar;
import app.omniy.core.support.SupportDeadlines;
import app.omniy.core.support.SupportPriority;
import app.omniy.core.support.SupportTicket;
import app.omniy.testkit.Await;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Omniy.builder().supportTickets(store)} (SUP-1): the runtime binds the overdue-ticket gauge
 * to its own registry, and its alert engine's default rule fires for a ticket past its
 * first-response deadline with no host code in between.
 */
class OmniySupportTest {
  private static final Instant OPENED = jst("2026-04-10T17:30:00"); // a Friday
  private static final Instant DUE = jst("2026-04-13T12:30:00"); // Monday, 4 business hours on

  private final SettableClock clock = SettableClock.at(OPENED);
  private final InMemorySupportTicketStore tickets = new InMemorySupportTicketStore();
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final List<Omniy> runtimes = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    runtimes.forEach(Omniy::close);
  }

  private static Instant jst(String local) {
    return OffsetDateTime.parse(local + "+09:00").toInstant();
  }

  private Omniy start(Omniy.Builder builder) {
    Omniy omniy =
        builder
            .publisher(new ScriptedPublisher())
            .clock(clock)
            .notifier(Channel.SLACK, event -> sent.add(event.kind() + " " + event.key()))
            .alertEvery(Duration.ofHours(1)) // ticked by hand below
            .start();
    runtimes.add(omniy);
    return omniy;
  }

  @Test
  void a_ticket_unanswered_past_its_first_response_deadline_fires_sup_1_in_the_runtime() {
    tickets.save(SupportTicket.open("T-1", SupportPriority.HIGH, OPENED));
    Omniy omniy = start(Omniy.builder().supportTickets(tickets));
    var alerts = omniy.alerts().orElseThrow();
    alerts.tick();

    clock.set(DUE);
    assertThat(overdueHigh(omniy)).as("exactly at the deadline is on time").isZero();
    alerts.tick();

    clock.set(DUE.plusSeconds(1));
    assertThat(overdueHigh(omniy)).isEqualTo(1);
    clock.set(DUE.plus(DefaultAlertRules.SUPPORT.every())); // SUP-1's next evaluation (ALERT-5)
    alerts.tick();
    Await.until("Slack hears of SUP-1", () -> !sent.isEmpty());

    assertThat(sent).containsExactly("FIRED SUP-1{priority=high}");
  }

  private static double overdueHigh(Omniy omniy) {
    return omniy
        .meterRegistry()
        .get(MetricNames.SUPPORT_OVERDUE)
        .tag(MetricNames.TAG_PRIORITY, "high")
        .gauge()
        .value();
  }

  @Test
  void the_hosts_deadlines_count_its_extra_closed_days() {
    tickets.save(SupportTicket.open("T-1", SupportPriority.HIGH, OPENED));
    SupportDeadlines closedMonday =
        new SupportDeadlines(
            BusinessCalendar.JAPAN.withClosedDays(Set.of(LocalDate.parse("2026-04-13"))));
    Omniy omniy = start(Omniy.builder().supportTickets(tickets, closedMonday));
    var alerts = omniy.alerts().orElseThrow();
    alerts.tick();

    clock.set(DUE.plusSeconds(1)); // Monday is closed: due Tuesday 12:30
    assertThat(overdueHigh(omniy)).isZero();
    alerts.tick();
    clock.set(DUE.plus(Duration.ofDays(1)).plusSeconds(1));
    assertThat(overdueHigh(omniy)).isEqualTo(1);
    alerts.tick();
    Await.until("Slack hears of SUP-1", () -> !sent.isEmpty());

    assertThat(sent).containsExactly("FIRED SUP-1{priority=high}");
  }

  @Test
  void without_support_tickets_no_gauge_is_bound_and_a_missing_store_is_refused() {
    Omniy omniy = start(Omniy.builder());

    assertThat(omniy.meterRegistry().find(MetricNames.SUPPORT_OVERDUE).gauges()).isEmpty();
    assertThatThrownBy(() -> Omniy.builder().supportTickets(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("supportTickets");
  }
}
