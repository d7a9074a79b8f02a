package app.omniy.ops.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.security.LoginAnomaly;
import app.omniy.core.security.LoginAnomalySettings;
import app.omniy.core.security.LoginEvent;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.runtime.alert.NotificationDispatcher;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ALERT-I3 end to end: login events → detector → Micrometer counter → alert runtime → notifiers.
 */
class LoginMonitorTest {
  private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final LoginMonitor logins = LoginMonitor.create(LoginAnomalySettings.DEFAULTS, registry);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** Records what it is asked to send; implements the SPI, it stubs nothing of ours. */
  private Notifier recording(String name) {
    return event -> sent.add(name + " " + event.kind() + " " + event.key());
  }

  private AlertRuntime alerts() {
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(
            Map.of(
                Channel.SLACK, recording("slack"),
                Channel.SMS, recording("sms"),
                Channel.EMAIL, recording("email")),
            recording("contact"),
            2,
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            executor);
    return AlertRuntime.builder(clock, dispatcher)
        .rules(DefaultAlertRules.all())
        .registry(registry)
        .build();
  }

  private void failure(String account, String source) {
    logins.record(LoginEvent.failure(account, source, "JP", "ios", clock.instant()));
    clock.advance(Duration.ofSeconds(10));
  }

  @Test
  void a_burst_of_failed_logins_fires_alert_i3_on_slack_and_email() {
    AlertRuntime runtime = alerts();
    runtime.tick(); // primes the registry: nothing counted yet
    for (int i = 0; i < 4; i++) {
      failure("yuki", "203.0.113." + i);
    }
    clock.advance(Duration.ofMinutes(1));
    assertThat(runtime.tick().evaluation().events()).isEmpty();

    failure("yuki", "203.0.113.9");
    clock.advance(Duration.ofMinutes(1));
    AlertRuntime.Cycle cycle = runtime.tick();

    assertThat(cycle.evaluation().events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.kind()).isEqualTo(AlertEvent.Kind.FIRED);
              assertThat(event.key().ruleId()).isEqualTo("ALERT-I3");
            });
    assertThat(sent).containsExactlyInAnyOrder("slack FIRED ALERT-I3", "email FIRED ALERT-I3");
  }

  @Test
  void a_login_from_a_new_country_fires_alert_i3_too() {
    AlertRuntime runtime = alerts();
    runtime.tick();
    logins.record(LoginEvent.success("yuki", "198.51.100.1", "JP", "ios", clock.instant()));
    clock.advance(Duration.ofMinutes(1));
    assertThat(runtime.tick().evaluation().events()).isEmpty();

    logins.record(LoginEvent.success("yuki", "192.0.2.4", "RU", "ios", clock.instant()));
    clock.advance(Duration.ofMinutes(1));

    assertThat(runtime.tick().evaluation().events())
        .extracting(e -> e.kind() + " " + e.key().ruleId())
        .containsExactly("FIRED ALERT-I3");
  }

  @Test
  void each_finding_is_counted_by_kind_and_kept_for_the_scan() {
    Instant start = clock.instant();
    for (int i = 0; i < 5; i++) {
      failure("yuki", "203.0.113.7");
    }

    assertThat(
            registry
                .get(MetricNames.SECURITY_LOGIN_ANOMALIES)
                .tag(LoginMonitor.TAG_KIND, "account-failure-burst")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get(MetricNames.SECURITY_LOGIN_ANOMALIES)
                .tag(LoginMonitor.TAG_KIND, "new-country")
                .counter()
                .count())
        .isZero();
    assertThat(logins.findingsSince(start))
        .extracting(LoginAnomaly::kind)
        .containsExactly(LoginAnomaly.Kind.ACCOUNT_FAILURE_BURST);
    assertThat(logins.findingsSince(clock.instant())).isEmpty();
  }
}
