package app.omniy.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The retention the Firestore store answers, and the TTL field that keeps it. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreProcessedEventStoreRetentionTest {
  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  private final EmulatorStores stores;

  FirestoreProcessedEventStoreRetentionTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }

  @Test
  void the_store_keeps_30_days_unless_given_another_retention() {
    FirestoreStoreOptions options = stores.fresh();

    assertThat(new FirestoreProcessedEventStore(options).retention())
        .isEqualTo(Duration.ofDays(30));
    assertThat(new FirestoreProcessedEventStore(options, Duration.ofDays(90)).retention())
        .isEqualTo(Duration.ofDays(90));
  }

  @Test
  void a_retention_shorter_than_stripes_retry_window_is_rejected() {
    FirestoreStoreOptions options = stores.fresh();

    assertThatThrownBy(() -> new FirestoreProcessedEventStore(options, Duration.ofDays(2)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("retention");
  }

  @Test
  void a_processed_event_expires_for_a_ttl_policy_exactly_one_retention_after_processing()
      throws Exception {
    FirestoreStoreOptions options = stores.fresh();
    var store = new FirestoreProcessedEventStore(options, Duration.ofDays(45));
    store.claim("evt_1Qttl", T0, Duration.ofMinutes(2));

    store.markProcessed("evt_1Qttl", T0.plusSeconds(1));

    DocumentSnapshot doc =
        options
            .collection(FirestoreProcessedEventStore.COLLECTION)
            .document("evt_1Qttl")
            .get()
            .get();
    Instant expected = T0.plusSeconds(1).plus(Duration.ofDays(45));
    assertThat(doc.getTimestamp("expireAt"))
        .isEqualTo(Timestamp.ofTimeSecondsAndNanos(expected.getEpochSecond(), 0));
  }
}
