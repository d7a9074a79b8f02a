package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.billing.spi.EventClaim;
import app.omniy.core.billing.spi.ProcessedEventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProcessedEventStore} must do: an event is processed once however often and
 * however concurrently it is delivered, and a failed attempt leaves it for the retry.
 *
 * <pre>{@code
 * class FirestoreProcessedEventStoreTest extends ProcessedEventStoreContract {
 *   @Override
 *   protected ProcessedEventStore newStore() {
 *     return new FirestoreProcessedEventStore(firestore);
 *   }
 * }
 * }</pre>
 */
public abstract class ProcessedEventStoreContract {
  /** A time with whole milliseconds, which every backend stores exactly. */
  protected static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  protected static final Duration LEASE = Duration.ofMinutes(5);

  private ProcessedEventStore store;

  /** A store to test; called before each test. It may hold data of earlier tests. */
  protected abstract ProcessedEventStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /** An event id no other test (or earlier run against a shared backend) has used. */
  protected static String newEventId() {
    return "evt_contract_" + UUID.randomUUID().toString().replace("-", "");
  }

  @Test
  void an_unknown_event_is_neither_processed_nor_in_progress() {
    String id = newEventId();

    assertThat(store.isProcessed(id)).isFalse();
    assertThat(store.claim(id, T0, LEASE)).isEqualTo(EventClaim.CLAIMED);
  }

  @Test
  void a_claimed_event_is_in_progress_for_everyone_else_until_its_lease_ends() {
    String id = newEventId();
    store.claim(id, T0, LEASE);

    assertThat(store.claim(id, T0, LEASE)).isEqualTo(EventClaim.IN_PROGRESS);
    assertThat(store.claim(id, T0.plus(LEASE).minusMillis(1), LEASE))
        .isEqualTo(EventClaim.IN_PROGRESS);
    assertThat(store.isProcessed(id)).isFalse();
  }

  @Test
  void an_abandoned_claim_is_taken_over_once_its_lease_has_ended() {
    String id = newEventId();
    store.claim(id, T0, LEASE);

    assertThat(store.claim(id, T0.plus(LEASE), LEASE)).isEqualTo(EventClaim.CLAIMED);
    assertThat(store.claim(id, T0.plus(LEASE), LEASE)).isEqualTo(EventClaim.IN_PROGRESS);
  }

  @Test
  void a_processed_event_is_never_claimed_again_not_even_after_the_lease() {
    String id = newEventId();
    store.claim(id, T0, LEASE);
    store.markProcessed(id, T0.plusSeconds(1));

    assertThat(store.isProcessed(id)).isTrue();
    assertThat(store.claim(id, T0.plusSeconds(2), LEASE)).isEqualTo(EventClaim.ALREADY_PROCESSED);
    assertThat(store.claim(id, T0.plus(Duration.ofDays(3)), LEASE))
        .isEqualTo(EventClaim.ALREADY_PROCESSED);
  }

  @Test
  void a_released_claim_lets_the_retry_process_the_event() {
    String id = newEventId();
    store.claim(id, T0, LEASE);

    store.release(id, T0);

    assertThat(store.isProcessed(id)).isFalse();
    assertThat(store.claim(id, T0.plusSeconds(60), LEASE)).isEqualTo(EventClaim.CLAIMED);
  }

  @Test
  void releasing_an_abandoned_claim_does_not_drop_the_claim_that_took_it_over() {
    String id = newEventId();
    store.claim(id, T0, LEASE);
    Instant takeover = T0.plus(LEASE).plusSeconds(1);
    store.claim(id, takeover, LEASE);

    store.release(id, T0);

    assertThat(store.claim(id, takeover.plusSeconds(1), LEASE)).isEqualTo(EventClaim.IN_PROGRESS);
  }

  @Test
  void releasing_after_processing_keeps_the_event_processed() {
    String id = newEventId();
    store.claim(id, T0, LEASE);
    store.markProcessed(id, T0.plusSeconds(1));

    store.release(id, T0);

    assertThat(store.isProcessed(id)).isTrue();
    assertThat(store.claim(id, T0.plusSeconds(2), LEASE)).isEqualTo(EventClaim.ALREADY_PROCESSED);
  }

  @Test
  void events_are_claimed_independently_of_each_other() {
    String first = newEventId();
    String second = newEventId();
    store.claim(first, T0, LEASE);
    store.markProcessed(first, T0);

    assertThat(store.claim(second, T0, LEASE)).isEqualTo(EventClaim.CLAIMED);
    assertThat(store.isProcessed(second)).isFalse();
  }

  @Test
  void forgetting_drops_only_events_processed_before_the_cutoff_and_keeps_claims() {
    String old = newEventId();
    String recent = newEventId();
    String claimed = newEventId();
    store.claim(old, T0, LEASE);
    store.markProcessed(old, T0);
    store.claim(recent, T0, LEASE);
    store.markProcessed(recent, T0.plusSeconds(10));
    store.claim(claimed, T0, LEASE);

    int forgotten = store.forgetProcessedBefore(T0.plusSeconds(10));

    assertThat(forgotten).isGreaterThanOrEqualTo(1);
    assertThat(store.isProcessed(old)).isFalse();
    assertThat(store.isProcessed(recent)).isTrue();
    assertThat(store.claim(claimed, T0.plusSeconds(11), LEASE)).isEqualTo(EventClaim.IN_PROGRESS);
  }

  @Test
  void the_retention_covers_stripes_retry_window_and_never_changes() {
    Duration retention = store.retention();

    assertThat(retention).isNotNull().isGreaterThanOrEqualTo(Duration.ofDays(3));
    assertThat(store.retention()).isEqualTo(retention);
  }

  @Test
  void an_event_processed_exactly_one_retention_ago_is_still_remembered() {
    String id = newEventId();
    store.claim(id, T0, LEASE);
    store.markProcessed(id, T0);
    Instant later = T0.plus(store.retention());

    store.forgetProcessedBefore(later.minus(store.retention()));

    assertThat(store.isProcessed(id)).isTrue();
    assertThat(store.claim(id, later, LEASE)).isEqualTo(EventClaim.ALREADY_PROCESSED);
  }

  @Test
  void of_concurrent_claims_on_one_event_exactly_one_wins() throws Exception {
    for (int round = 0; round < 10; round++) {
      String id = newEventId();

      var claims = Concurrently.run(8, () -> store.claim(id, T0, LEASE));

      assertThat(claims).filteredOn(c -> c == EventClaim.CLAIMED).hasSize(1);
      assertThat(claims).filteredOn(c -> c == EventClaim.IN_PROGRESS).hasSize(7);
    }
  }
}
