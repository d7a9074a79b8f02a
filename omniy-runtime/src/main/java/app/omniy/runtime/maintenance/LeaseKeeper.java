package app.omniy.runtime.maintenance;

import app.omniy.core.maintenance.MaintenanceJob;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews one occurrence's lease on a timer thread of its own while the occurrence's tasks run
 * (MNT-3), so that a task longer than the lease (a large backup) does not let another runtime
 * sharing the lease store take the occurrence over, or start the job's next one, while it still
 * runs. The timer stops when the tasks end; if the runtime dies it dies with it, and the lease
 * lapses at most one lease duration later, so the occurrence is taken over.
 *
 * <p>A thread per run rather than the scheduler's executor: the runtime ticks on one thread, which
 * the running task occupies. The scheduler runs a few jobs a day, so the thread costs nothing.
 */
final class LeaseKeeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

  private final MaintenanceJob job;
  private final Instant due;
  private final TaskRunner.Renewal renewal;
  private final ScheduledExecutorService timer;
  private final AtomicBoolean lost = new AtomicBoolean();

  private LeaseKeeper(MaintenanceJob job, Instant due, TaskRunner.Renewal renewal) {
    this.job = job;
    this.due = due;
    this.renewal = renewal;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "omniy-maintenance-lease-" + job.id());
              t.setDaemon(true); // a host that exits without closing must not be kept alive
              return t;
            });
  }

  /** Renews the lease of {@code job}'s occurrence due at {@code due} every {@code every}. */
  static LeaseKeeper start(
      MaintenanceJob job, Instant due, TaskRunner.Renewal renewal, Duration every) {
    LeaseKeeper keeper = new LeaseKeeper(job, due, renewal);
    long millis = Math.max(1, every.toMillis());
    keeper.timer.scheduleWithFixedDelay(keeper::renew, millis, millis, TimeUnit.MILLISECONDS);
    return keeper;
  }

  /** Whether a renewal found that another runtime holds the occurrence now. */
  boolean lost() {
    return lost.get();
  }

  private void renew() {
    try {
      if (!renewal.renew(job, due)) {
        lost.set(true);
        LOG.warn("Lost the lease of {} due {} while a task ran", job.id(), due);
        timer.shutdown(); // nothing left to keep
      }
    } catch (RuntimeException e) {
      // A store that failed once may answer next time; the lease lasts three periods by default.
      // Without the stack trace: a store that is down would print one every period.
      LOG.warn(
          "Could not renew the lease of {} due {} ({}); trying again", job.id(), due, e.toString());
    }
  }

  /**
   * Stops renewing and waits for a renewal in flight, so that none lands after the occurrence is
   * completed.
   */
  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("A lease renewal of {} due {} is still running", job.id(), due);
      }
    } catch (InterruptedException e) {
      // The runtime is shutting down; the lease store keeps a completion's "done" either way.
      Thread.currentThread().interrupt();
    }
  }
}
