package app.omniy.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.sla.ExactRatio;
import app.omniy.core.sla.SlaMonth;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SUP-3's monthly indicators: exact, counted in JST months. */
class SupportKpisTest {
  private static final SlaMonth APRIL = SlaMonth.of(YearMonth.of(2026, 4));

  private static Instant jst(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
  }

  private static SupportTicket resolved(String id, String opened, String done, boolean first) {
    return SupportTicket.open(id, SupportPriority.LOW, jst(opened))
        .withResolution(jst(done), first);
  }

  @Test
  void four_of_five_resolved_at_first_contact_is_exactly_80_percent_and_met() {
    List<SupportTicket> tickets = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tickets.add(resolved("T" + i, "2026-04-06T10:00:00", "2026-04-06T11:00:00", i < 4));
    }

    SupportKpis kpis = SupportKpis.of(APRIL, tickets, SupportDeadlines.GUIDE, Instant.MAX);

    assertThat(kpis.firstContactResolution()).contains(ExactRatio.of(4, 5));
    assertThat(kpis.firstContactResolutionMet()).isTrue();
  }

  @Test
  void just_below_80_percent_is_missed() {
    // 79,999 of 100,000 is 79.999%: below the target, however it would round.
    SupportKpis kpis = new SupportKpis(APRIL, 0, 100_000, 79_999, 0, 0, 0, 0, Map.of());

    assertThat(kpis.firstContactResolutionMet()).isFalse();
  }

  @Test
  void a_mean_rating_of_exactly_four_and_a_half_is_met_and_a_hair_below_is_not() {
    SupportKpis exact = new SupportKpis(APRIL, 0, 2, 2, 2, 9, 0, 0, Map.of());
    SupportKpis below = new SupportKpis(APRIL, 0, 1000, 1000, 1000, 4499, 0, 0, Map.of());

    assertThat(exact.satisfaction()).contains(ExactRatio.of(9, 2));
    assertThat(exact.satisfactionMet()).isTrue();
    assertThat(below.satisfactionMet()).isFalse();
  }

  @Test
  void a_mean_resolution_of_exactly_24_hours_is_met_and_one_second_more_is_not() {
    List<SupportTicket> exactly =
        List.of(
            resolved("a", "2026-04-06T10:00:00", "2026-04-06T22:00:00", false),
            resolved("b", "2026-04-06T10:00:00", "2026-04-07T22:00:00", false));
    List<SupportTicket> over =
        List.of(
            resolved("a", "2026-04-06T10:00:00", "2026-04-06T22:00:00", false),
            resolved("b", "2026-04-06T10:00:00", "2026-04-07T22:00:01", false));

    SupportKpis met = SupportKpis.of(APRIL, exactly, SupportDeadlines.GUIDE, Instant.MAX);
    SupportKpis missed = SupportKpis.of(APRIL, over, SupportDeadlines.GUIDE, Instant.MAX);

    assertThat(met.meanResolutionSeconds()).contains(ExactRatio.of(86_400, 1));
    assertThat(met.meanResolutionMet()).isTrue();
    assertThat(missed.meanResolutionSeconds()).contains(ExactRatio.of(172_801, 2));
    assertThat(missed.meanResolutionMet()).isFalse();
  }

  @Test
  void tickets_count_in_the_jst_month_of_their_event_with_the_jvm_in_new_york() {
    // Opened on 31 March JST, resolved on 1 April 00:30 JST (still 31 March in New York and UTC).
    SupportTicket acrossTheEdge =
        SupportTicket.open("edge", SupportPriority.EMERGENCY, jst("2026-03-31T23:50:00"))
            .withResolution(jst("2026-04-01T00:30:00"), true)
            .withSatisfaction(5);
    SupportTicket openInApril =
        SupportTicket.open("open", SupportPriority.HIGH, jst("2026-04-30T17:00:00"))
            .withLevel(EscalationLevel.L2);

    SupportKpis kpis =
        SupportKpis.of(
            APRIL,
            List.of(acrossTheEdge, openInApril),
            SupportDeadlines.GUIDE,
            jst("2026-05-07T09:00:00"));

    assertThat(kpis.opened()).isEqualTo(1);
    assertThat(kpis.resolved()).isEqualTo(1);
    assertThat(kpis.satisfaction()).contains(ExactRatio.of(5, 1));
    assertThat(kpis.responseBreaches()).as("due 2026-05-01 12:00, unanswered").isEqualTo(1);
    assertThat(kpis.byLevel())
        .containsEntry(EscalationLevel.L2, 1L)
        .containsEntry(EscalationLevel.L1, 0L);
  }

  @Test
  void a_month_without_tickets_has_no_figures_and_misses_nothing() {
    SupportKpis kpis = SupportKpis.of(APRIL, List.of(), SupportDeadlines.GUIDE, Instant.MAX);

    assertThat(kpis.firstContactResolution()).isEmpty();
    assertThat(kpis.satisfaction()).isEmpty();
    assertThat(kpis.meanResolutionSeconds()).isEmpty();
    assertThat(kpis.allMet()).isTrue();
  }

  @Test
  void ratings_outside_one_to_five_and_parts_above_their_whole_are_rejected() {
    SupportTicket ticket = SupportTicket.open("x", SupportPriority.LOW, jst("2026-04-06T10:00:00"));

    assertThatThrownBy(() -> ticket.withSatisfaction(6))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("satisfaction = '6'");
    assertThatThrownBy(() -> new SupportKpis(APRIL, 0, 1, 2, 0, 0, 0, 0, Map.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("resolvedAtFirstContact = '2'");
  }
}
