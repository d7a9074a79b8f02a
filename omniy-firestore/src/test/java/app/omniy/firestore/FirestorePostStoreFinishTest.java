package app.omniy.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Transition;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.SamplePosts;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code finishAttempt} on Firestore is one write, and what it leaves is claimable by any other
 * worker at the next attempt time (POST-8): what the contract cannot see.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestorePostStoreFinishTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  private final FirestoreEmulator emulator;
  private final EmulatorStores stores;

  FirestorePostStoreFinishTest(FirestoreEmulator emulator) {
    this.emulator = emulator;
    stores = new EmulatorStores(emulator);
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }

  @Test
  void the_lease_holder_finishes_an_attempt_with_one_call_and_one_version() throws Exception {
    FirestoreStoreOptions options = stores.fresh();
    FirestorePostStore store = new FirestorePostStore(options, 4);
    store.insert(SamplePosts.image("p1", "acct", T0), T0.minusSeconds(60));
    PostRecord claimed = store.claimDue(T0, 1, "w1", LEASE).get(0);
    PostRecord publishing =
        store.recordTransition(claimed.token(), PostState.PUBLISHING, "publishing", T0, T0);
    DocumentSnapshot before = document(options, "p1");
    double callsBefore = successfulCalls();

    Instant retryAt = T0.plusSeconds(90);
    PostRecord finished =
        store.finishAttempt(
            publishing.token(), PostState.RETRY_WAIT, "rate limited", retryAt, T0.plusSeconds(1));

    // One call: the write on top of this store's own last write, no read first.
    assertThat(successfulCalls() - callsBefore).isEqualTo(1.0);
    DocumentSnapshot after = document(options, "p1");
    assertThat(after.getUpdateTime()).isGreaterThan(before.getUpdateTime());
    assertThat(after.getLong("version")).isEqualTo(before.getLong("version") + 1);
    assertThat(after.getString("state")).isEqualTo("RETRY_WAIT");
    assertThat(after.getString("leaseOwner")).isNull();
    assertThat(after.get("leaseExpiresNs")).isNull();
    assertThat(after.getLong("dueNs")).isEqualTo(nanos(retryAt));
    assertThat(finished.version()).isEqualTo(publishing.version() + 1);
    assertThat(finished.lease()).isNull();
    assertThat(finished.lastTransition().map(Transition::to)).contains(PostState.RETRY_WAIT);
    assertThat(store.find("p1")).contains(finished);
  }

  @Test
  void a_store_that_did_not_write_the_post_last_reads_it_and_still_writes_once() {
    FirestoreStoreOptions options = stores.fresh();
    FirestorePostStore claimer = new FirestorePostStore(options, 4);
    FirestorePostStore other = new FirestorePostStore(options, 4);
    claimer.insert(SamplePosts.image("p1", "acct", T0), T0.minusSeconds(60));
    PostRecord claimed = claimer.claimDue(T0, 1, "w1", LEASE).get(0);

    PostRecord finished =
        other.finishAttempt(
            claimed.token(), PostState.SCHEDULED, "deferred", T0.plusSeconds(30), T0);

    assertThat(finished.version()).isEqualTo(claimed.version() + 1);
    assertThat(claimer.find("p1")).contains(finished);
  }

  @Test
  void a_post_finished_into_a_due_state_is_claimable_at_its_next_attempt_by_another_client()
      throws Exception {
    FirestoreStoreOptions options = stores.fresh();
    FirestorePostStore first = new FirestorePostStore(options, 4);
    first.insert(SamplePosts.image("p1", "acct", T0), T0.minusSeconds(60));
    PostRecord claimed = first.claimDue(T0, 1, "w1", LEASE).get(0);
    PostRecord publishing =
        first.recordTransition(claimed.token(), PostState.PUBLISHING, "publishing", T0, T0);
    Instant retryAt = T0.plusSeconds(120);
    first.finishAttempt(
        publishing.token(), PostState.RETRY_WAIT, "transient", retryAt, T0.plusSeconds(1));

    // A client of its own: nothing of the first store's state is shared but the database.
    Firestore db = FirestoreConnections.emulator(emulator.hostAndPort(), emulator.projectId());
    try {
      FirestorePostStore second =
          new FirestorePostStore(
              FirestoreStoreOptions.of(db, new SimpleMeterRegistry())
                  .withNamespace(options.namespace()),
              4);

      assertThat(second.claimDue(retryAt.minusNanos(1_000), 10, "w2", LEASE)).isEmpty();
      List<PostRecord> due = second.claimDue(retryAt, 10, "w2", LEASE);

      assertThat(due).extracting(PostRecord::id).containsExactly("p1");
      assertThat(due.get(0).state()).isEqualTo(PostState.RETRY_WAIT);
      assertThat(due.get(0).lease().owner()).isEqualTo("w2");
      assertThat(due.get(0).version()).isEqualTo(publishing.version() + 2);
    } finally {
      db.close();
    }
  }

  private DocumentSnapshot document(FirestoreStoreOptions options, String postId) throws Exception {
    return options
        .collection(FirestorePostStore.COLLECTION)
        .document(DocumentIds.encode(postId))
        .get()
        .get();
  }

  private double successfulCalls() {
    return stores
        .meters
        .get(MetricNames.FIRESTORE_CONNECTIONS)
        .tag(MetricNames.TAG_OUTCOME, MetricNames.OUTCOME_SUCCESS)
        .counter()
        .count();
  }

  private static long nanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }
}
