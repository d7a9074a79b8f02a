package app.omniy.runtime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.silence.NotificationGate;
import app.omniy.core.alert.silence.Silence;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.memory.InMemoryStores;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.Counter;
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

/** Silences and maintenance windows holding the runtime's notifications (ALERT-2). */
class AlertRuntimeSilenceTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  private final SettableClock clock = SettableClock.at(T0);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final Counter failed = registry.counter(MetricNames.POST_ATTEMPTS, "outcome", "failure");

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** Records what it is asked to send; implements the SPI, it stubs nothing of ours. */
  private Notifier recording(String name) {
    return event -> sent.add(name + " " + event.kind() + " " + event.key());
  }

  private AlertRuntime.Builder runtime() {
    return AlertRuntime.builder(
            clock,
            new NotificationDispatcher(
                Map.of(Channel.SLACK, recording("slack"), Channel.EMAIL, recording("email")),
                recording("contact"),
                2,
                Duration.ofMillis(1),
                Duration.ofMillis(2),
                executor))
        .rules(List.of(DefaultAlertRules.MASS_POST_FAILURE))
        .registry(registry);
  }

  /** A minute of failed publish attempts, then a cycle. */
  private AlertRuntime.Cycle failingMinute(AlertRuntime runtime) {
    failed.increment(6);
    clock.advance(Duration.ofMinutes(1));
    return runtime.tick();
  }

  @Test
  void a_silence_holds_the_firing_and_it_notifies_when_the_silence_ends_while_still_firing() {
    AlertRuntime runtime = runtime().build();
    runtime.silence(
        new Silence(
            "db-migration",
            Map.of("id", "ALERT-C4"),
            T0,
            T0.plus(Duration.ofMinutes(10)),
            "owner",
            "planned database migration"));
    runtime.tick();

    AlertRuntime.Cycle fired = failingMinute(runtime);
    failingMinute(runtime);

    assertThat(fired.evaluation().events())
        .extracting(AlertEvent::kind)
        .containsExactly(AlertEvent.Kind.FIRED);
    assertThat(fired.muted())
        .extracting(NotificationGate.Muted::reason, NotificationGate.Muted::cause)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(NotificationGate.Reason.SILENCED, "db-migration"));
    assertThat(sent).isEmpty();

    for (int i = 0; i < 8; i++) {
      failingMinute(runtime);
    }

    assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    assertThat(sent).containsExactlyInAnyOrder("slack FIRED ALERT-C4", "email FIRED ALERT-C4");
  }

  @Test
  void expiring_a_silence_early_releases_the_alert_at_the_next_cycle() {
    AlertRuntime runtime = runtime().build();
    runtime.silence(
        new Silence(
            "s1", Map.of("id", "ALERT-C4"), T0, T0.plus(Duration.ofHours(2)), "owner", "deploy"));
    runtime.tick();
    failingMinute(runtime);
    assertThat(sent).isEmpty();

    assertThat(runtime.expireSilence("s1"))
        .get()
        .extracting(Silence::end)
        .isEqualTo(clock.instant());
    failingMinute(runtime);

    assertThat(sent).containsExactlyInAnyOrder("slack FIRED ALERT-C4", "email FIRED ALERT-C4");
    assertThat(runtime.silences()).singleElement().extracting(Silence::id).isEqualTo("s1");
  }

  @Test
  void a_planned_maintenance_period_silences_every_alert_and_an_incident_period_does_not() {
    DowntimeStore downtime = InMemoryStores.downtime();
    downtime.add(
        DowntimePeriod.of(T0, T0.plus(Duration.ofMinutes(30)), DowntimeCause.PLANNED_MAINTENANCE));
    AlertRuntime runtime = runtime().maintenance(downtime).build();
    runtime.tick();

    AlertRuntime.Cycle fired = failingMinute(runtime);

    assertThat(fired.muted()).hasSize(1);
    assertThat(fired.muted().get(0).cause()).startsWith("maintenance-");
    assertThat(sent).isEmpty();
    assertThat(runtime.silences()).hasSize(1);

    DowntimeStore incidents = InMemoryStores.downtime();
    incidents.add(DowntimePeriod.of(T0, T0.plus(Duration.ofMinutes(30)), DowntimeCause.INCIDENT));
    sent.clear();
    AlertRuntime other = runtime().maintenance(incidents).build();
    other.tick();
    failingMinute(other);
    assertThat(sent).containsExactlyInAnyOrder("slack FIRED ALERT-C4", "email FIRED ALERT-C4");
  }
}
