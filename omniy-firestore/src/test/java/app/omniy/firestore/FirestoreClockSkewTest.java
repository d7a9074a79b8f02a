package app.omniy.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.dispatch.Dispatcher;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.SamplePosts;
import app.omniy.testkit.ScriptedPublisher;
import com.google.cloud.firestore.Firestore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two workers whose clocks disagree with Firestore's: one 2 s behind takes short leases, one 5 s
 * ahead sees them ended early. Firestore's clock decides: a lease is taken over only once the
 * server's time is {@code maxClockSkew} past its end (POST-8), so the worker ahead cannot take a
 * post over, and publish it a second time, while its holder may still be publishing (POST-7).
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreClockSkewTest {
  private static final Duration LEASE = Duration.ofSeconds(3);
  private static final Duration SKEW = DispatchSettings.DEFAULT_MAX_CLOCK_SKEW;

  /** Worker A's clock, 2 s behind Firestore's (the emulator runs on this machine's clock). */
  private final Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-2));

  /** Worker B's clock, 5 s ahead. */
  private final Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(5));

  private final FirestoreEmulator emulator;
  private Firestore dbA;
  private Firestore dbB;
  private FirestorePostStore a;
  private FirestorePostStore b;

  FirestoreClockSkewTest(FirestoreEmulator emulator) {
    this.emulator = emulator;
  }

  @BeforeEach
  void twoWorkers() {
    String namespace = "skew-" + System.nanoTime();
    dbA = FirestoreConnections.emulator(emulator.hostAndPort(), emulator.projectId());
    dbB = FirestoreConnections.emulator(emulator.hostAndPort(), emulator.projectId());
    a =
        new FirestorePostStore(
            FirestoreStoreOptions.of(dbA, new SimpleMeterRegistry()).withNamespace(namespace),
            4,
            SKEW);
    b =
        new FirestorePostStore(
            FirestoreStoreOptions.of(dbB, new SimpleMeterRegistry()).withNamespace(namespace),
            4,
            SKEW);
  }

  @AfterEach
  void disconnect() throws Exception {
    dbA.close();
    dbB.close();
  }

  @Test
  void a_worker_whose_clock_runs_ahead_takes_a_lease_over_only_once_firestore_sees_it_ended() {
    Instant aNow = behind.instant();
    a.insert(SamplePosts.image("publishing", "acct-1", aNow.minusSeconds(60)), aNow);
    a.insert(SamplePosts.image("claimed", "acct-2", aNow.minusSeconds(60)), aNow);
    List<PostRecord> claimed = a.claimDue(aNow, 2, "a", LEASE);
    assertThat(claimed).hasSize(2);
    PostRecord held = claimed.stream().filter(r -> r.id().equals("publishing")).findFirst().get();
    PostRecord publishing =
        a.recordTransition(
            held.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, aNow, behind.instant());
    Instant ends = publishing.lease().expiresAt(); // 1 s after Firestore's now

    // B's clock says both leases ended; Firestore's does not.
    Instant bNow = ahead.instant();
    assertThat(bNow).isAfter(ends);
    assertThat(b.findExpiredLeases(bNow, 10)).isEmpty();
    assertThat(b.claimExpired("publishing", publishing.version(), "b", bNow, LEASE)).isEmpty();
    assertThat(b.claimDue(bNow, 10, "b", LEASE)).isEmpty();
    Dispatcher dispatcherB =
        new Dispatcher(
            b,
            new ScriptedPublisher(),
            DispatchSettings.defaults("b").withLeaseDuration(LEASE),
            DispatchListener.NONE,
            new SplittableRandom(1));
    assertThat(dispatcherB.recoverExpired(ahead.instant(), 10)).isEmpty();
    assertThat(dispatcherB.claim(ahead.instant(), 10)).isEmpty();
    assertThat(a.find("publishing").orElseThrow().lease().owner()).isEqualTo("a");
    assertThat(a.find("claimed").orElseThrow().lease().owner()).isEqualTo("a");

    // Once Firestore's clock is maxClockSkew past the lease's end, B takes both over.
    Optional<PostRecord> tookOver = Optional.empty();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (tookOver.isEmpty()) {
      if (System.nanoTime() > deadline) {
        fail("B never took the lease over");
      }
      tookOver = b.claimExpired("publishing", publishing.version(), "b", ahead.instant(), LEASE);
    }
    assertThat(Instant.now()).isAfterOrEqualTo(ends.plus(SKEW));
    List<PostRecord> due = List.of();
    while (due.isEmpty() && System.nanoTime() < deadline) {
      due = b.claimDue(ahead.instant(), 10, "b", LEASE);
    }
    assertThat(due).extracting(PostRecord::id).containsExactly("claimed");
  }
}
