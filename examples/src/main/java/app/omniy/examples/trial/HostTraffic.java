package app.omniy.examples.trial;

import app.omniy.core.metrics.MetricNames;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The simulated host's requests of one status in {@code http.server.requests} (ALERT-C1 reads its
 * {@code status} tag). A function timer over two counters, so a month of traffic costs one addition
 * a minute rather than one timer call per request; the alert bridge reads it like a timer.
 */
final class HostTraffic {
  private final long millisEach;
  private long count;
  private long totalMillis;

  HostTraffic(MeterRegistry registry, String status, String outcome, long millisEach) {
    this.millisEach = millisEach;
    FunctionTimer.builder(
            MetricNames.HTTP_SERVER_REQUESTS,
            this,
            t -> t.count,
            t -> t.totalMillis,
            TimeUnit.MILLISECONDS)
        .tag(MetricNames.TAG_STATUS, status)
        .tag(MetricNames.TAG_OUTCOME, outcome)
        .tag("uri", "/api/posts")
        .register(registry);
  }

  /** {@code requests} more requests were answered. */
  void served(int requests) {
    count += requests;
    totalMillis += requests * millisEach;
  }
}
