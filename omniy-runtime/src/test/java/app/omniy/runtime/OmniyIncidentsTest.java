package app.omniy.runtime;

import static app.omniy.runtime.RuntimeFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.incident.Milestone;
import app.omniy.core.memory.InMemoryIncidentStore;
import app.omniy.core.memory.InMemoryStores;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.PostState;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.core.spi.Stores;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.runtime.incident.IncidentEvent;
import app.omniy.runtime.incident.IncidentRuntime;
import app.omniy.runtime.incident.Mitigation;
import app.omniy.runtime.incident.Mitigations;
import app.omniy.testkit.Await;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One builder, one engine: the alert cycle of the runtime {@code Omniy.builder()} starts opens the
 * incident, applies the mitigation declared for the rule, resumes on recovery and records the
 * downtime in the ledger (ALERT-C1, INC-1 … INC-4).
 */
class OmniyIncidentsTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  private final SettableClock clock = SettableClock.at(T0);
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final ScriptedPublisher publisher = new ScriptedPublisher();
  private final DowntimeStore ledger = InMemoryStores.downtime();
  private final InMemoryIncidentStore incidentStore = new InMemoryIncidentStore();
  private final List<String> notified = new CopyOnWriteArrayList<>();
  private final List<IncidentEvent> heard = new CopyOnWriteArrayList<>();
  private final Timer ok =
      registry.timer("http.server.requests", "status", "200", "outcome", "SUCCESS");
  private final Timer failing =
      registry.timer("http.server.requests", "status", "503", "outcome", "SERVER_ERROR");
  private Omniy omniy;

  private Omniy.Builder builder() {
    Omniy.Builder builder =
        Omniy.builder()
            .publisher(publisher)
            .clock(clock)
            .meterRegistry(registry)
            // The host drives the cycles below; the engine's own minute never comes in the test.
            .alertEvery(Duration.ofHours(1))
            .downtime(ledger)
            .incidents(i -> i.store(incidentStore))
            .incidentListener(heard::add);
    for (Channel channel : Channel.values()) {
      builder.notifier(channel, event -> notified.add(channel + " " + event.kind() + " " + event));
    }
    return builder;
  }

  @AfterEach
  void stop() {
    if (omniy != null) {
      omniy.close();
    }
  }

  /** The first cycle primes the meters; the next sees 30 answers of 503: ALERT-C1 fires. */
  private AlertRuntime.Cycle outage(AlertRuntime alerts) {
    alerts.tick();
    clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 30; i++) {
      failing.record(Duration.ofMillis(20));
    }
    return alerts.tick();
  }

  /** Six minutes of good answers, a cycle each: the 5-minute window clears, the alert resolves. */
  private void recovery(AlertRuntime alerts) {
    for (int minute = 0; minute < 6; minute++) {
      clock.advance(Duration.ofMinutes(1));
      for (int i = 0; i < 50; i++) {
        ok.record(Duration.ofMillis(20));
      }
      alerts.tick();
    }
  }

  @Test
  void a_service_outage_opens_a_sev1_incident_that_pauses_publishing_until_it_recovers() {
    omniy = builder().start();
    AlertRuntime alerts = omniy.alerts().orElseThrow();
    IncidentRuntime incidents = omniy.incidents().orElseThrow();

    outage(alerts);
    boolean pausedDuringOutage = omniy.paused().isPresent();
    omniy.store().insert(post("p1", "acct", clock.instant()), clock.instant());
    boolean waitedWhilePaused =
        omniy.store().find("p1").orElseThrow().state() != PostState.PUBLISHED;
    recovery(alerts);

    assertThat(heard)
        .extracting(IncidentEvent::kind)
        .startsWith(
            IncidentEvent.Kind.OPENED, IncidentEvent.Kind.RESPONDED, IncidentEvent.Kind.MITIGATED)
        .contains(IncidentEvent.Kind.RECOVERED);
    Incident incident = incidents.opened().get(0);
    assertThat(incidents.opened()).hasSize(1);
    assertThat(incident.severity()).isEqualTo(IncidentSeverity.SEV1);
    assertThat(incident.at(Milestone.MITIGATED)).isPresent();
    assertThat(incident.at(Milestone.RECOVERED)).isPresent();
    assertThat(incidentStore.find(incident.id())).contains(incident); // the host's store
    assertThat(pausedDuringOutage).isTrue();
    assertThat(waitedWhilePaused).isTrue();
    assertThat(omniy.paused()).as("resumed on recovery").isEmpty();
    Await.until(
        "p1 goes out once publishing resumes",
        () -> omniy.store().find("p1").orElseThrow().state() == PostState.PUBLISHED);
    SlaMonth april = SlaMonth.of(YearMonth.of(2026, 4));
    assertThat(omniy.downtime()).isSameAs(ledger);
    assertThat(ledger.ledger(april.range()).downtimeSeconds(SlaTarget.SYSTEM, april.range()))
        .isPositive();
    // The one engine notified the alert and its resolve on every channel the rule names.
    assertThat(notified)
        .anyMatch(n -> n.startsWith("SMS FIRED"))
        .anyMatch(n -> n.startsWith("SLACK RESOLVED"));
  }

  private static long alertEngines() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("omniy-alerts"))
        .count();
  }

  @Test
  void a_host_with_a_notifier_gets_one_engine_whose_cycles_reach_the_incidents() {
    Await.until("no engine of an earlier test is left", () -> alertEngines() == 0);
    omniy =
        Omniy.builder()
            .publisher(publisher)
            .clock(clock)
            .meterRegistry(registry)
            .alertEvery(Duration.ofHours(1))
            .notifier(Channel.SLACK, event -> notified.add("SLACK " + event.kind()))
            .start();

    outage(omniy.alerts().orElseThrow());

    assertThat(alertEngines()).isEqualTo(1);
    assertThat(notified).containsExactly("SLACK FIRED");
    assertThat(omniy.incidents().orElseThrow().opened())
        .singleElement()
        .satisfies(i -> assertThat(i.title()).startsWith(DefaultAlertRules.SERVICE_DOWN.id()));
    assertThat(omniy.paused()).isPresent(); // the guide's default: ALERT-C1 pauses publishing
  }

  /** A host's mitigation that counts how often it was applied and lifted. */
  private static Mitigation notice(AtomicInteger applied, AtomicInteger lifted) {
    return new Mitigation() {
      @Override
      public String name() {
        return "status-page notice";
      }

      @Override
      public void apply(Incident incident) {
        applied.incrementAndGet();
      }

      @Override
      public void lift(Incident incident) {
        lifted.incrementAndGet();
      }
    };
  }

  @Test
  void mitigations_are_declared_by_rule_id_and_a_host_names_its_own() {
    AtomicInteger lifted = new AtomicInteger();
    AtomicInteger notices = new AtomicInteger();
    Mitigation notice = notice(notices, lifted);
    omniy =
        builder()
            .mitigation("post-notice", notice)
            .mitigations(Mitigations.none().on("ALERT-C1", "post-notice"))
            .start();
    AlertRuntime alerts = omniy.alerts().orElseThrow();

    outage(alerts);
    boolean paused = omniy.paused().isPresent();
    int appliedDuringOutage = notices.get();
    recovery(alerts);

    assertThat(paused).as("pausing was not declared").isFalse();
    assertThat(appliedDuringOutage).isEqualTo(1);
    assertThat(lifted.get()).isEqualTo(1);
    assertThat(Mitigations.GUIDE.forCause("ALERT-C1")).containsExactly("pause-publishing");
    assertThat(Mitigations.GUIDE.forCause("ALERT-C2")).isEmpty();
  }

  @Test
  void a_declared_mitigation_nobody_defines_is_refused_before_anything_starts() {
    assertThatThrownBy(
            () -> builder().mitigations(Mitigations.GUIDE.on("ALERT-C2", "roll-back")).config())
        .isInstanceOf(InvalidValueException.class)
        .extracting(e -> ((InvalidValueException) e).field())
        .isEqualTo("mitigations[ALERT-C2]");
    assertThatThrownBy(
            () ->
                builder()
                    .mitigation(
                        Mitigations.PAUSE_PUBLISHING,
                        notice(new AtomicInteger(), new AtomicInteger()))
                    .config())
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void one_set_of_stores_holds_the_posts_alert_state_incidents_ledger_and_watched_tickets() {
    Stores stores = InMemoryStores.all();
    omniy =
        Omniy.builder()
            .publisher(publisher)
            .clock(clock)
            .meterRegistry(registry)
            .alertEvery(Duration.ofHours(1))
            .stores(stores)
            .notifier(Channel.SLACK, event -> notified.add("SLACK " + event.kind()))
            .start();

    outage(omniy.alerts().orElseThrow());

    assertThat(omniy.store()).isSameAs(stores.posts());
    assertThat(omniy.downtime()).isSameAs(stores.downtime());
    assertThat(omniy.config().alertStateStore()).isSameAs(stores.alertStates());
    assertThat(stores.incidents().unresolved()).hasSize(1);
    assertThat(registry.find(MetricNames.SUPPORT_OVERDUE).gauges()).isNotEmpty(); // SUP-1
  }

  @Test
  void incidents_alone_start_the_engine_and_without_either_nothing_evaluates() {
    omniy = Omniy.builder().publisher(publisher).incidents(i -> {}).start();
    assertThat(omniy.alerts()).isPresent();
    assertThat(omniy.incidents()).isPresent();
    omniy.close();

    omniy = Omniy.builder().publisher(publisher).start();
    assertThat(omniy.alerts()).isEmpty();
    assertThat(omniy.incidents()).isEmpty();
    assertThat(omniy.downtime()).isNotNull();
  }

  @Test
  void an_extension_starts_with_the_runtime_and_closes_before_it() {
    List<String> lifecycle = new CopyOnWriteArrayList<>();
    omniy =
        Omniy.builder()
            .publisher(publisher)
            .extension(
                started -> {
                  lifecycle.add("started on " + started.downtime().getClass().getSimpleName());
                  return () -> lifecycle.add("closed");
                })
            .start();
    omniy.close();
    omniy = null;

    assertThat(lifecycle).containsExactly("started on InMemoryDowntimeStore", "closed");
  }
}
