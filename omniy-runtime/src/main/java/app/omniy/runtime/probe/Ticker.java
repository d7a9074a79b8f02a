package app.omniy.runtime.probe;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread calling one action at a fixed delay until closed; an action that throws is logged
 * and called again next time, never ending the thread.
 */
final class Ticker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);
  private final ScheduledExecutorService thread;

  private Ticker(String name) {
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true); // a host that exits without closing must not be kept alive
              return t;
            });
  }

  static Ticker start(String name, Duration every, Runnable action) {
    Ticker ticker = new Ticker(name);
    long millis = Math.max(1, every.toMillis());
    ticker.thread.scheduleWithFixedDelay(
        () -> {
          try {
            action.run();
          } catch (RuntimeException e) {
            LOG.warn("{} failed; trying again in {}", name, every, e);
          }
        },
        0,
        millis,
        TimeUnit.MILLISECONDS);
    return ticker;
  }

  /** Stops ticking and waits up to 10 s for a tick in flight. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
