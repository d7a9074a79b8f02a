package app.omniy.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.billing.spi.EventClaim;
import app.omniy.core.billing.spi.ProcessedEventStore;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the contract suites do not reach: Firestore's precision and id rules. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreStoreEdgeCasesTest {
  private final EmulatorStores stores;

  FirestoreStoreEdgeCasesTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }

  @Test
  void a_claim_made_at_a_time_finer_than_a_microsecond_can_still_be_released() {
    ProcessedEventStore events = new FirestoreProcessedEventStore(stores.fresh());
    Instant claimedAt = Instant.parse("2026-05-01T00:00:00.123456789Z");
    events.claim("evt/with/slashes", claimedAt, Duration.ofMinutes(5));

    events.release("evt/with/slashes", claimedAt);

    assertThat(events.claim("evt/with/slashes", claimedAt.plusSeconds(1), Duration.ofMinutes(5)))
        .isEqualTo(EventClaim.CLAIMED);
  }

  @Test
  void removing_an_id_that_is_no_document_id_answers_false() {
    assertThat(new FirestoreDowntimeStore(stores.fresh()).remove("not/an/id")).isFalse();
  }
}
