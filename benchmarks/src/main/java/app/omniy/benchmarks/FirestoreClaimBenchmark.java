package app.omniy.benchmarks;

import app.omniy.core.post.PostRecord;
import app.omniy.firestore.FirestoreConnections;
import app.omniy.firestore.FirestorePostStore;
import app.omniy.firestore.FirestoreStoreOptions;
import app.omniy.testkit.FirestoreEmulator;
import com.google.cloud.firestore.Firestore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Claims per second of {@link FirestorePostStore#claimDue} with 1 and 4 workers, each with its own
 * Firestore client, racing over the same due posts until none is left (POST-8). It starts a
 * Firestore emulator through the test kit, so the figures are <b>emulator figures</b>: they say how
 * the claim path scales with workers and shards, not what Firestore itself sustains. A plain main
 * rather than JMH, because each measurement drains a store that takes seconds to fill:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar app.omniy.benchmarks.FirestoreClaimBenchmark \
 *     2000 10 16
 * </pre>
 *
 * (posts, claim batch size, due-time shards).
 */
public final class FirestoreClaimBenchmark {
  private static final Duration LEASE = Duration.ofMinutes(10);

  private FirestoreClaimBenchmark() {}

  /**
   * One measurement.
   *
   * @param workers claimers racing
   * @param posts due posts at the start
   * @param claimed claims made (equals {@code posts} when no post was claimed twice)
   * @param distinct distinct posts claimed
   * @param seconds wall time from the first claim to the last empty answer
   */
  public record Result(int workers, int posts, int claimed, int distinct, double seconds) {
    /** Claims per second. */
    public double claimsPerSecond() {
      return claimed / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    int posts = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int shards =
        args.length > 2 ? Integer.parseInt(args[2]) : FirestorePostStore.DEFAULT_DUE_SHARDS;
    try (FirestoreEmulator emulator = FirestoreEmulator.start()) {
      for (int workers : new int[] {1, 4}) {
        Result r = measure(emulator, workers, posts, batch, shards);
        System.out.printf(
            "EMULATOR figures (not Firestore's): workers=%d posts=%d batch=%d shards=%d"
                + " claimed=%d distinct=%d in %.1f s = %.0f claims/s%n",
            r.workers(),
            posts,
            batch,
            shards,
            r.claimed(),
            r.distinct(),
            r.seconds(),
            r.claimsPerSecond());
      }
    }
  }

  /** Fills a fresh namespace with {@code posts} due posts, then lets {@code workers} drain it. */
  public static Result measure(
      FirestoreEmulator emulator, int workers, int posts, int batch, int shards) throws Exception {
    String namespace = "bench-" + System.nanoTime();
    List<Firestore> clients = new ArrayList<>();
    List<FirestorePostStore> stores = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      Firestore db = FirestoreConnections.emulator(emulator.hostAndPort(), emulator.projectId());
      clients.add(db);
      stores.add(
          new FirestorePostStore(
              FirestoreStoreOptions.of(db, new SimpleMeterRegistry()).withNamespace(namespace),
              shards));
    }
    Instant now = Instant.parse("2026-11-28T00:00:00Z");
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(workers, 8));
    try {
      fill(pool, stores.get(0), posts, now);
      Set<String> seen = ConcurrentHashMap.newKeySet();
      AtomicInteger claims = new AtomicInteger();
      List<Future<?>> running = new ArrayList<>();
      long start = System.nanoTime();
      for (int w = 0; w < workers; w++) {
        FirestorePostStore store = stores.get(w);
        String owner = "worker-" + w;
        running.add(
            pool.submit(
                () -> {
                  List<PostRecord> got;
                  while (!(got = store.claimDue(now, batch, owner, LEASE)).isEmpty()) {
                    claims.addAndGet(got.size());
                    got.forEach(r -> seen.add(r.id()));
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Result(workers, posts, claims.get(), seen.size(), seconds);
    } finally {
      pool.shutdownNow();
      for (Firestore db : clients) {
        db.close();
      }
    }
  }

  private static void fill(ExecutorService pool, FirestorePostStore store, int posts, Instant now)
      throws Exception {
    List<Future<?>> inserts = new ArrayList<>(posts);
    for (int n = 0; n < posts; n++) {
      String id = "p" + n;
      String account = "acct-" + (n % 20);
      Instant at = now.minusSeconds(posts - n);
      inserts.add(
          pool.submit(
              () -> store.insert(app.omniy.testkit.SamplePosts.image(id, account, at), at)));
    }
    for (Future<?> f : inserts) {
      f.get();
    }
  }
}
