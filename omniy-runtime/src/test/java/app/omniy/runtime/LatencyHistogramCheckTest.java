package app.omniy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.metrics.MetricNames;
import app.omniy.testkit.ScriptedPublisher;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.cumulative.CumulativeTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The health page says when ALERT-W1's timer has no percentile histogram. */
class LatencyHistogramCheckTest {
  private final SimpleMeterRegistry registry =
      new HistogramRegistry(io.micrometer.core.instrument.Clock.SYSTEM);

  @Test
  void a_registry_without_the_http_timer_is_up_and_says_so() {
    HealthCheck check = RuntimeChecks.latencyHistogram(registry);

    assertThat(check.name()).isEqualTo("latency-histogram");
    assertThat(check.status()).isEqualTo(HealthStatus.UP);
    assertThat(check.detail()).isEqualTo("no http.server.requests timer registered yet");
  }

  @Test
  void an_http_timer_without_percentile_histogram_is_degraded_and_names_the_spring_setting() {
    registry.timer(MetricNames.HTTP_SERVER_REQUESTS, "uri", "/a");
    Timer.builder(MetricNames.HTTP_SERVER_REQUESTS)
        .tag("uri", "/b")
        .publishPercentileHistogram()
        .register(registry);

    HealthCheck check = RuntimeChecks.latencyHistogram(registry);

    assertThat(check.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(check.detail())
        .startsWith("1 of 2 http.server.requests timers without a percentile histogram")
        .contains(
            "management.metrics.distribution.percentiles-histogram.http.server.requests=true");
  }

  @Test
  void http_timers_with_percentile_histograms_are_up() {
    Timer.builder(MetricNames.HTTP_SERVER_REQUESTS)
        .tag("uri", "/b")
        .publishPercentileHistogram()
        .register(registry);

    HealthCheck check = RuntimeChecks.latencyHistogram(registry);

    assertThat(check.status()).isEqualTo(HealthStatus.UP);
    assertThat(check.detail())
        .isEqualTo("1 http.server.requests timers with a percentile histogram");
  }

  @Test
  void the_runtime_health_report_includes_the_check() {
    Timer timer = registry.timer(MetricNames.HTTP_SERVER_REQUESTS, "uri", "/a");
    timer.record(Duration.ofMillis(5));
    Omniy omniy =
        Omniy.builder().publisher(new ScriptedPublisher()).meterRegistry(registry).start();
    try {
      assertThat(omniy.health().checks())
          .filteredOn(c -> c.name().equals("latency-histogram"))
          .singleElement()
          .extracting(HealthCheck::status)
          .isEqualTo(HealthStatus.DEGRADED);
    } finally {
      omniy.close();
    }
  }

  /**
   * A registry that publishes percentile histograms, as Prometheus's does: {@link
   * SimpleMeterRegistry} ignores {@code publishPercentileHistogram} (no aggregable percentiles).
   */
  static final class HistogramRegistry extends SimpleMeterRegistry {
    HistogramRegistry(io.micrometer.core.instrument.Clock clock) {
      super(SimpleConfig.DEFAULT, clock);
    }

    @Override
    protected Timer newTimer(
        Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
      return new CumulativeTimer(id, clock, config, pauseDetector, getBaseTimeUnit(), true);
    }
  }
}
