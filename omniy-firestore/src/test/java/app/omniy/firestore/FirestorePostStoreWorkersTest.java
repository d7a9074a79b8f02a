package app.omniy.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.StaleWriteException;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.SamplePosts;
import com.google.cloud.firestore.Firestore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What two workers, each with its own client and store, see of each other's writes: a claim from a
 * window of due posts read earlier, and a lease holder's write without a read, never act on a post
 * the other worker changed meanwhile (POST-7, POST-8).
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestorePostStoreWorkersTest {
  private static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final FirestoreEmulator emulator;
  private Firestore dbA;
  private Firestore dbB;
  private FirestorePostStore a;
  private FirestorePostStore b;

  FirestorePostStoreWorkersTest(FirestoreEmulator emulator) {
    this.emulator = emulator;
  }

  @BeforeEach
  void twoWorkers() {
    String namespace = "workers-" + System.nanoTime();
    dbA = FirestoreConnections.emulator(emulator.hostAndPort(), emulator.projectId());
    dbB = FirestoreConnections.emulator(emulator.hostAndPort(), emulator.projectId());
    a =
        new FirestorePostStore(
            FirestoreStoreOptions.of(dbA, new SimpleMeterRegistry()).withNamespace(namespace), 4);
    b =
        new FirestorePostStore(
            FirestoreStoreOptions.of(dbB, new SimpleMeterRegistry()).withNamespace(namespace), 4);
  }

  @AfterEach
  void disconnect() throws Exception {
    dbA.close();
    dbB.close();
  }

  private static List<String> ids(List<PostRecord> records) {
    return records.stream().map(PostRecord::id).toList();
  }

  @Test
  void a_claim_from_a_window_another_worker_emptied_takes_only_what_is_left() {
    for (int i = 0; i < 6; i++) {
      a.insert(SamplePosts.image("p" + i, "acct", T0.plusMillis(i)), T0);
    }
    Instant now = T0.plusSeconds(1);
    assertThat(ids(a.claimDue(now, 2, "a", LEASE))).containsExactly("p0", "p1");

    // a's window still holds p2 … p5; b takes three of them.
    assertThat(ids(b.claimDue(now, 3, "b", LEASE))).containsExactly("p2", "p3", "p4");

    assertThat(ids(a.claimDue(now, 10, "a", LEASE))).containsExactly("p5");
    for (String id : List.of("p2", "p3", "p4")) {
      assertThat(b.find(id).orElseThrow().lease().owner()).as(id).isEqualTo("b");
    }
  }

  @Test
  void a_worker_whose_post_was_taken_over_cannot_write_though_it_wrote_the_post_last() {
    a.insert(SamplePosts.image("p", "acct", T0), T0);
    PostRecord mine = a.claimDue(T0, 1, "a", LEASE).get(0);
    // a's lease expires (a stalled); b takes the post over.
    Instant later = T0.plus(LEASE).plusSeconds(1);
    assertThat(ids(b.claimDue(later, 1, "b", LEASE))).containsExactly("p");

    // On a's own clock its lease still holds, and a wrote the post last as far as a knows.
    assertThatThrownBy(
            () ->
                a.recordTransition(
                    mine.token(),
                    PostState.PUBLISHING,
                    Reasons.ATTEMPT_STARTED,
                    T0.plusSeconds(30),
                    T0.plusSeconds(30)))
        .isInstanceOf(StaleWriteException.class);
    PostRecord stored = b.find("p").orElseThrow();
    assertThat(stored.state()).isEqualTo(PostState.SCHEDULED);
    assertThat(stored.lease().owner()).isEqualTo("b");
  }

  @Test
  void a_post_another_worker_makes_due_is_claimed_once_the_window_is_a_second_old() {
    assertThat(a.claimDue(T0, 1, "a", LEASE)).isEmpty();
    b.insert(SamplePosts.image("p", "acct", T0), T0);

    // a's window (read at T0, nothing due up to T0 + 1 s) answers without a query...
    assertThat(a.claimDue(T0.plusMillis(500), 1, "a", LEASE)).isEmpty();
    // ...until it is older than FirestorePostStore.WINDOW_AGE.
    Instant aged = T0.plus(FirestorePostStore.WINDOW_AGE).plusNanos(1);
    assertThat(ids(a.claimDue(aged, 1, "a", LEASE))).containsExactly("p");
  }
}
