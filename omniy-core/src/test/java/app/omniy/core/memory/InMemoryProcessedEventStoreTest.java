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
  void a_retention_shorter_than_stripes_retry_window_is_rejected() {
    assertThatThrownBy(() -> new InMemoryProcessedEventStore(Duration.ofDays(2)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("retention");
  }
}
