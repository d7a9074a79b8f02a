package app.omniy.runtime;

import static app.omniy.runtime.RuntimeFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.post.PostState;
import app.omniy.testkit.Await;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The runtime's configuration: checked once, naming the field at fault, then fixed. */
class OmniyConfigTest {
  private static final Instant T0 = Instant.parse("2026-11-28T14:00:00Z");

  private static OmniyConfig valid() {
    return Omniy.builder().publisher(new ScriptedPublisher()).config();
  }

  private static void rejects(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith(field)
        .extracting(e -> ((InvalidValueException) e).field())
        .isEqualTo(field);
  }

  private static OmniyConfig copy(
      OmniyConfig c,
      List<DispatchListener> listeners,
      int threads,
      Duration pollInterval,
      Map<Channel, Notifier> notifiers,
      Duration alertEvery) {
    return new OmniyConfig(
        c.store(),
        c.publisher(),
        c.clock(),
        c.validator(),
        c.settings(),
        listeners,
        threads,
        pollInterval,
        c.slowAttempt(),
        c.shutdownGrace(),
        c.meterRegistry(),
        c.metricNaming(),
        c.healthThresholds(),
        c.lastBackup(),
        notifiers,
        c.escalationContact(),
        c.alertRules(),
        c.alertRuleSource(),
        c.alertStateStore(),
        alertEvery,
        c.supportTickets(),
        c.supportDeadlines(),
        c.maintenance(),
        c.probes(),
        c.uptimeRobot(),
        c.heartbeat(),
        c.controls(),
        c.downtime(),
        c.incidentStore(),
        c.incidents(),
        c.mitigations(),
        c.mitigationActions(),
        c.incidentListeners(),
        c.extensions(),
        c.schedulingQuota());
  }

  private static OmniyConfig copy(OmniyConfig c) {
    return copy(c, c.listeners(), c.threads(), c.pollInterval(), c.notifiers(), c.alertEvery());
  }

  @Test
  void the_builder_names_the_missing_publisher_before_anything_starts() {
    rejects(() -> Omniy.builder().config(), "publisher");
    rejects(() -> Omniy.builder().start(), "publisher");
  }

  @Test
  void each_invalid_field_is_named_in_the_message() {
    OmniyConfig c = valid();
    List<DispatchListener> withNull = new ArrayList<>();
    withNull.add(new DispatchListener() {});
    withNull.add(null);
    Map<Channel, Notifier> noNotifier = new HashMap<>();
    noNotifier.put(Channel.SLACK, null);

    rejects(
        () -> copy(c, c.listeners(), 0, c.pollInterval(), c.notifiers(), c.alertEvery()),
        "threads");
    rejects(
        () -> copy(c, c.listeners(), 1025, c.pollInterval(), c.notifiers(), c.alertEvery()),
        "threads");
    rejects(
        () -> copy(c, c.listeners(), 4, Duration.ZERO, c.notifiers(), c.alertEvery()),
        "pollInterval");
    rejects(
        () -> copy(c, c.listeners(), 4, c.pollInterval(), c.notifiers(), Duration.ofSeconds(-1)),
        "alertEvery");
    rejects(
        () -> copy(c, withNull, 4, c.pollInterval(), c.notifiers(), c.alertEvery()),
        "listeners[1]");
    rejects(
        () -> copy(c, c.listeners(), 4, c.pollInterval(), noNotifier, c.alertEvery()),
        "notifiers[SLACK]");
    rejects(() -> copy(c, null, 4, c.pollInterval(), c.notifiers(), c.alertEvery()), "listeners");
    rejects(() -> Omniy.start(null), "config");
    assertThat(copy(c)).isEqualTo(c);
  }

  @Test
  void a_health_threshold_of_zero_or_down_below_degraded_is_named() {
    rejects(() -> HealthThresholds.DEFAULTS.withDispatcherDown(Duration.ZERO), "dispatcherDown");
    rejects(
        () -> HealthThresholds.DEFAULTS.withLatenessDegraded(Duration.ofSeconds(-5)),
        "latenessDegraded");
    rejects(
        () -> HealthThresholds.DEFAULTS.withOldestDue(Duration.ofMinutes(5), Duration.ofMinutes(1)),
        "oldestDueDown");
  }

  @Test
  void the_configuration_is_a_copy_the_builder_cannot_change_afterwards() {
    Omniy.Builder builder = Omniy.builder().publisher(new ScriptedPublisher());
    OmniyConfig before = builder.config();
    builder.listener(new DispatchListener() {}).threads(8);

    assertThat(before.listeners()).isEmpty();
    assertThat(before.threads()).isEqualTo(4);
    assertThat(builder.config().listeners()).hasSize(1);
    assertThatThrownBy(() -> before.listeners().add(new DispatchListener() {}))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> before.notifiers().put(Channel.SLACK, alert -> {}))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void a_started_runtime_tells_the_configuration_it_runs_with_and_the_defaults_are_unchanged() {
    OmniyConfig config = Omniy.builder().publisher(new ScriptedPublisher()).threads(2).config();
    Omniy omniy = Omniy.start(config);
    try {
      assertThat(omniy.config()).isSameAs(config);
      assertThat(omniy.store()).isSameAs(config.store());
      assertThat(omniy.meterRegistry()).isSameAs(config.meterRegistry());
      assertThat(omniy.claimLimit()).isEqualTo(2);
      assertThat(omniy.alerts()).isEmpty(); // no notifier, no escalation contact
      assertThat(config.alertsEnabled()).isFalse();
    } finally {
      omniy.close();
    }
    OmniyConfig defaults = valid();
    assertThat(defaults.threads()).isEqualTo(4);
    assertThat(defaults.pollInterval()).isEqualTo(Duration.ofMillis(10));
    assertThat(defaults.slowAttempt()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.alertEvery()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.metricNaming()).isSameAs(MetricNaming.DEFAULT);
    assertThat(defaults.healthThresholds()).isEqualTo(HealthThresholds.DEFAULTS);
    assertThat(HealthThresholds.DEFAULTS.dispatcherDown()).isEqualTo(Duration.ofSeconds(30));
    assertThat(HealthThresholds.DEFAULTS.latenessDegraded()).isEqualTo(Duration.ofMinutes(1));
  }

  /** A first attempt 45 s late: UP under the default 1 min, DEGRADED under a 30 s threshold. */
  private static HealthCheck latenessOfAnAttempt45sLate(HealthThresholds thresholds) {
    SettableClock clock = SettableClock.at(T0);
    Omniy omniy =
        Omniy.start(
            Omniy.builder()
                .publisher(new ScriptedPublisher())
                .clock(clock)
                .healthThresholds(thresholds)
                .config());
    try {
      omniy.store().insert(post("p1", "acct", T0.plusSeconds(10)), T0);
      clock.set(T0.plusSeconds(55));
      Await.until(
          "p1 is published",
          () -> omniy.store().find("p1").orElseThrow().state() == PostState.PUBLISHED);
      return omniy.health().checks().stream()
          .filter(c -> c.name().equals("lateness"))
          .findFirst()
          .orElseThrow();
    } finally {
      omniy.close();
    }
  }

  @Test
  void a_lateness_threshold_set_in_the_configuration_changes_the_health_report() {
    HealthCheck byDefault = latenessOfAnAttempt45sLate(HealthThresholds.DEFAULTS);
    HealthCheck stricter =
        latenessOfAnAttempt45sLate(
            HealthThresholds.DEFAULTS.withLatenessDegraded(Duration.ofSeconds(30)));

    assertThat(byDefault)
        .isEqualTo(
            new HealthCheck(
                "lateness",
                HealthStatus.UP,
                "last first attempt started PT45S after its publish time"));
    assertThat(stricter.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(stricter.detail()).isEqualTo(byDefault.detail());
  }
}
