package app.omniy.ops.internal;

import app.omniy.core.dispatch.Dispatched;
import app.omniy.core.dispatch.Dispatcher;
import app.omniy.core.post.PostRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threaded runtime around the core {@link Dispatcher}: a fixed set of worker threads that claim
 * small batches of due posts into one shared lock-free deque and take posts from it one at a time.
 * No thread waits for another to hand it work (no wake-up per post), and a worker stuck in a slow
 * call to one account never holds up the rest of its batch: the other workers take those posts
 * (POST-10). A batch holds about {@link #BATCH_TIME} of work at the recent attempt duration (one
 * post for a slow publisher, up to {@link #MAX_BATCH} for a fast one), so a claimed post waits
 * little for its turn, well within its lease.
 *
 * <p>A worker that finds nothing due sleeps until the store's next due time ({@link
 * Dispatcher#nextDueAt}), at most one poll interval, so a post starts within microseconds of its
 * publish time rather than up to a poll late.
 *
 * <p>Back-pressure: only as many workers claim as the {@link ClaimLimit} allows; a congested or
 * slow publisher halves it, so the runtime claims less, not more. When the runtime stops, each
 * worker finishes the attempt it is in and gives back (releases, still due) the rest of its batch,
 * so nothing is left claimed. Every lease/4 one worker recovers posts whose worker died (POST-8)
 * and raises re-authorisation warnings (POST-11).
 */
public final class DispatchLoop {
  private static final Logger LOG = LoggerFactory.getLogger(DispatchLoop.class);

  /** The most posts one worker claims at once. */
  public static final int MAX_BATCH = 64;

  /** About how much work one batch holds, at the recent attempt duration. */
  public static final Duration BATCH_TIME = Duration.ofMillis(10);

  /** The shortest idle sleep: a due post being claimed by another worker is no reason to spin. */
  static final long MIN_IDLE_NANOS = 20_000;

  /**
   * How long a worker that finds the queue empty while another claims waits for that claim before
   * it claims too: an in-memory claim of a batch takes microseconds, less than parking on the
   * store's lock and being woken (issue 8); a remote store's claims run in parallel after this.
   */
  static final long CLAIM_WAIT_NANOS = 50_000;

  private final Dispatcher dispatcher;
  private final Clock clock;
  private final int threads;
  private final Duration poll;
  private final Duration housekeeping;
  private final ClaimLimit limit;
  private final Thread[] workers;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger claiming = new AtomicInteger();

  /** Posts in {@link #pending} (its own size is a walk of the whole deque). */
  private final AtomicInteger pendingCount = new AtomicInteger();

  /** Whether the last claim got all it asked for, so more may be due. */
  private volatile boolean lastClaimFull;

  private final ConcurrentLinkedDeque<PostRecord> pending = new ConcurrentLinkedDeque<>();
  private final AtomicReference<Instant> nextHousekeeping = new AtomicReference<>(Instant.MIN);
  private volatile boolean running;
  private volatile Instant lastTurn;
  private volatile @Nullable String lastError;

  /** Recent attempt duration, an exponentially weighted average; 0 until the first attempt. */
  private volatile long attemptNanos;

  /**
   * @param threads worker threads: attempts that may run at once
   * @param poll how long an idle worker sleeps when nothing is due
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
    this.workers = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      int index = i;
      workers[i] = new Thread(() -> run(index), "omniy-worker-" + (i + 1));
      workers[i].setDaemon(true);
    }
    this.lastTurn = clock.instant();
  }

  /** Starts the workers. */
  public void start() {
    running = true;
    for (Thread t : workers) {
      t.start();
    }
  }

  /** Posts claimed and not yet finished: attempts running or about to. */
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

  /** When a worker last looked for due posts. */
  public Instant lastTurn() {
    return lastTurn;
  }

  /** Whether the workers run. */
  public boolean running() {
    if (!running) {
      return false;
    }
    for (Thread t : workers) {
      if (t.isAlive()) {
        return true;
      }
    }
    return false;
  }

  /** The store's last error as a worker saw it, cleared by the next good turn. */
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
    long deadline = System.nanoTime() + grace.toNanos();
    for (Thread t : workers) {
      LockSupport.unpark(t);
    }
    boolean finished = true;
    try {
      for (Thread t : workers) {
        long left = Math.max(0, deadline - System.nanoTime());
        TimeUnit.NANOSECONDS.timedJoin(t, Math.max(1, left));
        if (t.isAlive()) {
          t.interrupt();
          finished = false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    giveBackPending(); // in case every worker was interrupted before it could
    return finished;
  }

  private void run(int index) {
    while (running) {
      try {
        long idle = turn(index);
        lastError = null;
        if (idle > 0) {
          LockSupport.parkNanos(idle);
        }
      } catch (RuntimeException e) {
        lastError = String.valueOf(e);
        LOG.warn("dispatch turn failed; retrying in {}", poll, e);
        LockSupport.parkNanos(poll.toNanos());
      }
    }
    giveBackPending();
  }

  /**
   * One post, claiming a batch first if none is pending.
   *
   * @return 0 if there was one, else how long to sleep
   */
  private long turn(int index) {
    Instant now = clock.instant();
    lastTurn = now;
    Instant chores = nextHousekeeping.get();
    if (!now.isBefore(chores) && nextHousekeeping.compareAndSet(chores, now.plus(housekeeping))) {
      dispatcher.recoverExpired(now, 1000);
      dispatcher.warnReauth(now);
    }
    PostRecord next = takePending();
    boolean mayClaim = index < limit.limit(); // back-pressure: fewer workers claim
    if (next != null && mayClaim && lastClaimFull && claiming.get() == 0) {
      int batch = batchSize();
      if (pendingCount.get() < batch / 2) {
        // Refill before the queue runs dry, so the other workers never wait for this claim.
        claim(now, batch);
      }
    }
    if (next == null && claiming.get() > 0) {
      next = awaitOtherClaim();
    }
    if (next == null) {
      if (!mayClaim) {
        return poll.toNanos();
      }
      if (claim(now, batchSize()) == 0) {
        return idleNanos(clock.instant(), dispatcher.nextDueAt().orElse(null), poll.toNanos());
      }
      next = takePending();
      if (next == null) {
        return 0; // the other workers took them
      }
    }
    try {
      if (running) {
        attempt(next);
      } else {
        dispatcher.release(next, clock.instant()); // stopping: not started, so not attempted
      }
    } finally {
      inFlight.decrementAndGet();
    }
    return 0;
  }

  /** Claims up to {@code batch} posts into the queue; how many. */
  private int claim(Instant now, int batch) {
    claiming.incrementAndGet();
    try {
      List<PostRecord> claimed = dispatcher.claim(now, batch);
      inFlight.addAndGet(claimed.size());
      pendingCount.addAndGet(claimed.size());
      pending.addAll(claimed);
      lastClaimFull = claimed.size() == batch;
      return claimed.size();
    } finally {
      claiming.decrementAndGet();
    }
  }

  private @Nullable PostRecord takePending() {
    PostRecord next = pending.poll();
    if (next != null) {
      pendingCount.decrementAndGet();
    }
    return next;
  }

  /** Spins briefly while another worker claims, for a post of its batch. */
  private @Nullable PostRecord awaitOtherClaim() {
    long until = System.nanoTime() + CLAIM_WAIT_NANOS;
    while (claiming.get() > 0 && System.nanoTime() - until < 0) {
      Thread.onSpinWait();
    }
    return takePending();
  }

  /**
   * How long a worker that found nothing due sleeps: until the next post falls due, so it starts on
   * time rather than up to a poll late (issue 8), but never longer than {@code pollNanos}, so a
   * post scheduled meanwhile for sooner waits at most one poll; and at least {@link
   * #MIN_IDLE_NANOS}, so a due post another worker is claiming does not make it spin.
   */
  static long idleNanos(Instant now, @Nullable Instant nextDue, long pollNanos) {
    if (nextDue == null) {
      return pollNanos;
    }
    long seconds = nextDue.getEpochSecond() - now.getEpochSecond();
    if (seconds > pollNanos / 1_000_000_000L + 1) {
      return pollNanos;
    }
    if (seconds < -1) {
      return MIN_IDLE_NANOS;
    }
    long until = seconds * 1_000_000_000L + (nextDue.getNano() - now.getNano());
    return Math.max(MIN_IDLE_NANOS, Math.min(pollNanos, until));
  }

  /** Gives back every claimed post whose attempt has not started. */
  private void giveBackPending() {
    for (PostRecord r = takePending(); r != null; r = takePending()) {
      try {
        dispatcher.release(r, clock.instant());
      } catch (RuntimeException e) {
        LOG.warn("could not give back post {}; its lease will expire", r.id(), e);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  private void attempt(PostRecord claimed) {
    long start = System.nanoTime();
    boolean congested = true;
    try {
      Dispatched done = dispatcher.process(claimed, clock);
      congested = done.congested();
    } catch (RuntimeException e) {
      LOG.error("attempt of post {} failed unexpectedly; its lease will expire", claimed.id(), e);
    } finally {
      long took = System.nanoTime() - start;
      limit.record(congested, took);
      long avg = attemptNanos;
      attemptNanos = avg == 0 ? took : avg + (took - avg) / 8;
    }
  }

  /** About {@link #BATCH_TIME} of work; one post until an attempt was timed. */
  private int batchSize() {
    long avg = attemptNanos;
    if (avg <= 0) {
      return 1;
    }
    return (int) Math.max(1, Math.min(MAX_BATCH, BATCH_TIME.toNanos() / avg));
  }
}
