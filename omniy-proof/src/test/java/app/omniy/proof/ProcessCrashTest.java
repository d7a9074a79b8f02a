package app.omniy.proof;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.dispatch.Dispatcher;
import app.omniy.core.post.Lease;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.Transition;
import app.omniy.firestore.FirestoreConnections;
import app.omniy.firestore.FirestorePostStore;
import app.omniy.firestore.FirestoreStoreOptions;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.SamplePosts;
import app.omniy.testkit.graph.FakeGraphApi;
import app.omniy.testkit.graph.GraphCall;
import app.omniy.testkit.graph.HeldCall;
import com.google.cloud.firestore.Firestore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The process-crash suite (POST-7, POST-8): dispatchers in JVMs of their own share the Firestore
 * emulator as their store and publish through the real {@code InstagramPublisher} to the fake Graph
 * API in this JVM. Again and again over the run a worker is killed with SIGKILL at a chosen {@link
 * CrashPoint} — after container creation, while {@code media_publish} is in flight, after publish
 * before the record, or anywhere — and a fresh worker takes its place. Every post must be published
 * exactly once by the fake's own count, none lost, none left leased.
 *
 * <p>Size: {@code -Domniy.proof.posts=N} (default 1,000, the suite's specified minimum).
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class ProcessCrashTest {
  private static final int POSTS = Integer.getInteger("omniy.proof.posts", 1000);
  private static final int POSTS_PER_ACCOUNT = 20; // well inside the 50-a-day quota (POST-3)
  private static final int WORKERS = 2;
  private static final int THREADS = 4;
  private static final int SHARDS = 4;
  private static final Duration LEASE = Duration.ofSeconds(10);
  // Well under half the lease: a live worker's call ends before its lease can expire, with 3 s to
  // spare for a slow lease renewal on the emulator or a worker JVM paused on a busy machine.
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration WAIT_FOR_POINT = Duration.ofSeconds(30);

  /** Kills over the run: every crash point twice, spread evenly over the posts. */
  private static final int KILLS = 2 * CrashPoint.values().length;

  private final SplittableRandom random = new SplittableRandom(12);
  private final List<WorkerProcess> workers = new ArrayList<>();
  private final Map<CrashPoint, Integer> kills = new EnumMap<>(CrashPoint.class);
  private int generation;

  @Test
  void every_post_is_published_exactly_once_while_workers_are_killed_again_and_again(
      FirestoreEmulator emulator) throws Exception {
    long started = System.nanoTime();
    String namespace = "crash-" + System.nanoTime();
    int accounts = (POSTS + POSTS_PER_ACCOUNT - 1) / POSTS_PER_ACCOUNT;
    Path logs = Files.createDirectories(Path.of("target", "crash-workers"));
    Firestore db = FirestoreConnections.emulator(emulator.hostAndPort(), emulator.projectId());
    FirestorePostStore store =
        new FirestorePostStore(FirestoreStoreOptions.of(db).withNamespace(namespace), SHARDS);
    try (FakeGraphApi api = FakeGraphApi.start()) {
      List<String> accountIds = new ArrayList<>();
      for (int a = 0; a < accounts; a++) {
        String id = Long.toString(17_841_400_000_000_000L + a);
        accountIds.add(id);
        api.addAccount(id, "token-" + id);
      }
      insertDuePosts(store, accountIds);
      List<String> args =
          List.of(
              "emulator=" + emulator.hostAndPort(),
              "project=" + emulator.projectId(),
              "namespace=" + namespace,
              "shards=" + SHARDS,
              "api=" + api.baseUri(),
              "leaseMs=" + LEASE.toMillis(),
              "timeoutMs=" + REQUEST_TIMEOUT.toMillis(),
              "threads=" + THREADS,
              "accounts=" + String.join(",", accountIds));
      try {
        for (int w = 0; w < WORKERS; w++) {
          workers.add(WorkerProcess.start(nextOwner(), args, logs));
        }
        killAgainAndAgain(api, store, accountIds, args, logs);
        awaitAllPublished(store, accountIds, Duration.ofMinutes(15));
      } finally {
        for (WorkerProcess w : workers) {
          w.stop();
        }
      }

      List<PostRecord> all = all(store, accountIds);
      long recovered = count(all, Dispatcher.LEASE_EXPIRED);
      long reconciled = count(all, Reasons.RECONCILED_PUBLISHED);
      System.out.printf(
          "crash suite: %d posts, %d worker JVMs x %d threads, lease %s; %d SIGKILLs %s;"
              + " published %d by the fake's count, containers published twice %d,"
              + " posts not PUBLISHED %d; %d recoveries of expired leases, %d posts reconciled"
              + " as already published; %d s%n",
          POSTS,
          WORKERS,
          THREADS,
          LEASE,
          kills.values().stream().mapToInt(Integer::intValue).sum(),
          kills,
          api.totalPublishes(),
          api.containersPublishedMoreThanOnce().size(),
          all.stream().filter(r -> r.state() != PostState.PUBLISHED).count(),
          recovered,
          reconciled,
          Duration.ofNanos(System.nanoTime() - started).toSeconds());

      assertThat(all).as("posts in the store").hasSize(POSTS);
      assertThat(all).allSatisfy(r -> assertThat(r.state()).isEqualTo(PostState.PUBLISHED));
      // A worker killed between recording PUBLISHED and releasing leaves its lease to expire on a
      // final post: harmless (nothing claims a final post, and a host edit only waits for a live
      // lease), so the check is that no live lease and no post in PUBLISHING is left.
      Instant end = Instant.now();
      assertThat(all)
          .allSatisfy(
              r ->
                  assertThat(r.lease() == null || !r.lease().expiresAt().isAfter(end))
                      .as(r.id())
                      .isTrue());
      assertThat(api.containersPublishedMoreThanOnce()).as("containers published twice").isEmpty();
      assertThat(all)
          .allSatisfy(r -> assertThat(api.publishCount(r.containerId())).as(r.id()).isEqualTo(1));
      assertThat(api.totalPublishes()).as("publishes by the fake's count").isEqualTo(POSTS);
      assertThat(kills.keySet())
          .as("every crash point was hit")
          .containsAll(EnumSet.allOf(CrashPoint.class));
      assertThat(recovered).as("posts recovered after a killed worker's lease").isPositive();
    } finally {
      db.close();
    }
  }

  private void insertDuePosts(FirestorePostStore store, List<String> accountIds) throws Exception {
    Instant now = Instant.now();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<PostRecord>> inserted = new ArrayList<>();
      for (int n = 0; n < POSTS; n++) {
        String account = accountIds.get(n % accountIds.size());
        String id = "post-" + n;
        inserted.add(pool.submit(() -> store.insert(SamplePosts.image(id, account, now), now)));
      }
      for (Future<PostRecord> f : inserted) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Crash rounds, one point after the other, until nearly every post went out. */
  private void killAgainAndAgain(
      FakeGraphApi api,
      FirestorePostStore store,
      List<String> accountIds,
      List<String> args,
      Path logs)
      throws Exception {
    CrashPoint[] points = CrashPoint.values();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
    int round = 0;
    while (round < KILLS * 2 && Instant.now().isBefore(deadline)) {
      int done = kills.values().stream().mapToInt(Integer::intValue).sum();
      if (done >= KILLS || api.totalPublishes() >= POSTS - POSTS / (2 * KILLS)) {
        return;
      }
      if (api.totalPublishes() < (long) POSTS * done / KILLS) {
        Thread.sleep(200); // spread the kills over the run
        continue;
      }
      CrashPoint point = points[round++ % points.length];
      Optional<WorkerProcess> victim =
          point.inWorker()
              ? trapInWorker(point)
              : point == CrashPoint.ANYWHERE ? anyReadyWorker() : killMidPublish(point, api, store);
      if (victim.isPresent()) {
        WorkerProcess dead = victim.get();
        if (point != CrashPoint.PUBLISH_IN_FLIGHT_SERVED
            && point != CrashPoint.PUBLISH_IN_FLIGHT_DROPPED) {
          dead.kill();
        }
        kills.merge(point, 1, Integer::sum);
        workers.set(workers.indexOf(dead), WorkerProcess.start(nextOwner(), args, logs));
        System.out.printf(
            "crash suite: SIGKILL %s at %s, %d of %d published%n",
            dead.owner(), point, api.totalPublishes(), POSTS);
      }
    }
  }

  /** Arms the point in a running worker and waits until one of its threads stops there. */
  private Optional<WorkerProcess> trapInWorker(CrashPoint point) throws Exception {
    Optional<WorkerProcess> worker = anyReadyWorker();
    if (worker.isEmpty()) {
      return worker;
    }
    worker.get().send("arm " + point);
    Optional<String> paused = worker.get().await("PAUSED " + point, WAIT_FOR_POINT);
    if (paused.isEmpty()) {
      worker.get().send("disarm");
      return Optional.empty();
    }
    return worker;
  }

  /**
   * Holds the next {@code media_publish} at the fake, kills the worker waiting on it, then serves
   * the call (the post went out; nobody heard) or drops it (it never arrived).
   */
  private Optional<WorkerProcess> killMidPublish(
      CrashPoint point, FakeGraphApi api, FirestorePostStore store) throws Exception {
    HeldCall held = api.holdNext(GraphCall.PUBLISH);
    if (!held.awaitArrival(WAIT_FOR_POINT)) {
      held.serve(); // nothing came: let the hold pass harmlessly
      return Optional.empty();
    }
    long arrived = System.nanoTime();
    String container = held.params().get("creation_id");
    Optional<WorkerProcess> sender =
        store
            .findByAccount(held.accountId().orElseThrow(), EnumSet.of(PostState.PUBLISHING))
            .stream()
            .filter(r -> container.equals(r.containerId()))
            .map(PostRecord::lease)
            .filter(lease -> lease != null)
            .map(Lease::owner)
            .findFirst()
            .flatMap(this::worker);
    if (sender.isEmpty()) {
      held.serve();
      return Optional.empty();
    }
    sender.get().kill();
    // Serving a call the sender had already given up on (its timeout passed) would be a publish
    // Meta makes after the client's timeout: not this point. Drop it then instead.
    boolean inTime =
        Duration.ofNanos(System.nanoTime() - arrived).compareTo(REQUEST_TIMEOUT.dividedBy(2)) < 0;
    if (point == CrashPoint.PUBLISH_IN_FLIGHT_SERVED && inTime) {
      held.serve();
    } else {
      held.drop();
    }
    return sender;
  }

  private Optional<WorkerProcess> anyReadyWorker() throws InterruptedException {
    for (int tries = 0; tries < 600; tries++) {
      List<WorkerProcess> ready = workers.stream().filter(WorkerProcess::ready).toList();
      if (!ready.isEmpty()) {
        return Optional.of(ready.get(random.nextInt(ready.size())));
      }
      Thread.sleep(100);
    }
    return Optional.empty();
  }

  private Optional<WorkerProcess> worker(String owner) {
    return workers.stream().filter(w -> w.owner().equals(owner)).findFirst();
  }

  private String nextOwner() {
    return "worker-" + (generation++);
  }

  private static void awaitAllPublished(
      FirestorePostStore store, List<String> accountIds, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      List<PostRecord> all = all(store, accountIds);
      if (all.stream().allMatch(r -> r.state() == PostState.PUBLISHED)) {
        return;
      }
      Thread.sleep(1000);
    }
  }

  private static List<PostRecord> all(FirestorePostStore store, List<String> accountIds) {
    List<PostRecord> all = new ArrayList<>();
    for (String account : accountIds) {
      all.addAll(store.findByAccount(account, EnumSet.allOf(PostState.class)));
    }
    return all;
  }

  private static long count(List<PostRecord> all, String reasonCode) {
    return all.stream()
        .filter(r -> r.history().stream().map(Transition::reasonCode).anyMatch(reasonCode::equals))
        .count();
  }
}
