package app.omniy.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.incident.IncidentUpdate;
import app.omniy.core.incident.Milestone;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaTarget;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.runtime.alert.NotificationDispatcher;
import app.omniy.runtime.incident.IncidentEvent;
import app.omniy.runtime.incident.IncidentRuntime;
import app.omniy.runtime.incident.Mitigation;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * INC-2 and INC-4 across a crash, on Firestore: a runtime opens an ALERT-C1 incident for a
 * 120-minute outage and pauses publishing, then dies mid-incident; a new runtime on the same stores
 * (alert state, incidents, downtime, controls) hears the alert resolve, lifts the pause and records
 * 7,200 s of downtime — the outage, not the alert's fire to resolve.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreIncidentTakeoverTest {
  private static final Instant T0 = Instant.parse("2026-04-15T01:00:00Z"); // 10:00 JST
  private static final Instant OUTAGE_START = T0.plus(Duration.ofMinutes(10));
  private static final Instant OUTAGE_END = OUTAGE_START.plus(Duration.ofMinutes(120));

  private final EmulatorStores stores;
  private final FirestoreStoreOptions options;
  private final SettableClock clock = SettableClock.at(T0);
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final FirestoreControlStore controls;

  FirestoreIncidentTakeoverTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
    options = stores.fresh();
    controls = new FirestoreControlStore(options);
  }

  @AfterEach
  void disconnect() throws Exception {
    executor.shutdownNow();
    stores.close();
  }

  /** One runtime's alert and incident engines, each on its own Firestore handles. */
  private final class Runtime {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Counter failed =
        registry.counter(MetricNames.HTTP_SERVER_REQUESTS, MetricNames.TAG_STATUS, "503");
    final Counter ok =
        registry.counter(MetricNames.HTTP_SERVER_REQUESTS, MetricNames.TAG_STATUS, "200");
    final Mitigation pause =
        Mitigation.pausePublishing(
            reason -> new FirestoreControlStore(options).pause(reason),
            () -> new FirestoreControlStore(options).resume());
    final AlertRuntime alerts =
        AlertRuntime.builder(
                clock, new NotificationDispatcher(Map.of(), null, 0, ms(1), ms(2), executor))
            .rules(List.of(DefaultAlertRules.SERVICE_DOWN))
            .store(new FirestoreAlertStateStore(options))
            .registry(registry)
            .build();
    final IncidentRuntime incidents =
        IncidentRuntime.builder(clock)
            .store(new FirestoreIncidentStore(options))
            .downtime(new FirestoreDowntimeStore(options))
            .alertStates(new FirestoreAlertStateStore(options))
            .liftable(pause)
            .build();

    /** Minute by minute up to {@code end}: last minute's requests, an alert cycle, a check. */
    void runUntil(Instant end) {
      while (clock.instant().isBefore(end)) {
        clock.advance(Duration.ofMinutes(1));
        Instant lastMinute = clock.instant().minus(Duration.ofMinutes(1));
        boolean down = !lastMinute.isBefore(OUTAGE_START) && lastMinute.isBefore(OUTAGE_END);
        (down ? failed : ok).increment(12);
        List<AlertEvent> events = alerts.tick().evaluation().events();
        for (IncidentEvent happened : incidents.onAlerts(events)) {
          if (happened.kind() == IncidentEvent.Kind.OPENED) {
            incidents.mitigate(happened.incident().id(), pause); // INC-4, by rule
          }
        }
        incidents.tick();
      }
    }
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Test
  void a_runtime_killed_mid_incident_is_replaced_and_the_ledger_gets_the_outage_exactly() {
    Runtime first = new Runtime();
    first.runUntil(T0.plus(Duration.ofMinutes(60)));

    List<Incident> open = new FirestoreIncidentStore(options).unresolved();
    assertThat(open).hasSize(1);
    Incident during = open.get(0);
    assertThat(during.severity()).isEqualTo(IncidentSeverity.SEV1);
    assertThat(during.signalStart()).isEqualTo(OUTAGE_START);
    assertThat(during.mitigations()).containsExactly("pause publishing");
    assertThat(controls.read().paused()).isPresent();

    // The first runtime dies here: nothing of it is used again.
    Runtime second = new Runtime();
    second.runUntil(OUTAGE_END.plus(Duration.ofMinutes(20)));

    Incident after = new FirestoreIncidentStore(options).find(during.id()).orElseThrow();
    assertThat(after.at(Milestone.OCCURRED)).contains(OUTAGE_START);
    assertThat(after.at(Milestone.RECOVERED)).contains(OUTAGE_END);
    assertThat(after.mitigations()).isEmpty();
    assertThat(after.updates())
        .extracting(IncidentUpdate::kind)
        .contains(IncidentUpdate.Kind.LIFTED, IncidentUpdate.Kind.ESCALATED);
    assertThat(after.updates())
        .filteredOn(u -> u.kind() == IncidentUpdate.Kind.ESCALATED)
        .as("escalated once, by the first runtime (INC-1)")
        .hasSize(1);
    assertThat(controls.read().paused()).isEmpty();
    SlaMonth april = SlaMonth.of(YearMonth.of(2026, 4));
    assertThat(
            new FirestoreDowntimeStore(options)
                .ledger(april.range())
                .downtimeSeconds(SlaTarget.SYSTEM, april.range()))
        .isEqualTo(7_200);
    assertThat(new FirestoreIncidentStore(options).openDuring(T0, clock.instant())).hasSize(1);
  }
}
