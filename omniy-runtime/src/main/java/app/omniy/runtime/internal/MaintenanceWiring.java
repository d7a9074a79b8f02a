package app.omniy.runtime.internal;

import app.omniy.runtime.maintenance.MaintenanceScheduler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The maintenance scheduler as the {@code Omniy} builder configures it (MNT-1 … MNT-3): built on
 * the runtime's clock, counting in the runtime's registry and named after the dispatcher's owner,
 * then whatever the host set (tasks, lease and run stores); ticking on a daemon thread of its own
 * from start to shutdown.
 */
public final class MaintenanceWiring implements AutoCloseable {
  private final MaintenanceScheduler scheduler;
  private final ScheduledExecutorService thread;

  private MaintenanceWiring(MaintenanceScheduler scheduler) {
    this.scheduler = scheduler;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "omniy-maintenance");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Builds the scheduler: the runtime's defaults first, so the host's {@code configure} may
   * override any of them.
   */
  public static MaintenanceWiring build(
      Clock clock,
      MeterRegistry registry,
      String owner,
      Consumer<MaintenanceScheduler.Builder> configure) {
    MaintenanceScheduler.Builder builder =
        MaintenanceScheduler.builder(clock).registry(registry).owner(owner);
    configure.accept(builder);
    return new MaintenanceWiring(builder.build());
  }

  /** The scheduler. */
  public MaintenanceScheduler scheduler() {
    return scheduler;
  }

  /** Starts ticking. */
  public void start() {
    scheduler.start(thread);
  }

  /**
   * Stops ticking and waits up to {@code grace} for a running task; a task still running then is
   * interrupted, and its occurrence is taken over once its lease lapses (MNT-3).
   */
  public void stop(Duration grace) {
    scheduler.close();
    thread.shutdown();
    try {
      if (!thread.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the thread has ended. */
  public boolean terminated() {
    return thread.isTerminated();
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }
}
