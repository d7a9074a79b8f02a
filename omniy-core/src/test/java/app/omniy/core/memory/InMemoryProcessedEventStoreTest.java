package app.omniy.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contract itself runs in omniy-testkit; this covers what only the in-memory store does. */
class InMemoryProcessedEventStoreTest {
  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  @Test
  void a_long_running_store_forgets_events_older_than_its_retention_by_itself() {
    var store = new InMemoryProcessedEventStore(Duration.ofDays(3));
    store.markProcessed("evt_old", T0);
    Instant later = T0.plus(Duration.ofDays(4));

    for (int i = 0; i < InMemoryProcessedEventStore.PRUNE_EVERY; i++) {
      store.markProcessed("evt_" + i, later);
    }

    assertThat(store.isProcessed("evt_old")).isFalse();
    assertThat(store.isProcessed("evt_0")).isTrue();
  }

  @Test
  void the_store_tells_the_retention_it_keeps_processed_events_for() {
    assertThat(new InMemoryProcessedEventStore().retention()).isEqualTo(Duration.ofDays(30));
    assertThat(new InMemoryProcessedEventStore(Duration.ofDays(90)).retention())
        .isEqualTo(Duration.ofDays(90));
  }

  @Test
  void an_event_processed_just_within_the_retention_survives_the_stores_own_pruning() {
    var store = new InMemoryProcessedEventStore(Duration.ofDays(3));
    store.markProcessed("evt_recent", T0);
    Instant later = T0.plus(Duration.ofDays(3));

    for (int i = 0; i < InMemoryProcessedEventStore.PRUNE_EVERY; i++) {
      store.markProcessed("evt_" + i, later);
    }

    assertThat(store.isProcessed("evt_recent")).isTrue();
  }

  @Test
  void a_retention_shorter_than_stripes_retry_window_is_rejected() {
    assertThatThrownBy(() -> new InMemoryProcessedEventStore(Duration.ofDays(2)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("retention");
  }
}
