package app.omniy.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreEmulatorSmokeTest {
  private Firestore db;

  @BeforeEach
  void connect(FirestoreEmulator emulator) {
    db = FirestoreConnections.emulator(emulator.hostAndPort(), emulator.projectId());
  }

  @AfterEach
  void disconnect() throws Exception {
    db.close();
  }

  @Test
  void writes_and_reads_a_document() throws Exception {
    DocumentReference post = db.collection("posts").document("p1");
    post.set(Map.of("state", "SCHEDULED", "dueAt", 1_000L)).get();

    var read = post.get().get();

    assertThat(read.exists()).isTrue();
    assertThat(read.getString("state")).isEqualTo("SCHEDULED");
    assertThat(read.getLong("dueAt")).isEqualTo(1_000L);
  }

  @Test
  void a_transaction_reads_and_updates_atomically() throws Exception {
    DocumentReference counter = db.collection("counters").document("c");
    counter.set(Map.of("value", 41L)).get();

    long written =
        db.runTransaction(
                tx -> {
                  long value = tx.get(counter).get().getLong("value");
                  tx.update(counter, "value", value + 1);
                  return value + 1;
                })
            .get();

    assertThat(written).isEqualTo(42L);
    assertThat(counter.get().get().getLong("value")).isEqualTo(42L);
  }

  @Test
  void a_query_filters_and_orders_on_indexed_fields() throws Exception {
    var posts = db.collection("posts");
    posts.document("late").set(Map.of("state", "SCHEDULED", "dueAt", 300L)).get();
    posts.document("early").set(Map.of("state", "SCHEDULED", "dueAt", 100L)).get();
    posts.document("done").set(Map.of("state", "PUBLISHED", "dueAt", 50L)).get();

    var due =
        posts
            .whereEqualTo("state", "SCHEDULED")
            .whereLessThanOrEqualTo("dueAt", 300L)
            .orderBy("dueAt", Query.Direction.ASCENDING)
            .get()
            .get()
            .getDocuments();

    assertThat(due).extracting(d -> d.getId()).containsExactly("early", "late");
  }

  @Test
  void each_test_starts_with_an_empty_database() throws Exception {
    // The other tests write to "posts"; the extension clears the data before each test.
    assertThat(db.collection("posts").get().get().isEmpty()).isTrue();
  }

  @Test
  void a_malformed_emulator_address_is_rejected_naming_the_field() {
    assertThatThrownBy(() -> FirestoreConnections.emulator("localhost", "demo-omniy"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("hostAndPort");
  }
}
