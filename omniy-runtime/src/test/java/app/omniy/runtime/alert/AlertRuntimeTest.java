package app.omniy.runtime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.Aggregation;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertPhase;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.Comparison;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.MonitoringLayer;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.metrics.MetricNames;
import app.omniy.files.ReloadableRules;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime reading a Micrometer registry on its cycle and dispatching what fires. */
class AlertRuntimeTest {
  private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<String> sent = new CopyOnWriteArrayList<>();
  @TempDir Path dir;

  /** Gauges hold their state weakly: these keep it alive for the whole test. */
  private final AtomicReference<Double> free = new AtomicReference<>(20.0);

  private final AtomicReference<Double> total = new AtomicReference<>(100.0);
  private final AtomicReference<Double> m = new AtomicReference<>(2.0);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** Records what it is asked to send; implements the SPI, it stubs nothing of ours. */
  private Notifier recording(String name) {
    return event -> sent.add(name + " " + event.kind() + " " + event.key());
  }

  private NotificationDispatcher dispatcher() {
    return new NotificationDispatcher(
        Map.of(
            Channel.SLACK, recording("slack"),
            Channel.SMS, recording("sms"),
            Channel.EMAIL, recording("email")),
        recording("contact"),
        2,
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        executor);
  }

  private void minute() {
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void failed_post_attempts_counted_in_micrometer_fire_alert_c4_on_slack_and_email() {
    Counter failed = registry.counter(MetricNames.POST_ATTEMPTS, "outcome", "failure");
    Counter ok = registry.counter(MetricNames.POST_ATTEMPTS, "outcome", "success");
    failed.increment(100); // counted before the runtime watched: not an alert
    AlertRuntime runtime =
        AlertRuntime.builder(clock, dispatcher())
            .rules(List.of(DefaultAlertRules.MASS_POST_FAILURE))
            .registry(registry)
            .build();
    runtime.tick();

    failed.increment(2);
    ok.increment(8);
    minute();
    assertThat(runtime.tick().evaluation().statuses().get(0).evaluation().text())
        .isEqualTo("20% (2 of 10), not > 20%");

    failed.increment(1);
    minute();
    AlertRuntime.Cycle cycle = runtime.tick();

    assertThat(cycle.evaluation().events())
        .extracting(AlertEvent::kind)
        .containsExactly(AlertEvent.Kind.FIRED);
    assertThat(cycle.deliveries()).allSatisfy(d -> assertThat(d.delivered()).isTrue());
    assertThat(sent).containsExactlyInAnyOrder("slack FIRED ALERT-C4", "email FIRED ALERT-C4");
  }

  @Test
  void the_standard_http_timer_feeds_alert_c1_by_status() {
    AlertRuntime runtime =
        AlertRuntime.builder(clock, dispatcher())
            .rules(List.of(DefaultAlertRules.SERVICE_DOWN))
            .registry(registry)
            .build();
    runtime.tick();
    Timer okTimer =
        registry.timer(MetricNames.HTTP_SERVER_REQUESTS, "status", "200", "outcome", "SUCCESS");
    Timer failing =
        registry.timer(
            MetricNames.HTTP_SERVER_REQUESTS, "status", "503", "outcome", "SERVER_ERROR");
    for (int i = 0; i < 40; i++) {
      okTimer.record(Duration.ofMillis(20));
    }
    for (int i = 0; i < 10; i++) {
      failing.record(Duration.ofMillis(5));
    }
    minute();

    AlertRuntime.Cycle cycle = runtime.tick();

    assertThat(cycle.evaluation().statuses().get(0).evaluation().text())
        .startsWith("20% (10 of 50) > 10%");
    assertThat(sent)
        .containsExactlyInAnyOrder(
            "slack FIRED ALERT-C1", "sms FIRED ALERT-C1", "email FIRED ALERT-C1");
  }

  @Test
  void disk_gauges_become_the_storage_usage_of_alert_w3() {
    registry.gauge(
        MetricNames.DISK_FREE, List.of(Tag.of("path", "/data")), free, AtomicReference::get);
    registry.gauge(
        MetricNames.DISK_TOTAL, List.of(Tag.of("path", "/data")), total, AtomicReference::get);
    AlertRuntime runtime =
        AlertRuntime.builder(clock, dispatcher())
            .rules(List.of(DefaultAlertRules.STORAGE))
            .registry(registry)
            .build();

    assertThat(runtime.tick().evaluation().events()).isEmpty();
    free.set(10.0);
    minute();
    AlertRuntime.Cycle cycle = runtime.tick();

    assertThat(cycle.evaluation().events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.key().labels()).containsEntry("path", "/data");
              assertThat(e.evaluation().text()).isEqualTo("latest 0.9 > 0.85");
            });
  }

  @Test
  void an_acknowledged_alert_does_not_escalate_and_a_bad_rule_file_keeps_the_rules()
      throws IOException {
    Path file = dir.resolve("alerts.yaml");
    Files.writeString(
        file,
        "critical:\n  x:\n    id: X\n    metric: m\n    above: 1\n    notify: [slack]\n"
            + "    respond-within: 5m\n");
    AlertRuntime runtime =
        AlertRuntime.builder(clock, dispatcher())
            .rules(ReloadableRules.load(file))
            .registry(registry)
            .build();
    registry.gauge("m", m, AtomicReference::get);
    runtime.tick();
    Files.writeString(file, "critical: {x: 1}\n");

    clock.advance(Duration.ofMinutes(5));
    runtime.acknowledge(new AlertKey("X", Map.of()), "yuki");
    for (int i = 0; i < 10; i++) {
      minute();
      runtime.tick();
    }

    assertThat(runtime.rules()).extracting(r -> r.id()).containsExactly("X");
    assertThat(sent).containsExactly("slack FIRED X");
    minute();
    assertThat(runtime.tick().evaluation().statuses().get(0).phase()).isEqualTo(AlertPhase.FIRING);
  }

  @Test
  void each_rule_is_evaluated_on_its_own_interval_and_the_cycle_is_the_shortest() {
    AlertRule application =
        AlertRule.builder("T-APP")
            .metric("m")
            .channels(Channel.SLACK)
            .every(MonitoringLayer.APPLICATION)
            .build();
    AlertRule external =
        AlertRule.builder("T-EXT")
            .metric("m")
            .channels(Channel.SLACK)
            .every(MonitoringLayer.EXTERNAL)
            .build();
    AlertRuntime runtime =
        AlertRuntime.builder(clock, dispatcher()).rules(List.of(application, external)).build();
    Map<String, Integer> evaluated = new java.util.TreeMap<>();

    for (int i = 0; i < 60; i++) { // 10 minutes of 10-second cycles
      runtime
          .tick()
          .evaluation()
          .statuses()
          .forEach(s -> evaluated.merge(s.key().ruleId(), 1, Integer::sum));
      clock.advance(Duration.ofSeconds(10));
    }

    assertThat(runtime.cycle()).isEqualTo(Duration.ofSeconds(10));
    assertThat(evaluated).containsExactly(Map.entry("T-APP", 60), Map.entry("T-EXT", 2));
  }

  private final AtomicLong logins = new AtomicLong(100);

  @Test
  void a_counter_that_drops_restarted_so_its_new_total_counts_in_full() {
    FunctionCounter.builder(MetricNames.SECURITY_LOGIN_ANOMALIES, logins, AtomicLong::get)
        .register(registry);
    var rule =
        AlertRule.builder("T-RESET")
            .metric(MetricNames.SECURITY_LOGIN_ANOMALIES)
            .aggregation(new Aggregation.Occurrence())
            .when(Comparison.AT_LEAST, "8")
            .channels(Channel.SLACK)
            .build();
    AlertRuntime runtime =
        AlertRuntime.builder(clock, dispatcher()).rules(List.of(rule)).registry(registry).build();
    runtime.tick(); // primes at 100

    logins.set(105);
    minute();
    assertThat(runtime.tick().evaluation().statuses().get(0).evaluation().text())
        .startsWith("5 events, not ≥ 8");
    logins.set(3); // the process restarted: 3 new events since
    minute();

    assertThat(runtime.tick().evaluation().statuses().get(0).evaluation().text())
        .isEqualTo("8 events ≥ 8");
    assertThat(sent).containsExactly("slack FIRED T-RESET");
  }
}
