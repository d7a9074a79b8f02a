package app.omniy.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.ops.Omniy;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.SamplePosts;
import app.omniy.testkit.ScriptedPublisher;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several workers share one Firestore (POST-8): four runtimes, each with its own client, race over
 * the same due posts while a fifth worker claims a batch and dies; every post is published exactly
 * once and none is left behind (POST-7, POST-10). Scaled to 200 posts: on the emulator the runtime
 * publishes about 8 posts a second, and issue 9's 2,000 would take four minutes of CI.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreMultiWorkerTest {
  private static final int POSTS = 200;
  private static final int ACCOUNTS = 10;
  private static final int ABANDONED = 20;
  private static final Duration LEASE = Duration.ofSeconds(5);

  @Test
  void four_runtimes_publish_every_post_exactly_once_also_after_a_worker_dies_mid_batch(
      FirestoreEmulator emulator) throws Exception {
    String namespace = "multi-" + System.nanoTime();
    List<Firestore> clients = new ArrayList<>();
    List<FirestorePostStore> stores = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Firestore db = FirestoreConnections.emulator(emulator.hostAndPort(), emulator.projectId());
      clients.add(db);
      stores.add(new FirestorePostStore(FirestoreStoreOptions.of(db).withNamespace(namespace), 4));
    }
    Instant now = Clock.systemUTC().instant();
    for (int n = 0; n < POSTS; n++) {
      stores.get(n % 5).insert(SamplePosts.image("p" + n, "acct-" + (n % ACCOUNTS), now), now);
    }
    // A worker claims a batch and dies: its leases expire and the others take the posts over.
    List<PostRecord> abandoned = stores.get(4).claimDue(now, ABANDONED, "dead-worker", LEASE);
    assertThat(abandoned).hasSize(ABANDONED);

    ScriptedPublisher publisher = new ScriptedPublisher();
    List<Omniy> runtimes = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        runtimes.add(
            Omniy.builder()
                .store(stores.get(i))
                .publisher(publisher)
                .settings(DispatchSettings.defaults("worker-" + i).withLeaseDuration(LEASE))
                .threads(2)
                .start());
      }
      // Not a timing assertion: an upper bound against hanging.
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      while (publisher.published().size() < POSTS && Instant.now().isBefore(deadline)) {
        Thread.sleep(200);
      }
    } finally {
      for (Omniy runtime : runtimes) {
        runtime.close();
      }
    }

    Set<String> containers = new HashSet<>();
    publisher.published().forEach(media -> containers.add(media.containerId()));
    assertThat(publisher.published().size()).as("posts published").isEqualTo(POSTS);
    assertThat(containers).as("no container published twice").hasSize(POSTS);
    List<PostRecord> all = new ArrayList<>();
    for (int a = 0; a < ACCOUNTS; a++) {
      all.addAll(stores.get(0).findByAccount("acct-" + a, EnumSet.allOf(PostState.class)));
    }
    assertThat(all).hasSize(POSTS);
    assertThat(all).allSatisfy(r -> assertThat(r.state()).isEqualTo(PostState.PUBLISHED));
    assertThat(all).allSatisfy(r -> assertThat(r.lease()).isNull());
    Set<String> abandonedIds = new HashSet<>();
    abandoned.forEach(r -> abandonedIds.add(r.id()));
    assertThat(all)
        .filteredOn(r -> abandonedIds.contains(r.id()))
        .as("the dead worker's posts were taken over")
        .hasSize(ABANDONED);
    for (Firestore db : clients) {
      db.close();
    }
  }
}
