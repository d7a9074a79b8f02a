package app.omniy.ops.internal;

import app.omniy.core.dispatch.Dispatched;
import app.omniy.core.dispatch.Dispatcher;
import app.omniy.core.post.PostRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threaded runtime around the core {@link Dispatcher}: one loop thread claims due posts, never
 * more than there are free workers and never more than the back-pressure {@link ClaimLimit} allows,
 * and hands each to a bounded pool of worker threads. A claimed post is always being worked on
 * (nothing waits in a queue holding a lease), so stopping leaves nothing claimed once the running
 * attempts end. Every few seconds the loop recovers posts whose worker died (POST-8) and raises
 * re-authorisation warnings (POST-11).
 */
public final class DispatchLoop {
  private static final Logger LOG = LoggerFactory.getLogger(DispatchLoop.class);

  /**
   * Posts claimed ahead per allowed attempt: enough that a worker never waits for the loop, few
   * enough that a claimed post waits at most this many attempts (well within its lease).
   */
  public static final int AHEAD = 64;

  private final Dispatcher dispatcher;
  private final Clock clock;
  private final int threads;
  private final Duration poll;
  private final Duration housekeeping;
  private final ClaimLimit limit;
  private final ExecutorService workers;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Thread loop;
  private volatile boolean running;
  private volatile Instant lastTurn;
  private volatile @Nullable String lastError;
  private Instant nextHousekeeping = Instant.MIN;

  /**
   * @param threads worker threads: attempts that may run at once
   * @param poll how long the loop sleeps when nothing is due
   * @param slow an attempt slower than this halves the claim limit
   */
  public DispatchLoop(
      Dispatcher dispatcher, Clock clock, int threads, Duration poll, Duration slow) {
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.threads = threads;
    this.poll = poll;
    this.housekeeping = dispatcher.settings().leaseDuration().dividedBy(4);
    this.limit = new ClaimLimit(threads, slow);
    this.workers = Executors.newFixedThreadPool(threads, named("omniy-worker-"));
    this.loop = named("omniy-dispatch-").newThread(this::run);
    this.lastTurn = clock.instant();
  }

  /** Starts the loop. */
  public void start() {
    running = true;
    loop.start();
  }

  /** Posts claimed and not yet finished: running or waiting for a worker. */
  public int inFlight() {
    return inFlight.get();
  }

  /** Attempts allowed at once now (back-pressure). */
  public int claimLimit() {
    return limit.limit();
  }

  /** The worker threads. */
  public int threads() {
    return threads;
  }

  /** When the loop last looked for due posts. */
  public Instant lastTurn() {
    return lastTurn;
  }

  /** Whether the loop runs. */
  public boolean running() {
    return running && loop.isAlive();
  }

  /** The store's last error as the loop saw it, cleared by the next good turn. */
  public @Nullable String lastError() {
    return lastError;
  }

  /**
   * Stops claiming, lets running attempts finish within {@code grace}, then interrupts what is left
   * (whose posts are recovered through their lease, POST-8).
   *
   * @return whether every attempt finished in time
   */
  public boolean stop(Duration grace) {
    running = false;
    LockSupport.unpark(loop);
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      loop.join(Math.max(1, grace.toMillis()));
      workers.shutdown();
      long left = Math.max(0, deadline - System.nanoTime());
      if (workers.awaitTermination(left, TimeUnit.NANOSECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    return false;
  }

  private void run() {
    while (running) {
      try {
        turn();
        lastError = null;
      } catch (RuntimeException e) {
        lastError = String.valueOf(e);
        LOG.warn("dispatch turn failed; retrying in {}", poll, e);
        LockSupport.parkNanos(poll.toNanos());
      }
    }
  }

  private void turn() {
    Instant now = clock.instant();
    lastTurn = now;
    if (!now.isBefore(nextHousekeeping)) {
      dispatcher.recoverExpired(now, 1000);
      dispatcher.warnReauth(now);
      nextHousekeeping = now.plus(housekeeping);
    }
    int busy = inFlight.get();
    int capacity = capacity();
    int want = capacity - busy;
    if (busy > capacity / 2) {
      // Claim in batches: wait until half the claimed posts are done (a worker unparks us then),
      // so the loop does not contend with the workers for the store on every finished post.
      LockSupport.parkNanos(poll.toNanos());
      return;
    }
    List<PostRecord> claimed = dispatcher.claim(now, want);
    for (PostRecord r : claimed) {
      inFlight.incrementAndGet();
      workers.execute(() -> work(r));
    }
    if (claimed.size() < want) {
      LockSupport.parkNanos(poll.toNanos()); // nothing more due now
    }
  }

  /** Posts that may be claimed and unfinished at once: the back-pressure limit times AHEAD. */
  private int capacity() {
    return Math.min(limit.limit(), threads) * AHEAD;
  }

  private void work(PostRecord claimed) {
    long start = System.nanoTime();
    boolean congested = true;
    try {
      if (!running) {
        dispatcher.release(claimed, clock.instant()); // stopping: not started, so not attempted
        congested = false;
        return;
      }
      Dispatched done = dispatcher.process(claimed, clock);
      congested = done.congested();
    } catch (RuntimeException e) {
      LOG.error("attempt of post {} failed unexpectedly; its lease will expire", claimed.id(), e);
    } finally {
      limit.record(congested, Duration.ofNanos(System.nanoTime() - start));
      if (inFlight.decrementAndGet() == capacity() / 2) {
        LockSupport.unpark(loop); // half the batch is done: time to claim more
      }
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
