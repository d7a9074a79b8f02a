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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The process-crash suite (POST-7, POST-8): dispatchers in JVMs of their own share the Firestore
 * emulator as their store and publish through the real {@code InstagramPublisher} to the fake Graph
 * API in this JVM. Again and again over the run a worker is killed with SIGKILL at a chosen {@link
 * CrashPoint} — after container creation, with the container stored, when a lease renewal is due
 * and right after one, while {@code media_publish} is in flight, after publish before the record,
 * or anywhere — and a spare worker takes its place. Every post must be published exactly once by
 * the fake's own count (one media per post), none lost, none left leased.
 *
 * <p>The kills are spread evenly over the posts: the test feeds posts into the store only a little
 * ahead of the kills ({@link #AHEAD}), so a machine that starts JVMs slowly publishes more slowly
 * rather than running out of posts before the last kill. Size: {@code -Domniy.proof.posts=N} and
 * {@code -Domniy.proof.kills=K} (defaults 500 and 104; profile {@code proof-long} runs 5,000 and
 * 1,000).
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class ProcessCrashTest {
  private static final int POSTS = Integer.getInteger("omniy.proof.posts", 500);
  private static final int KILLS = Integer.getInteger("omniy.proof.kills", 104);
  private static final int POSTS_PER_ACCOUNT = 20; // well inside the 50-a-day quota (POST-3)
  private static final int WORKING = 3;
  private static final int SPARE = 3;
  private static final int THREADS = 4;
  private static final int SHARDS = 4;
  private static final Duration LEASE = Duration.ofSeconds(10);
  // Well under half the lease: a live worker's call ends before its lease can expire, with 3 s to
  // spare for a slow lease renewal on the emulator or a worker JVM paused on a busy machine.
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  // A renewal point waits half a lease for its slowed attempt, then the attempt's next call.
  private static final Duration WAIT_FOR_POINT = Duration.ofSeconds(30);

  private static final String WARM_UP_ACCOUNT = "17841499999999999";

  /**
   * Posts the store may hold beyond the kills' pace: enough that the posts a killed worker held
   * (waiting out its lease) never leave the live workers without work for the next trap.
   */
  private static final int AHEAD = Math.max(100, 4 * POSTS / Math.max(1, KILLS));

  private final SplittableRandom random = new SplittableRandom(12);
  private final Map<CrashPoint, Integer> kills = new EnumMap<>(CrashPoint.class);
  private final AtomicInteger killCount = new AtomicInteger();
  private final Map<WorkerProcess, Armed> armed = new HashMap<>();
  private final Map<Wait, Long> waits = new EnumMap<>(Wait.class);
  private int trapsMissed;

  /** An in-worker point armed in a worker, not reached yet. */
  private record Armed(CrashPoint point, long sinceNanos) {}

  @Test
  void every_post_is_published_exactly_once_while_workers_are_killed_again_and_again(
      FirestoreEmulator emulator) throws Exception {
    long started = System.nanoTime();
    Duration emulatorCpuAtStart = cpuOf(emulator.pid());
    long ownCpuAtStart = ownCpuNanos();
    String namespace = "crash-" + System.nanoTime();
    int accounts = (POSTS + POSTS_PER_ACCOUNT - 1) / POSTS_PER_ACCOUNT;
    Path logs = Files.createDirectories(Path.of("target", "crash-workers"));
    Firestore db = FirestoreConnections.emulator(emulator.hostAndPort(), emulator.projectId());
    FirestorePostStore store =
        new FirestorePostStore(
            FirestoreStoreOptions.of(db, new SimpleMeterRegistry()).withNamespace(namespace),
            SHARDS);
    ExecutorService inserts = Executors.newFixedThreadPool(4);
    try (FakeGraphApi api = FakeGraphApi.start()) {
      List<String> accountIds = new ArrayList<>();
      for (int a = 0; a < accounts; a++) {
        String id = Long.toString(17_841_400_000_000_000L + a);
        accountIds.add(id);
        api.addAccount(id, "token-" + id);
      }
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
      // The warm-up worker that writes the class-data archive publishes a few posts of its own,
      // in a namespace and on a fake Graph API of their own, so they count nowhere.
      FakeGraphApi warmUpApi =
          FakeGraphApi.start().addAccount(WARM_UP_ACCOUNT, "token-" + WARM_UP_ACCOUNT);
      FirestorePostStore warmUpStore =
          new FirestorePostStore(
              FirestoreStoreOptions.of(db, new SimpleMeterRegistry())
                  .withNamespace(namespace + "-warm-up"),
              SHARDS);
      Instant now = Instant.now();
      for (int n = 0; n < 3; n++) {
        warmUpStore.insert(SamplePosts.image("warm-up-" + n, WARM_UP_ACCOUNT, now), now);
      }
      List<String> warmUpArgs = new ArrayList<>();
      for (String arg : args) {
        warmUpArgs.add(
            arg.startsWith("namespace=")
                ? arg + "-warm-up"
                : arg.startsWith("api=")
                    ? "api=" + warmUpApi.baseUri()
                    : arg.startsWith("accounts=") ? "accounts=" + WARM_UP_ACCOUNT : arg);
      }
      WorkerPool.WarmUp warmUp =
          new WorkerPool.WarmUp(warmUpArgs, () -> warmUpApi.publishedMedia(WARM_UP_ACCOUNT) >= 3);
      Feeder feeder = new Feeder(store, accountIds, inserts);
      Thread feeding = new Thread(feeder, "feeder");
      feeding.setDaemon(true);
      long killing;
      long tail;
      int jvms;
      Duration startUp;
      int diedOnTheirOwn;
      Duration workersCpu;
      Duration startUpCpu;
      boolean archived;
      WorkerPool pool = new WorkerPool(args, warmUp, logs, WORKING, SPARE);
      try {
        pool.topUp();
        feeding.start();
        long loopStart = System.nanoTime();
        killAgainAndAgain(api, store, pool, feeder);
        killing = System.nanoTime() - loopStart;
        feeding.join(Duration.ofMinutes(5).toMillis());
        long tailStart = System.nanoTime();
        awaitAllPublished(api, store, accountIds, pool, Duration.ofMinutes(10));
        tail = System.nanoTime() - tailStart;
        jvms = pool.started();
        startUp = pool.meanStartUp();
        archived = pool.archived();
        diedOnTheirOwn = pool.diedOnTheirOwn();
      } finally {
        feeder.stop();
        pool.stopAll();
        warmUpApi.close();
      }
      workersCpu = pool.totalCpu();
      startUpCpu = pool.startUpCpu();
      Duration emulatorCpu = cpuOf(emulator.pid()).minus(emulatorCpuAtStart);
      Duration ownCpu = Duration.ofNanos(ownCpuNanos() - ownCpuAtStart);

      List<PostRecord> all = all(store, accountIds);
      PostAccounting accounting = PostAccounting.of(all);
      long published = accounting.published();
      long recovered = count(all, Dispatcher.LEASE_EXPIRED);
      long reconciled = count(all, Reasons.RECONCILED_PUBLISHED);
      List<String> twice = api.containersPublishedMoreThanOnce();
      long extraMedia = Math.max(0, api.totalPublishes() - published);
      Duration duration = Duration.ofNanos(System.nanoTime() - started);
      System.out.printf(
          "crash suite: kills %d %s, posts %d, duplicates %d (containers published twice %d,"
              + " media beyond one per post %d), lost %d, recovered %d (posts taken over after"
              + " a worker's lease expired), reconciled %d (found already published), duration"
              + " %d s; %d worker JVMs x %d threads (%d at work, %d spare), mean start to standby"
              + " %d ms, class-data archive %s, died without being killed %d, traps armed but not"
              + " reached %d; kill loop %d s"
              + " (waiting %s), tail %d s; lease %s, request timeout %s; CPU: worker JVMs %d s"
              + " (of which starting up %d s), emulator %d s, test JVM (fake Graph API, feeder,"
              + " checks) %d s%n",
          killCount.get(),
          kills,
          all.size(),
          twice.size() + extraMedia,
          twice.size(),
          extraMedia,
          accounting.lost().size(),
          recovered,
          reconciled,
          duration.toSeconds(),
          jvms,
          THREADS,
          WORKING,
          SPARE,
          startUp.toMillis(),
          archived ? "used" : "not used",
          diedOnTheirOwn,
          trapsMissed,
          TimeUnit.NANOSECONDS.toSeconds(killing),
          waitsInSeconds(),
          TimeUnit.NANOSECONDS.toSeconds(tail),
          LEASE,
          REQUEST_TIMEOUT,
          workersCpu.toSeconds(),
          startUpCpu.toSeconds(),
          emulatorCpu.toSeconds(),
          ownCpu.toSeconds());
      System.out.println("crash suite: " + accounting);

      assertThat(all).as("posts in the store").hasSize(POSTS);
      assertThat(accounting.lost())
          .as(
              "posts neither published nor excluded for a user-side reason: %s",
              accounting.describeLost())
          .isEmpty();
      assertThat(twice).as("containers published twice").isEmpty();
      assertThat(all)
          .filteredOn(r -> r.state() == PostState.PUBLISHED)
          .allSatisfy(r -> assertThat(api.publishCount(r.containerId())).as(r.id()).isEqualTo(1));
      for (String account : accountIds) {
        assertThat(api.publishedMedia(account))
            .as("media on account %s: one per published post", account)
            .isEqualTo(all.stream().filter(r -> isPublishedOn(r, account)).count());
      }
      assertThat(api.totalPublishes()).as("publishes by the fake's count").isEqualTo(published);
      // Recording the outcome and releasing the lease are one write, so a final post carries no
      // lease, and nothing may be left in PUBLISHING.
      Instant end = Instant.now();
      assertThat(all)
          .allSatisfy(
              r ->
                  assertThat(r.lease() == null || !r.lease().expiresAt().isAfter(end))
                      .as("%s has no live lease", r.id())
                      .isTrue());
      assertThat(killCount.get()).as("SIGKILLs").isGreaterThanOrEqualTo(KILLS);
      assertThat(diedOnTheirOwn)
          .as("workers that died without being killed (logs in %s)", logs)
          .isZero();
      assertThat(kills.keySet())
          .as("every crash point was hit")
          .containsAll(EnumSet.allOf(CrashPoint.class));
      assertThat(recovered).as("posts recovered after a killed worker's lease").isPositive();
    } finally {
      inserts.shutdownNow();
      db.close();
    }
  }

  /** The CPU time a process and its descendants used so far. */
  private static Duration cpuOf(long pid) {
    return ProcessHandle.of(pid)
        .map(
            p ->
                Stream.concat(Stream.of(p), p.descendants())
                    .map(h -> h.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(Duration.ZERO, Duration::plus))
        .orElse(Duration.ZERO);
  }

  private static long ownCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static boolean isPublishedOn(PostRecord r, String account) {
    return r.state() == PostState.PUBLISHED && r.accountId().equals(account);
  }

  /**
   * Puts posts into the store, due at once, {@link #AHEAD} of the kills' pace at most, until all
   * {@link #POSTS} are in.
   */
  private final class Feeder implements Runnable {
    private final FirestorePostStore store;
    private final List<String> accountIds;
    private final ExecutorService pool;
    private final AtomicInteger inserted = new AtomicInteger();
    private volatile boolean stopped;

    Feeder(FirestorePostStore store, List<String> accountIds, ExecutorService pool) {
      this.store = store;
      this.accountIds = accountIds;
      this.pool = pool;
    }

    int inserted() {
      return inserted.get();
    }

    void stop() {
      stopped = true;
    }

    @Override
    public void run() {
      try {
        while (!stopped && inserted.get() < POSTS) {
          long allowed =
              killCount.get() >= KILLS
                  ? POSTS
                  : Math.min(POSTS, (long) POSTS * (killCount.get() + 1) / KILLS + AHEAD);
          int from = inserted.get();
          int to = (int) Math.min(allowed, from + 40);
          if (to <= from) {
            Thread.sleep(50);
            continue;
          }
          Instant now = Instant.now();
          List<Future<PostRecord>> batch = new ArrayList<>();
          for (int n = from; n < to; n++) {
            String account = accountIds.get(n % accountIds.size());
            String id = "post-" + n;
            batch.add(pool.submit(() -> store.insert(SamplePosts.image(id, account, now), now)));
          }
          for (Future<PostRecord> f : batch) {
            f.get();
          }
          inserted.set(to);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        throw new IllegalStateException("could not insert posts", e);
      }
    }
  }

  /**
   * Crash rounds, one point after the other, until {@link #KILLS} kills are done and every post is
   * in the store. A point in the worker is armed and the loop goes on (a renewal point takes half a
   * lease to come); a worker that reaches it is killed on the loop's next turn.
   */
  private void killAgainAndAgain(
      FakeGraphApi api, FirestorePostStore store, WorkerPool pool, Feeder feeder) throws Exception {
    CrashPoint[] points = CrashPoint.values();
    Instant deadline =
        Instant.now().plus(Duration.ofMinutes(10).plus(Duration.ofSeconds(6L * KILLS)));
    long begun = System.nanoTime();
    int round = 0;
    int reported = 0;
    while (Instant.now().isBefore(deadline)
        && (killCount.get() < KILLS || feeder.inserted() < POSTS || !armed.isEmpty())) {
      long turn = System.nanoTime();
      pool.topUp();
      collectTraps(pool);
      int issued = killCount.get() + armed.size();
      // Spread over the first nine tenths of the posts.
      boolean due = api.totalPublishes() >= (long) POSTS * issued * 9 / (10L * KILLS);
      List<WorkerProcess> free = pool.ready().stream().filter(w -> !armed.containsKey(w)).toList();
      Wait waited = Wait.TRAP;
      if (issued >= KILLS) {
        waited = killCount.get() >= KILLS ? Wait.LAST_POSTS : Wait.TRAP;
      } else if (!due) {
        waited = Wait.PACE;
      } else if (free.isEmpty()) {
        waited = Wait.NO_WORKER;
      } else {
        CrashPoint point = points[round % points.length];
        if (point.inWorker()) {
          if (free.size() > 1 || armed.isEmpty()) {
            WorkerProcess worker = free.get(random.nextInt(free.size()));
            worker.send("arm " + point);
            armed.put(worker, new Armed(point, System.nanoTime()));
            round++;
          } else {
            waited = Wait.NO_WORKER;
          }
        } else if (point == CrashPoint.ANYWHERE) {
          killed(pool, free.get(random.nextInt(free.size())), point);
          round++;
        } else {
          waited = Wait.PUBLISH;
          if (killMidPublish(point, api, store, pool)) {
            round++;
          }
        }
      }
      Thread.sleep(20);
      waits.merge(waited, System.nanoTime() - turn, Long::sum);
      if (killCount.get() >= reported + 10 || killCount.get() >= KILLS && reported < KILLS) {
        reported = killCount.get();
        System.out.printf(
            "crash suite: %d s, %d kills, %d of %d posts in, %d published, %d workers ready, %d"
                + " JVMs started, mean start %d ms, waits %s%n",
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begun),
            reported,
            feeder.inserted(),
            POSTS,
            api.totalPublishes(),
            pool.ready().size(),
            pool.started(),
            pool.meanStartUp().toMillis(),
            waitsInSeconds());
      }
    }
  }

  /** What the kill loop was waiting for, turn by turn. */
  private enum Wait {
    /** The next kill's share of the posts was not published yet. */
    PACE,
    /** No worker at work was free to be armed or killed: spares still starting. */
    NO_WORKER,
    /** Armed points not reached yet (a renewal point takes half a lease). */
    TRAP,
    /** Holding a {@code media_publish} and finding its sender. */
    PUBLISH,
    /** Every kill done, the feeder's last posts going in. */
    LAST_POSTS
  }

  private Map<Wait, Long> waitsInSeconds() {
    Map<Wait, Long> seconds = new EnumMap<>(Wait.class);
    waits.forEach((k, v) -> seconds.put(k, TimeUnit.NANOSECONDS.toSeconds(v)));
    return seconds;
  }

  /** Kills the workers whose armed point was reached; disarms those that waited too long. */
  private void collectTraps(WorkerPool pool) throws InterruptedException {
    for (Iterator<Map.Entry<WorkerProcess, Armed>> it = armed.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<WorkerProcess, Armed> e = it.next();
      WorkerProcess worker = e.getKey();
      Armed trap = e.getValue();
      if (worker.poll("PAUSED " + trap.point()).isPresent()) {
        it.remove();
        killed(pool, worker, trap.point());
      } else if (!worker.alive()) {
        it.remove(); // killed at another point meanwhile
      } else if (System.nanoTime() - trap.sinceNanos() > WAIT_FOR_POINT.toNanos()) {
        worker.send("disarm");
        it.remove();
        trapsMissed++;
      }
    }
  }

  private void killed(WorkerPool pool, WorkerProcess victim, CrashPoint point)
      throws InterruptedException {
    victim.kill();
    armed.remove(victim);
    kills.merge(point, 1, Integer::sum);
    killCount.incrementAndGet();
    pool.killed(victim);
  }

  /**
   * Holds the next {@code media_publish} at the fake, kills the worker waiting on it, then serves
   * the call (the post went out; nobody heard) or drops it (it never arrived). A call held longer
   * than half the request timeout is dropped and counted as dropped: serving it would be a publish
   * Meta makes after the client's timeout, another case.
   *
   * @return whether a worker was killed
   */
  private boolean killMidPublish(
      CrashPoint point, FakeGraphApi api, FirestorePostStore store, WorkerPool pool)
      throws Exception {
    HeldCall held = api.holdNext(GraphCall.PUBLISH);
    if (!held.awaitArrival(Duration.ofSeconds(10))) {
      held.serve(); // nothing came: let the hold pass harmlessly
      return false;
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
            .flatMap(
                owner -> pool.active().stream().filter(w -> w.owner().equals(owner)).findFirst());
    if (sender.isEmpty() || !sender.get().alive()) {
      held.serve();
      return false;
    }
    sender.get().kill();
    boolean inTime =
        Duration.ofNanos(System.nanoTime() - arrived).compareTo(REQUEST_TIMEOUT.dividedBy(2)) < 0;
    CrashPoint happened =
        point == CrashPoint.PUBLISH_IN_FLIGHT_SERVED && inTime
            ? CrashPoint.PUBLISH_IN_FLIGHT_SERVED
            : CrashPoint.PUBLISH_IN_FLIGHT_DROPPED;
    if (happened == CrashPoint.PUBLISH_IN_FLIGHT_SERVED) {
      held.serve();
    } else {
      held.drop();
    }
    killed(pool, sender.get(), happened);
    return true;
  }

  /**
   * Waits until the fake has published as many posts as were fed, then until the store says every
   * post is published (the last killed workers' posts are taken over once their leases expire).
   */
  private static void awaitAllPublished(
      FakeGraphApi api,
      FirestorePostStore store,
      List<String> accountIds,
      WorkerPool pool,
      Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline) && api.totalPublishes() < POSTS) {
      pool.topUp();
      Thread.sleep(200);
    }
    while (Instant.now().isBefore(deadline)) {
      pool.topUp();
      if (all(store, accountIds).stream().allMatch(r -> r.state() == PostState.PUBLISHED)) {
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
