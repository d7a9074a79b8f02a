package app.omniy.runtime.internal;

import app.omniy.core.dispatch.Dispatched;
import app.omniy.core.dispatch.Dispatcher;
import app.omniy.core.dispatch.Survivable;
import app.omniy.core.post.PostRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threaded runtime around the core {@link Dispatcher}: a fixed set of worker threads, each of
 * which claims a small batch of due posts into its own lock-free deque and works through it. No
 * thread waits for another to hand it work (no wake-up per post), and the workers share no state
 * they write per post, so two of them on two cores do not slow each other down (a shared queue and
 * shared counters cost more per post than a second core gave). A batch holds about {@link
 * #BATCH_TIME} of work at the worker's recent attempt duration (one post for a slow publisher, up
 * to {@link #MAX_BATCH} for a fast one), so a claimed post waits little for its turn, well within
 * its lease.
 *
 * <p>Per-account isolation (POST-10): a worker stuck in one slow attempt for longer than {@link
 * #BATCH_TIME} never holds up the rest of its batch, because the other workers take posts from its
 * deque before they claim new ones; a worker with nothing to claim takes from the others too, so
 * the last batches of a burst are shared. An account has one attempt at a time, as far as the
 * workers can tell: a post whose account another worker is in an attempt of goes to that worker's
 * batch, to run after it. So an account whose every call stalls holds one worker, however many of
 * its posts fall due, and the others keep publishing for everyone else.
 *
 * <p>A worker that finds nothing due sleeps until the store's next due time ({@link
 * Dispatcher#nextDueAt}), at most one poll interval, so a post starts within microseconds of its
 * publish time rather than up to a poll late.
 *
 * <p>Back-pressure: only as many workers claim as the {@link ClaimLimit} allows; a congested or
 * slow publisher halves it, so the runtime claims less, not more; one struggling account alone does
 * not (POST-10). When the runtime stops, each worker finishes the attempt it is in and gives back
 * (releases, still due) the rest of its batch, so nothing is left claimed. Every lease/4 one worker
 * recovers posts whose worker died (POST-8) and raises re-authorisation warnings (POST-11).
 *
 * <p>A worker survives anything an attempt or a turn throws short of the JVM failing ({@link
 * Survivable}): the dispatcher ends such an attempt on the retry path with {@code INTERNAL_ERROR},
 * and the worker logs it once, with its stack trace, and goes on. A worker thread that dies anyway
 * (a fatal error) is replaced by a new thread on the same batch while the loop runs, and {@link
 * #replacedWorkers} tells the health check of it.
 */
public final class DispatchLoop {
  private static final Logger LOG = LoggerFactory.getLogger(DispatchLoop.class);

  /** The most posts one worker claims at once. */
  public static final int MAX_BATCH = 64;

  /** About how much work one batch holds, at the recent attempt duration. */
  public static final Duration BATCH_TIME = Duration.ofMillis(10);

  /** The shortest idle sleep: a due post being claimed by another worker is no reason to spin. */
  static final long MIN_IDLE_NANOS = 20_000;

  private static final long STUCK_NANOS = BATCH_TIME.toNanos();

  private final Consumer<Instant> beforeClaim;
  private final Dispatcher dispatcher;
  private final Clock clock;
  private final Duration poll;
  private final Duration housekeeping;
  private final ClaimLimit limit;
  private final Worker[] workers;

  /** Claimed and not yet finished; striped, since every worker counts every post. */
  private final LongAdder inFlight = new LongAdder();

  private final AtomicReference<Instant> nextHousekeeping = new AtomicReference<>(Instant.MIN);
  private final Instant created;
  private volatile boolean running;
  private volatile @Nullable String lastError;

  /** Worker threads that died and were replaced, and the last one's death (health). */
  private final AtomicReference<Replaced> replaced = new AtomicReference<>(Replaced.NONE);

  /**
   * The worker threads that died and were replaced since the loop started.
   *
   * @param count how many
   * @param lastAt when the last one died, or {@code null} if none did
   * @param lastError what killed it, or {@code null}
   */
  public record Replaced(int count, @Nullable Instant lastAt, @Nullable String lastError) {
    /** No worker died. */
    public static final Replaced NONE = new Replaced(0, null, null);
  }

  /**
   * @param threads worker threads: attempts that may run at once
   * @param poll how long an idle worker sleeps when nothing is due
   * @param slow an attempt slower than this halves the claim limit
   */
  public DispatchLoop(
      Dispatcher dispatcher, Clock clock, int threads, Duration poll, Duration slow) {
    this(dispatcher, clock, threads, poll, slow, now -> {});
  }

  /**
   * @param beforeClaim called with the time before each claim, e.g. {@link SharedControls}
   */
  public DispatchLoop(
      Dispatcher dispatcher,
      Clock clock,
      int threads,
      Duration poll,
      Duration slow,
      Consumer<Instant> beforeClaim) {
    this.beforeClaim = beforeClaim;
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.poll = poll;
    this.housekeeping = dispatcher.settings().leaseDuration().dividedBy(4);
    this.limit = new ClaimLimit(threads, slow);
    this.created = clock.instant();
    this.workers = new Worker[threads];
    for (int i = 0; i < threads; i++) {
      workers[i] = new Worker(i);
    }
  }

  /** Starts the workers. */
  public void start() {
    running = true;
    for (Worker w : workers) {
      w.thread.start();
    }
  }

  /** The worker threads that died and were replaced (health). */
  public Replaced replacedWorkers() {
    return replaced.get();
  }

  /** Posts claimed and not yet finished: attempts running or about to. */
  public int inFlight() {
    return (int) inFlight.sum();
  }

  /** Attempts allowed at once now (back-pressure). */
  public int claimLimit() {
    return limit.limit();
  }

  /** The worker threads. */
  public int threads() {
    return workers.length;
  }

  /** When a worker last looked for due posts (to the millisecond). */
  public Instant lastTurn() {
    Instant last = created;
    for (Worker w : workers) {
      Instant turn = w.lastTurn;
      if (turn != null && turn.isAfter(last)) {
        last = turn;
      }
    }
    return last;
  }

  /** Whether the workers run. */
  public boolean running() {
    if (!running) {
      return false;
    }
    for (Worker w : workers) {
      if (w.thread.isAlive()) {
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
    for (Worker w : workers) {
      LockSupport.unpark(w.thread);
    }
    boolean finished = true;
    try {
      for (Worker w : workers) {
        long left = Math.max(0, deadline - System.nanoTime());
        TimeUnit.NANOSECONDS.timedJoin(w.thread, Math.max(1, left));
        if (w.thread.isAlive()) {
          w.thread.interrupt();
          finished = false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    for (Worker w : workers) {
      giveBack(w.batch); // in case a worker was interrupted before it could
    }
    return finished;
  }

  /**
   * One worker: its batch, and what the others read of it. Padded, so that the fields each worker
   * writes per post do not share a cache line with another worker's.
   */
  private final class Worker {
    final int index;

    /** This worker's thread; a new one once it died (see {@link #died}). */
    volatile Thread thread;

    final ConcurrentLinkedDeque<PostRecord> batch = new ConcurrentLinkedDeque<>();

    @SuppressWarnings("unused")
    long p1, p2, p3, p4, p5, p6, p7;

    /** When the running attempt started ({@link System#nanoTime}), 0 between attempts. */
    volatile long attemptStartedNanos;

    /** The account of the running attempt, null between attempts. */
    volatile @Nullable String attemptAccount;

    /** When this worker last looked for due posts, written at most once a millisecond. */
    volatile @Nullable Instant lastTurn;

    /** Recent attempt duration, an exponentially weighted average; 0 until the first attempt. */
    long attemptNanos;

    @SuppressWarnings("unused")
    long q1, q2, q3, q4, q5, q6, q7;

    Worker(int index) {
      this.index = index;
      this.thread = newThread();
    }

    private Thread newThread() {
      Thread t = new Thread(this::run, "omniy-worker-" + (index + 1));
      t.setDaemon(true);
      t.setUncaughtExceptionHandler((dead, error) -> died(error));
      return t;
    }

    private void run() {
      while (running) {
        try {
          long idle = turn(this);
          if (lastError != null) {
            lastError = null;
          }
          if (idle > 0) {
            LockSupport.parkNanos(idle);
          }
        } catch (Throwable e) {
          Survivable.rethrowIfFatal(e); // the thread dies, and is replaced
          lastError = Survivable.describe(e);
          LOG.warn("dispatch turn failed; retrying in {}", poll, e);
          LockSupport.parkNanos(poll.toNanos());
        }
      }
      giveBack(batch);
    }

    /**
     * This worker's thread died of {@code error} (a fatal one, {@link Survivable}): counted for the
     * health check and, while the loop runs, replaced by a new thread on the same batch, so the
     * runtime keeps its workers.
     */
    private void died(Throwable error) {
      Instant at = clock.instant();
      String what = Survivable.describe(error);
      replaced.getAndUpdate(r -> new Replaced(r.count() + 1, at, what));
      LOG.error("worker {} died; replacing it", index + 1, error);
      if (running) {
        Thread next = newThread();
        thread = next;
        next.start();
      }
    }

    /**
     * Notes a turn at {@code now}, at most once a millisecond (a volatile write per post costs).
     */
    void noteTurn(Instant now) {
      Instant last = lastTurn;
      if (last == null
          || now.getEpochSecond() != last.getEpochSecond()
          || now.getNano() / 1_000_000 != last.getNano() / 1_000_000) {
        lastTurn = now;
      }
    }

    /** About {@link #BATCH_TIME} of work; one post until an attempt was timed. */
    int batchSize() {
      long avg = attemptNanos;
      if (avg <= 0) {
        return 1;
      }
      return (int) Math.max(1, Math.min(MAX_BATCH, BATCH_TIME.toNanos() / avg));
    }
  }

  /**
   * One post of the worker's batch, claiming a batch first if it has none.
   *
   * @return 0 if there was one, else how long to sleep
   */
  private long turn(Worker self) {
    Instant now = clock.instant();
    self.noteTurn(now);
    Instant chores = nextHousekeeping.get();
    if (!now.isBefore(chores) && nextHousekeeping.compareAndSet(chores, now.plus(housekeeping))) {
      dispatcher.recoverExpired(now, 1000);
      dispatcher.warnReauth(now);
    }
    PostRecord next = self.batch.pollFirst();
    if (next == null) {
      next = steal(self, true); // posts waiting behind another worker's slow attempt (POST-10)
    }
    if (next == null) {
      if (self.index >= limit.limit()) {
        return poll.toNanos(); // back-pressure: fewer workers claim
      }
      beforeClaim.accept(now);
      List<PostRecord> claimed = dispatcher.claim(now, self.batchSize());
      if (claimed.isEmpty()) {
        next = steal(self, false); // nothing left to claim: share the others' batches
        if (next == null) {
          return idleNanos(clock.instant(), dispatcher.nextDueAt().orElse(null), poll.toNanos());
        }
      } else {
        inFlight.add(claimed.size());
        self.batch.addAll(claimed);
        next = self.batch.pollFirst();
        if (next == null) {
          return 0; // the other workers took them
        }
      }
    }
    if (running) {
      Worker onAccount = attemptingAccount(self, next.accountId());
      if (onAccount != null) {
        // One attempt per account at a time (POST-10): the worker already in this account's
        // attempt takes the post next, so a stalling account holds one worker, not all of them.
        onAccount.batch.addLast(next);
        return 0;
      }
    }
    try {
      if (running) {
        attempt(self, next);
      } else {
        dispatcher.release(next, clock.instant()); // stopping: not started, so not attempted
      }
    } finally {
      inFlight.decrement();
    }
    return 0;
  }

  /** Another worker in an attempt of {@code accountId}, if there is one. */
  private @Nullable Worker attemptingAccount(Worker self, String accountId) {
    for (Worker other : workers) {
      if (other != self && accountId.equals(other.attemptAccount)) {
        return other;
      }
    }
    return null;
  }

  /**
   * The earliest post of another worker's batch: of one stuck in an attempt for longer than {@link
   * #BATCH_TIME} if {@code stuckOnly}, else of any. Never a post of the account that worker is in
   * an attempt of: that one waits for it (one attempt per account at a time).
   */
  private @Nullable PostRecord steal(Worker self, boolean stuckOnly) {
    long nowNanos = System.nanoTime();
    for (int i = 1; i < workers.length; i++) {
      Worker other = workers[(self.index + i) % workers.length];
      long started = other.attemptStartedNanos;
      if (stuckOnly && (started == 0 || nowNanos - started < STUCK_NANOS)) {
        continue;
      }
      String busy = other.attemptAccount;
      PostRecord taken = busy == null ? other.batch.pollFirst() : firstNotOf(other.batch, busy);
      if (taken != null) {
        return taken;
      }
    }
    return null;
  }

  /** Takes the earliest post of {@code batch} that is not of {@code accountId}. */
  private static @Nullable PostRecord firstNotOf(
      ConcurrentLinkedDeque<PostRecord> batch, String accountId) {
    for (PostRecord r : batch) {
      if (!r.accountId().equals(accountId) && batch.removeFirstOccurrence(r)) {
        return r;
      }
    }
    return null;
  }

  /**
   * How long a worker that found nothing due sleeps: until the next post falls due, so it starts on
   * time rather than up to a poll late (lateness target: p99 at most 25 ms), but never longer than
   * {@code pollNanos}, so a post scheduled meanwhile for sooner waits at most one poll; and at
   * least {@link #MIN_IDLE_NANOS}, so a due post another worker is claiming does not make it spin.
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

  /** Gives back every claimed post of {@code batch} whose attempt has not started. */
  private void giveBack(ConcurrentLinkedDeque<PostRecord> batch) {
    for (PostRecord r = batch.pollFirst(); r != null; r = batch.pollFirst()) {
      try {
        dispatcher.release(r, clock.instant());
      } catch (Throwable e) {
        Survivable.rethrowIfFatal(e);
        LOG.warn("could not give back post {}; its lease will expire", r.id(), e);
      } finally {
        inFlight.decrement();
      }
    }
  }

  private void attempt(Worker self, PostRecord claimed) {
    long start = System.nanoTime();
    self.attemptAccount = claimed.accountId();
    self.attemptStartedNanos = start == 0 ? 1 : start;
    boolean congested = true;
    try {
      Dispatched done = dispatcher.process(claimed, clock);
      congested = done.congested();
      Throwable error = done.error();
      if (error != null) {
        // Logged here, once: the dispatcher recorded INTERNAL_ERROR on the post's transition.
        LOG.error(
            "attempt of post {} threw; it is {} ({})",
            claimed.id(),
            done.record().state(),
            done.record().lastTransition().map(t -> t.reasonCode()).orElse("?"),
            error);
      }
    } catch (Throwable e) {
      Survivable.rethrowIfFatal(e);
      LOG.error("attempt of post {} failed unexpectedly; its lease will expire", claimed.id(), e);
    } finally {
      self.attemptStartedNanos = 0;
      self.attemptAccount = null;
      long took = System.nanoTime() - start;
      limit.record(claimed.accountId(), congested, took);
      long avg = self.attemptNanos;
      self.attemptNanos = avg == 0 ? took : avg + (took - avg) / 8;
    }
  }
}
