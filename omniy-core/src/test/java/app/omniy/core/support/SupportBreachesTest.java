package app.omniy.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SUP-1 breach detection at its boundaries, in JST, while the JVM runs in New York. */
class SupportBreachesTest {
  private final SupportDeadlines deadlines = SupportDeadlines.GUIDE;

  private static Instant jst(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
  }

  @Test
  void an_answer_exactly_at_the_deadline_is_on_time_and_one_second_later_is_a_breach() {
    SupportTicket opened =
        SupportTicket.open("T-1", SupportPriority.HIGH, jst("2026-04-03T17:30:00"));

    assertThat(deadlines.breach(opened.withFirstResponse(jst("2026-04-06T12:30:00")), Instant.MAX))
        .isEmpty();
    assertThat(deadlines.breach(opened.withFirstResponse(jst("2026-04-06T12:30:01")), Instant.MAX))
        .hasValueSatisfying(
            b -> {
              assertThat(b.due()).isEqualTo(jst("2026-04-06T12:30:00"));
              assertThat(b.responded()).contains(jst("2026-04-06T12:30:01"));
            });
  }

  @Test
  void an_unanswered_ticket_is_breached_only_once_the_clock_passes_its_deadline() {
    SupportTicket ticket =
        SupportTicket.open("T-2", SupportPriority.MEDIUM, jst("2026-04-04T10:00:00"));

    assertThat(deadlines.breach(ticket, jst("2026-04-07T09:00:00"))).isEmpty();
    assertThat(deadlines.breach(ticket, jst("2026-04-07T09:00:01")))
        .hasValueSatisfying(b -> assertThat(b.responded()).isEmpty());
  }

  @Test
  void a_resolution_without_an_earlier_answer_counts_as_the_first_response() {
    SupportTicket ticket =
        SupportTicket.open("T-3", SupportPriority.EMERGENCY, jst("2026-04-05T03:00:00"))
            .withResolution(jst("2026-04-05T04:00:00"), true);

    assertThat(ticket.firstResponse()).contains(jst("2026-04-05T04:00:00"));
    assertThat(deadlines.breach(ticket, Instant.MAX)).isEmpty();
  }

  @Test
  void breaches_lists_only_the_late_tickets() {
    Instant now = jst("2026-04-08T12:00:00");
    List<SupportTicket> tickets =
        List.of(
            SupportTicket.open("ok", SupportPriority.LOW, jst("2026-04-06T10:00:00")),
            SupportTicket.open("late", SupportPriority.HIGH, jst("2026-04-06T10:00:00")),
            SupportTicket.open("answered", SupportPriority.HIGH, jst("2026-04-06T10:00:00"))
                .withFirstResponse(jst("2026-04-06T14:00:00")));

    assertThat(deadlines.breaches(tickets, now))
        .extracting(SupportBreach::ticketId)
        .containsExactly("late");
  }
}
