package app.omniy.benchmarks;

import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import app.omniy.runtime.Omniy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Drain time of {@code posts} posts (the dispatch rows of {@code docs/benchmarks.md}): the Omniy
 * runtime on the in-memory store, with claims, leases and every transition recorded, against a bare
 * {@link ScheduledThreadPoolExecutor} running the same publisher calls, in the same run. With
 * {@code spreadMs = 0} every post is due at one instant and throughput is {@code posts / score};
 * with {@code spreadMs = 1000} the posts fall due evenly over one second starting 2 s after setup,
 * and the score is meaningless: the lateness percentiles (actual start minus publish time) printed
 * after each iteration are the result. {@code delayMs} is the publisher's latency per publish: 0
 * (no-op) or 20.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DispatchBenchmark {
  /** Posts due at once; 40 per account, within the daily quota (POST-3). */
  @Param({"100000"})
  public int posts;

  /** The publisher's latency per publish, in milliseconds. */
  @Param({"0"})
  public int delayMs;

  /** Worker threads on both sides. */
  @Param({"2"})
  public int threads;

  /** Over how many milliseconds the posts fall due; 0: all at one instant. */
  @Param({"0"})
  public int spreadMs;

  private long[] lateNanos = new long[0];
  private final java.util.concurrent.atomic.AtomicInteger lateCount =
      new java.util.concurrent.atomic.AtomicInteger();

  InMemoryPostStore store;
  List<Post> batch;
  Instant due;

  @Setup(Level.Invocation)
  public void fillStore() {
    Instant now = Instant.now();
    due = spreadMs == 0 ? now : now.plusSeconds(2);
    store = new InMemoryPostStore();
    batch = new ArrayList<>(posts);
    lateNanos = new long[posts];
    lateCount.set(0);
    for (int i = 0; i < posts; i++) {
      Instant at = due.plusNanos(spreadMs * 1_000_000L * i / posts);
      Post p = post("p" + i, "acct-" + (i % Math.max(1, posts / 40)), at);
      batch.add(p);
      store.insert(p, now);
    }
    // Both sides start from a clean heap with the pending posts in the old generation, as in a
    // host that scheduled them long before; otherwise each run pays to copy the last run's garbage.
    System.gc();
  }

  private void late(Duration lateness) {
    int i = lateCount.getAndIncrement();
    if (i < lateNanos.length) {
      lateNanos[i] = Math.max(0, lateness.toNanos());
    }
  }

  /** Lateness p50 and p99 of the last invocation, in milliseconds, as text. */
  String latenessPercentiles() {
    int n = Math.min(lateCount.get(), lateNanos.length);
    if (n == 0) {
      return "no samples";
    }
    long[] sorted = java.util.Arrays.copyOf(lateNanos, n);
    java.util.Arrays.sort(sorted);
    return String.format(
        java.util.Locale.ROOT,
        "lateness p50 %.3f ms, p99 %.3f ms, max %.3f ms over %d posts",
        sorted[(int) (n * 0.50)] / 1e6,
        sorted[Math.min(n - 1, (int) (n * 0.99))] / 1e6,
        sorted[n - 1] / 1e6,
        n);
  }

  @Benchmark
  public long omniy() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(posts);
    Omniy omniy =
        Omniy.builder()
            .store(store)
            .publisher(new FixedLatencyPublisher(delayMs))
            .threads(threads)
            .settings(DispatchSettings.defaults("bench").withQuotaHistoryFromStore(false))
            .slowAttempt(Duration.ofSeconds(1))
            .listener(
                new DispatchListener() {
                  @Override
                  public void attemptStarted(PostRecord post, Duration lateness) {
                    late(lateness);
                  }

                  @Override
                  public void published(PostRecord post, String mediaId) {
                    done.countDown();
                  }
                })
            .start();
    done.await();
    omniy.shutdown(Duration.ofSeconds(10));
    if (spreadMs > 0) {
      System.out.println("omniy: " + latenessPercentiles());
    }
    return done.getCount();
  }

  @Benchmark
  public long executor() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(posts);
    FixedLatencyPublisher publisher = new FixedLatencyPublisher(delayMs);
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads);
    Instant now = Instant.now();
    for (Post p : batch) {
      long delay = Math.max(0, Duration.between(now, p.publishAt()).toNanos());
      pool.schedule(
          () -> {
            late(Duration.between(p.publishAt(), Instant.now()));
            String container = publisher.createContainer(p, now).value();
            publisher.status(p.accountId(), container, now);
            publisher.publish(p.accountId(), container, now);
            done.countDown();
          },
          delay,
          TimeUnit.NANOSECONDS);
    }
    done.await();
    pool.shutdown();
    if (spreadMs > 0) {
      System.out.println("executor: " + latenessPercentiles());
    }
    return done.getCount();
  }

  static Post post(String id, String account, Instant publishAt) {
    return Post.builder(id, account)
        .media(Media.image(MediaItem.image("https://cdn.example/i.jpg", "JPEG", 1080, 1080, 1000)))
        .caption("")
        .publishAt(publishAt)
        .zone(ZoneId.of("Asia/Tokyo"))
        .build();
  }

  /** Succeeds on every call, taking {@code delayMs} per publish. */
  static final class FixedLatencyPublisher implements Publisher {
    private final int delayMs;
    private final AtomicLong ids = new AtomicLong();

    FixedLatencyPublisher(int delayMs) {
      this.delayMs = delayMs;
    }

    @Override
    public PublisherResult<String> createContainer(Post post, Instant now) {
      return PublisherResult.success("c" + ids.incrementAndGet());
    }

    @Override
    public PublisherResult<ContainerStatus> status(String account, String container, Instant now) {
      return PublisherResult.success(ContainerStatus.FINISHED);
    }

    @Override
    public PublisherResult<String> publish(String account, String container, Instant now) {
      if (delayMs > 0) {
        try {
          Thread.sleep(delayMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return PublisherResult.success("m" + container);
    }

    @Override
    public PublisherResult<Reconciliation> reconcile(
        String account, String container, Instant now) {
      return PublisherResult.success(Reconciliation.NOT_PUBLISHED);
    }
  }
}
