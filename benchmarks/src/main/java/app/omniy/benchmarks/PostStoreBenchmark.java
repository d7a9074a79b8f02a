package app.omniy.benchmarks;

import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.PostRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time for one worker to claim the next 1,000 due posts from the in-memory store holding {@code
 * posts} scheduled posts over 1,000 accounts (POST-8). The 10,000-post run is the baseline in the
 * same run: with a due index, claiming costs O(log n) per post, so 100× the posts should cost only
 * about log(10⁶)/log(10⁴) = 1.5× the time, not 100×. Each invocation starts from the same state:
 * the previous batch is released (untimed) before the next claim.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx3g"})
public class PostStoreBenchmark {
  static final int BATCH = 1_000;
  private static final Duration LEASE = Duration.ofMinutes(5);

  @Param({"10000", "1000000"})
  public int posts;

  InMemoryPostStore store;
  Instant now;
  List<PostRecord> lastBatch = List.of();

  @Setup(Level.Trial)
  public void fillStore() {
    store = new InMemoryPostStore();
    List<String> accounts = SamplePosts.accounts();
    for (int i = 0; i < posts; i++) {
      store.insert(SamplePosts.post(i, posts, accounts), SamplePosts.T0);
    }
    // Twice a batch is due, so the claim is contended and fairness has work to do.
    now = SamplePosts.dueAfter(2 * BATCH, posts);
  }

  @Setup(Level.Invocation)
  public void releaseLastBatch() {
    for (PostRecord r : lastBatch) {
      store.release(r.token(), now);
    }
    lastBatch = List.of();
  }

  @Benchmark
  public List<PostRecord> claimNext1000DuePosts() {
    lastBatch = store.claimDue(now, BATCH, "worker-1", LEASE);
    return lastBatch;
  }
}
