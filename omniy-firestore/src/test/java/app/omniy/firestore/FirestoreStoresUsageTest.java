package app.omniy.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.billing.spi.EventClaim;
import app.omniy.core.billing.spi.ProcessedEventStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.spi.PostStore;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import com.google.cloud.firestore.Firestore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's usage snippet (docs/firestore.md), compiled and run against the emulator. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreStoresUsageTest {

  @Test
  void stores_share_one_client_and_namespace_and_count_their_calls(FirestoreEmulator emulator)
      throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    Firestore db = FirestoreConnections.emulator(emulator.hostAndPort(), "demo-omniy");
    try {
      // --- snippet start
      FirestoreStoreOptions options =
          FirestoreStoreOptions.of(db, registry).withNamespace("production");
      PostStore posts = new FirestorePostStore(options); // 16 due-time shards
      ProcessedEventStore events = new FirestoreProcessedEventStore(options);
      // --- snippet end

      assertThat(posts.find("nope")).isEmpty();
      assertThat(events.claim("evt_1", Instant.EPOCH, Duration.ofMinutes(5)))
          .isEqualTo(EventClaim.CLAIMED);
      assertThat(db.collection("omniy/production/processedEvents").get().get().size()).isOne();
    } finally {
      db.close();
    }
    assertThat(
            registry
                .get(MetricNames.FIRESTORE_CONNECTIONS)
                .tag(MetricNames.TAG_OUTCOME, MetricNames.OUTCOME_SUCCESS)
                .counter()
                .count())
        .isGreaterThanOrEqualTo(2.0);
  }

  @Test
  void a_malformed_namespace_or_shard_count_is_rejected_naming_the_field(FirestoreEmulator emulator)
      throws Exception {
    Firestore db = FirestoreConnections.emulator(emulator.hostAndPort(), "demo-omniy");
    try {
      FirestoreStoreOptions options = FirestoreStoreOptions.of(db, new SimpleMeterRegistry());

      assertThatThrownBy(() -> options.withNamespace("a/b"))
          .isInstanceOfSatisfying(
              InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("namespace"));
      assertThatThrownBy(() -> new FirestorePostStore(options, 0))
          .isInstanceOfSatisfying(
              InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("dueShards"));
    } finally {
      db.close();
    }
  }
}
