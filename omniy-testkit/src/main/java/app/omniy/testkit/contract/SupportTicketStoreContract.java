package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.support.EscalationLevel;
import app.omniy.core.support.SupportPriority;
import app.omniy.core.support.SupportTicket;
import app.omniy.core.support.spi.SupportTicketStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SupportTicketStore} must do (SUP-1 … SUP-3): keep every field of a ticket,
 * times to the microsecond (what Firestore keeps), replace it on save, list the unanswered ones
 * oldest first, and the ones opened or resolved in a range, each once. A fresh store per test;
 * implementations on a shared backend give each test an empty namespace.
 */
public abstract class SupportTicketStoreContract {
  private static final Instant T0 = Instant.parse("2026-04-10T01:00:00.123456Z");

  /** The store under test. */
  protected SupportTicketStore store;

  /** A fresh, empty store for each test. */
  protected abstract SupportTicketStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private static SupportTicket opened(Duration after, SupportPriority priority) {
    return SupportTicket.open("T-" + UUID.randomUUID(), priority, T0.plus(after));
  }

  @Test
  void keeps_every_field_to_the_microsecond() {
    SupportTicket ticket =
        opened(Duration.ZERO, SupportPriority.HIGH)
            .withFirstResponse(T0.plusSeconds(600))
            .withLevel(EscalationLevel.L3)
            .withResolution(T0.plusSeconds(7_200).plusNanos(1_000), false)
            .withSatisfaction(4);

    store.save(ticket);

    assertThat(store.find(ticket.id())).contains(ticket);
  }

  @Test
  void an_unanswered_ticket_keeps_its_empty_fields() {
    SupportTicket ticket = opened(Duration.ZERO, SupportPriority.EMERGENCY);

    store.save(ticket);

    assertThat(store.find(ticket.id())).contains(ticket);
  }

  @Test
  void saving_again_replaces_and_an_answered_ticket_stops_awaiting_a_response() {
    SupportTicket later = opened(Duration.ofMinutes(5), SupportPriority.LOW);
    SupportTicket earlier = opened(Duration.ofMinutes(1), SupportPriority.MEDIUM);
    store.save(later);
    store.save(earlier);

    assertThat(store.awaitingFirstResponse()).containsExactly(earlier, later);

    SupportTicket answered = later.withFirstResponse(T0.plusSeconds(3_600));
    store.save(answered);

    assertThat(store.awaitingFirstResponse()).containsExactly(earlier);
    assertThat(store.find(later.id())).contains(answered);
  }

  @Test
  void a_range_holds_the_tickets_opened_or_resolved_in_it_once_each() {
    Instant from = T0.plus(Duration.ofDays(1));
    Instant to = T0.plus(Duration.ofDays(2));
    SupportTicket before = opened(Duration.ZERO, SupportPriority.HIGH);
    SupportTicket resolvedInside =
        opened(Duration.ofHours(1), SupportPriority.HIGH).withResolution(from, true);
    SupportTicket openedAndResolvedInside =
        opened(Duration.ofDays(1).plusHours(1), SupportPriority.LOW)
            .withResolution(from.plus(Duration.ofHours(2)), true);
    SupportTicket openedAtTheEnd = opened(Duration.ofDays(2), SupportPriority.LOW);
    SupportTicket resolvedAtTheEnd =
        opened(Duration.ofHours(2), SupportPriority.LOW).withResolution(to, false);
    List.of(before, resolvedInside, openedAndResolvedInside, openedAtTheEnd, resolvedAtTheEnd)
        .forEach(store::save);

    assertThat(store.openedOrResolvedIn(from, to))
        .containsExactly(resolvedInside, openedAndResolvedInside);
  }

  @Test
  void an_unknown_id_is_empty_and_a_reversed_range_is_refused() {
    assertThat(store.find("T-" + UUID.randomUUID())).isEmpty();
    assertThat(store.awaitingFirstResponse()).isEmpty();

    assertThatThrownBy(() -> store.openedOrResolvedIn(T0, T0.minusNanos(1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("to");
  }
}
