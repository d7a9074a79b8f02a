package app.omniy.runtime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertStatus;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.metrics.MetricNames;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.cumulative.CumulativeTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ALERT-W1 fed from the host's real {@code http.server.requests} timer with a percentile histogram,
 * 100 requests a minute, polled every 10 s: the bridge turns each poll into per-bucket counts, so
 * 20 samples are 20 requests. The registry's clock moves with the runtime's, so Micrometer's
 * time-windowed histogram rotates (every 40 s) as it does in a host.
 */
class LatencyFromTimerHistogramTest {
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private final SettableClock clock = SettableClock.at(START);
  private final MockClock meterClock = new MockClock();
  private final SimpleMeterRegistry registry = new HistogramRegistry(meterClock);
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<AlertEvent> events = new CopyOnWriteArrayList<>();
  private final Timer timer =
      Timer.builder(MetricNames.HTTP_SERVER_REQUESTS)
          .tags("uri", "/api/posts", "status", "200", "outcome", "SUCCESS")
          .publishPercentileHistogram()
          .register(registry);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private AlertRuntime runtime() {
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(
            Map.of(Channel.SLACK, events::add),
            event -> {},
            1,
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            executor);
    return AlertRuntime.builder(clock, dispatcher)
        .rules(List.of(DefaultAlertRules.SLOW_API))
        .registry(registry)
        .build();
  }

  /** Runs {@code minutes} of traffic at {@code latency}, 17 or 16 requests per 10 s poll. */
  private AlertStatus traffic(AlertRuntime runtime, Duration latency, int minutes) {
    AlertStatus last = null;
    for (int poll = 0; poll < minutes * 6; poll++) {
      for (int i = 0; i < (poll % 3 == 0 ? 16 : 17); i++) {
        timer.record(latency);
      }
      clock.advance(Duration.ofSeconds(10));
      meterClock.add(10, TimeUnit.SECONDS);
      List<AlertStatus> statuses = runtime.tick().evaluation().statuses();
      if (!statuses.isEmpty()) {
        last = statuses.get(0);
      }
    }
    return last;
  }

  @Test
  void three_seconds_for_fifteen_minutes_fires_alert_w1_from_the_timer_histogram() {
    AlertRuntime runtime = runtime();
    runtime.tick();

    AlertStatus status = traffic(runtime, Duration.ofSeconds(3), 40);

    assertThat(events).extracting(AlertEvent::kind).containsExactly(AlertEvent.Kind.FIRED);
    AlertEvent fired = events.get(0);
    assertThat(fired.key().ruleId()).isEqualTo("ALERT-W1");
    // Pending from the first poll with 20 requests (the second, at 09:00:20), fired 15 min later.
    assertThat(fired.at()).isEqualTo(START.plus(Duration.ofMinutes(15)).plusSeconds(20));
    // 5 minutes of 100 requests a minute: every request is a sample.
    assertThat(status.evaluation().samples()).isEqualTo(500);
    assertThat(status.evaluation().text()).isEqualTo("p95 > 2 (0 of 500 samples at or below 2)");
  }

  @Test
  void one_point_nine_seconds_never_fires_though_its_bucket_reaches_past_two_seconds() {
    AlertRuntime runtime = runtime();
    runtime.tick();

    AlertStatus status = traffic(runtime, Duration.ofMillis(1900), 40);

    assertThat(events).isEmpty();
    assertThat(status.evaluation().samples()).isEqualTo(500);
    assertThat(status.evaluation().text())
        .isEqualTo("p95 not > 2 (500 of 500 samples at or below 2)");
  }

  @Test
  void a_slow_tail_of_more_than_five_percent_fires_and_a_smaller_one_does_not() {
    AlertRuntime runtime = runtime();
    runtime.tick();

    for (int minute = 0; minute < 25; minute++) {
      mixedMinute(runtime, 96, 4); // 4 of 100 requests slow: p95 is fast
    }
    assertThat(events).isEmpty();

    for (int minute = 0; minute < 25; minute++) {
      mixedMinute(runtime, 90, 10); // 10 of 100 requests slow: p95 is slow
    }
    assertThat(events).extracting(AlertEvent::kind).containsExactly(AlertEvent.Kind.FIRED);
  }

  /** One minute of {@code fast} requests at 150 ms and {@code slow} at 5 s, over six polls. */
  private void mixedMinute(AlertRuntime runtime, int fast, int slow) {
    for (int poll = 0; poll < 6; poll++) {
      for (int i = 0; i < fast / 6 + (poll < fast % 6 ? 1 : 0); i++) {
        timer.record(Duration.ofMillis(150));
      }
      for (int i = 0; i < slow / 6 + (poll < slow % 6 ? 1 : 0); i++) {
        timer.record(Duration.ofSeconds(5));
      }
      clock.advance(Duration.ofSeconds(10));
      meterClock.add(10, TimeUnit.SECONDS);
      runtime.tick();
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
