package app.omniy.proof;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.dispatch.Dispatcher;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.Publisher;
import app.omniy.runtime.OmniyMetrics;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.runtime.alert.NotificationDispatcher;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The core {@link Dispatcher} on simulated time, as the test kit's {@code ManualDispatcher} runs
 * it, but with the posts due at one instant processed on a pool of threads, so that calls stalled
 * past the adapter's timeout overlap in real time. Its meters are the runtime's own ({@link
 * OmniyMetrics} on a Micrometer registry) and an {@link AlertRuntime} with the default rules reads
 * them once per simulated minute, as it would in production (ALERT-5, ALERT-6).
 */
final class SimulatedDispatch implements AutoCloseable {
  private final SettableClock clock;
  private final Dispatcher dispatcher;
  private final ExecutorService pool;
  private final ExecutorService alertPool = Executors.newSingleThreadExecutor();
  private final AlertRuntime alerts;
  private final List<AlertEvent> events = new ArrayList<>();
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private Instant nextAlertCycle;

  SimulatedDispatch(
      InMemoryPostStore store, Publisher publisher, SettableClock clock, int threads) {
    this.clock = clock;
    this.pool = Executors.newFixedThreadPool(threads);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    OmniyMetrics metrics = new OmniyMetrics(() -> 0, () -> threads, () -> 0);
    metrics.bindTo(registry);
    DispatchListener counting =
        new DispatchListener() {
          @Override
          public void attemptEnded(PostRecord post, OutcomeClass outcome) {
            attempts.incrementAndGet();
            if (outcome != OutcomeClass.SUCCESS) {
              failedAttempts.incrementAndGet();
            }
            metrics.attemptEnded(post, outcome);
          }

          @Override
          public void published(PostRecord post, String mediaId) {
            metrics.published(post, mediaId);
          }

          @Override
          public void failed(PostRecord post, String reason) {
            metrics.failed(post, reason);
          }
        };
    this.dispatcher =
        new Dispatcher(
            store,
            publisher,
            DispatchSettings.defaults("fault-suite"),
            counting,
            new SplittableRandom(5));
    this.alerts =
        AlertRuntime.builder(
                clock,
                new NotificationDispatcher(
                    Map.of(), null, 0, Duration.ofMillis(1), Duration.ofMillis(2), alertPool))
            .rules(DefaultAlertRules.all())
            .registry(registry)
            .build();
    alerts.tick(); // primes the meters: nothing counted before watching can fire
    this.nextAlertCycle = clock.instant().plus(Duration.ofMinutes(1));
  }

  /**
   * Runs second by second until {@code end} or until {@code done} says so (checked every simulated
   * minute), with an alert cycle every simulated minute.
   */
  void runUntil(Instant end, BooleanSupplier done) throws Exception {
    while (clock.instant().isBefore(end)) {
      runDue();
      clock.advance(Duration.ofSeconds(1));
      if (!clock.instant().isBefore(nextAlertCycle)) {
        events.addAll(alerts.tick().evaluation().events());
        nextAlertCycle = nextAlertCycle.plus(Duration.ofMinutes(1));
        if (done.getAsBoolean()) {
          return;
        }
      }
    }
  }

  /** Every post due now, each attempted at most once, in parallel. */
  private void runDue() throws Exception {
    Instant now = clock.instant();
    dispatcher.recoverExpired(now, Integer.MAX_VALUE);
    Set<String> seen = new HashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      List<Future<?>> running = new ArrayList<>();
      for (PostRecord r : dispatcher.claim(now, 1000)) {
        if (seen.add(r.id())) {
          running.add(pool.submit(() -> dispatcher.process(r, clock)));
          progress = true;
        } else {
          dispatcher.release(r, now); // due again at once: its next turn is the next second
        }
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
  }

  /** Alert events so far (FIRED, RESOLVED, …), in order. */
  List<AlertEvent> events() {
    return List.copyOf(events);
  }

  long attempts() {
    return attempts.get();
  }

  long failedAttempts() {
    return failedAttempts.get();
  }

  @Override
  public void close() {
    pool.shutdownNow();
    alertPool.shutdownNow();
  }
}
