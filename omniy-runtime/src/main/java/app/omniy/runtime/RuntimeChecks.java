package app.omniy.runtime;

import app.omniy.core.dispatch.Dispatcher;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.spi.CircuitState;
import app.omniy.core.post.spi.PostStore;
import app.omniy.core.post.spi.Publisher;
import app.omniy.runtime.internal.DispatchLoop;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The health checks of the running parts: store, dispatch loop, publisher, lateness, pause and
 * accounts (the waiting ones are {@link WaitingChecks}). Every threshold is the configuration's
 * {@link HealthThresholds}.
 */
final class RuntimeChecks {
  private RuntimeChecks() {}

  /**
   * {@code latency-histogram}: whether the host's {@code http.server.requests} timer publishes a
   * percentile histogram, which ALERT-W1's p95 is computed from (one request, one sample). DEGRADED
   * when a timer of that name has no buckets: W1 then sees one mean per poll and its 20 samples
   * take 20 polls. UP when every such timer has buckets, or none is registered yet.
   */
  static HealthCheck latencyHistogram(MeterRegistry registry) {
    int timers = 0;
    int without = 0;
    for (Timer timer : registry.find(MetricNames.HTTP_SERVER_REQUESTS).timers()) {
      timers++;
      if (timer.takeSnapshot().histogramCounts().length == 0) {
        without++;
      }
    }
    if (timers == 0) {
      return new HealthCheck(
          "latency-histogram",
          HealthStatus.UP,
          "no " + MetricNames.HTTP_SERVER_REQUESTS + " timer registered yet");
    }
    if (without > 0) {
      return new HealthCheck(
          "latency-histogram",
          HealthStatus.DEGRADED,
          without
              + " of "
              + timers
              + " "
              + MetricNames.HTTP_SERVER_REQUESTS
              + " timers without a percentile histogram: ALERT-W1 sees one mean per poll, not"
              + " every request; enable it (Spring Boot:"
              + " management.metrics.distribution.percentiles-histogram.http.server.requests=true)");
    }
    return new HealthCheck(
        "latency-histogram",
        HealthStatus.UP,
        timers + " " + MetricNames.HTTP_SERVER_REQUESTS + " timers with a percentile histogram");
  }

  /** {@code store}: reachable, and the last dispatch turn's error if it failed. */
  static HealthCheck store(PostStore store, DispatchLoop loop) {
    try {
      store.find("omniy-health-probe");
      String error = loop.lastError();
      return error == null
          ? new HealthCheck("store", HealthStatus.UP, "reachable")
          : new HealthCheck("store", HealthStatus.DEGRADED, "last dispatch turn failed: " + error);
    } catch (RuntimeException e) {
      return new HealthCheck("store", HealthStatus.DOWN, "unreachable: " + e);
    }
  }

  /**
   * {@code dispatcher}: DOWN when stopped or without a turn for longer than {@link
   * HealthThresholds#dispatcherDown}.
   */
  static HealthCheck dispatcher(DispatchLoop loop, Instant now, HealthThresholds limits) {
    if (!loop.running()) {
      return new HealthCheck("dispatcher", HealthStatus.DOWN, "stopped");
    }
    Duration lag = Duration.between(loop.lastTurn(), now);
    return lag.compareTo(limits.dispatcherDown()) > 0
        ? new HealthCheck("dispatcher", HealthStatus.DOWN, "no dispatch turn for " + lag)
        : new HealthCheck("dispatcher", HealthStatus.UP, loop.inFlight() + " attempts running");
  }

  /**
   * {@code workers}: DEGRADED once a worker thread died of an error no worker survives (a {@code
   * VirtualMachineError} of the JVM itself, see {@code Survivable}) and was replaced, until the
   * runtime restarts: the JVM that threw it deserves a look. Errors that attempts throw do not
   * count here: a worker survives them, and they are counted as failed attempts.
   */
  static HealthCheck workers(DispatchLoop loop) {
    DispatchLoop.Replaced replaced = loop.replacedWorkers();
    if (replaced.count() == 0) {
      return new HealthCheck("workers", HealthStatus.UP, loop.threads() + " workers");
    }
    return new HealthCheck(
        "workers",
        HealthStatus.DEGRADED,
        replaced.count()
            + (replaced.count() == 1 ? " worker" : " workers")
            + " replaced after dying, the last at "
            + replaced.lastAt()
            + ": "
            + replaced.lastError());
  }

  /**
   * {@code publisher}: the publisher's circuit breaker if it has one ({@link Publisher#circuit()}:
   * open is {@code DOWN}, half-open {@code DEGRADED}), then the runtime's back-pressure (congested
   * is {@code DEGRADED}).
   */
  static HealthCheck publisher(Publisher publisher, DispatchLoop loop) {
    CircuitState circuit;
    try {
      circuit = publisher.circuit().orElse(CircuitState.CLOSED);
    } catch (RuntimeException e) {
      circuit = CircuitState.CLOSED; // a publisher's bug: judged by back-pressure alone
    }
    if (circuit == CircuitState.OPEN) {
      return new HealthCheck(
          "publisher", HealthStatus.DOWN, "circuit open: calls fail fast without reaching the API");
    }
    if (circuit == CircuitState.HALF_OPEN) {
      return new HealthCheck(
          "publisher", HealthStatus.DEGRADED, "circuit half-open: trial calls reach the API");
    }
    int limit = loop.claimLimit();
    return limit < loop.threads()
        ? new HealthCheck(
            "publisher",
            HealthStatus.DEGRADED,
            "congested (no answer, open circuit or rate limit): "
                + limit
                + " of "
                + loop.threads()
                + " attempts allowed")
        : new HealthCheck("publisher", HealthStatus.UP, "answering");
  }

  /** {@code lateness}: DEGRADED above {@link HealthThresholds#latenessDegraded}. */
  static HealthCheck lateness(Duration late, HealthThresholds limits) {
    return new HealthCheck(
        "lateness",
        late.compareTo(limits.latenessDegraded()) > 0 ? HealthStatus.DEGRADED : HealthStatus.UP,
        "last first attempt started " + late + " after its publish time");
  }

  /** {@code publishing}: DEGRADED while paused (INC-4). */
  static HealthCheck publishing(Dispatcher dispatcher) {
    return dispatcher
        .paused()
        .map(why -> new HealthCheck("publishing", HealthStatus.DEGRADED, "paused: " + why))
        .orElse(new HealthCheck("publishing", HealthStatus.UP, "running"));
  }

  /** {@code accounts}: DEGRADED while an account needs re-authorisation (POST-11). */
  static HealthCheck accounts(Dispatcher dispatcher) {
    var reauth = dispatcher.accountsNeedingReauth();
    return new HealthCheck(
        "accounts",
        reauth.isEmpty() ? HealthStatus.UP : HealthStatus.DEGRADED,
        reauth.isEmpty()
            ? "all authorised"
            : reauth.size() + " need re-authorisation: " + String.join(", ", reauth));
  }

  /** Remembers how late the last first attempt started, for the lateness check. */
  static final class FirstAttemptLateness implements DispatchListener {
    private final AtomicReference<Duration> last = new AtomicReference<>(Duration.ZERO);

    @Override
    public void attemptStarted(PostRecord post, Duration late) {
      if (post.attempt() == 1) {
        last.set(late);
      }
    }

    /** The lateness of the last first attempt; zero before any. */
    Duration last() {
      return last.get();
    }
  }
}
