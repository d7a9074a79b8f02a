package app.omniy.runtime.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertPhase;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.AlertSignal;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.DefaultAlertRules;
import app.omniy.core.alert.Evaluation;
import app.omniy.core.alert.spi.AlertState;
import app.omniy.core.alert.spi.Notifier;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.incident.IncidentUpdate;
import app.omniy.core.incident.Milestone;
import app.omniy.core.incident.RcaDocument;
import app.omniy.core.memory.InMemoryDowntimeStore;
import app.omniy.core.memory.InMemoryIncidentStore;
import app.omniy.core.memory.InMemoryStores;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaTarget;
import app.omniy.runtime.alert.NotificationDispatcher;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The incident runtime on a settable clock (INC-1 … INC-4). */
class IncidentRuntimeTest {
  private static final Instant FIRED = Instant.parse("2026-04-15T05:02:00Z"); // 14:02 JST

  private final SettableClock clock = SettableClock.at(FIRED);
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final InMemoryDowntimeStore downtime = new InMemoryDowntimeStore();
  private final IncidentRuntime incidents =
      IncidentRuntime.builder(clock).downtime(downtime).notifications(dispatcher()).build();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** Records what it is asked to send: the Notifier SPI, nothing of ours stubbed. */
  private NotificationDispatcher dispatcher() {
    Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      notifiers.put(channel, event -> sent.add(channel + " " + event.kind() + " " + event.key()));
    }
    Notifier contact = event -> sent.add("contact " + event.kind() + " " + event.key());
    return new NotificationDispatcher(
        notifiers, contact, 0, Duration.ofMillis(1), Duration.ofMillis(2), executor);
  }

  private static AlertEvent event(AlertEvent.Kind kind, AlertRule rule, Instant at) {
    return new AlertEvent(
        kind,
        rule,
        new AlertKey(rule.id(), Map.of()),
        at,
        FIRED,
        new Evaluation(Evaluation.Outcome.HOLDS, null, 200, "100% (200 of 200) > 10%"),
        rule.channels(),
        false,
        null);
  }

  private String openServiceDown() {
    List<IncidentEvent> opened =
        incidents.onAlerts(
            List.of(event(AlertEvent.Kind.FIRED, DefaultAlertRules.SERVICE_DOWN, FIRED)));
    assertThat(opened).hasSize(1);
    return opened.get(0).incident().id();
  }

  @Test
  void a_firing_alert_c1_opens_a_sev1_incident_detected_when_it_fired() {
    String id = openServiceDown();

    Incident incident = incidents.find(id).orElseThrow();
    assertThat(id).isEqualTo("INC-20260415-1402");
    assertThat(incident.severity()).isEqualTo(IncidentSeverity.SEV1);
    assertThat(incident.title()).isEqualTo("ALERT-C1 サービス停止");
    assertThat(incident.at(Milestone.DETECTED)).contains(FIRED);
    assertThat(incident.due(Milestone.RESPONDED)).isEqualTo(FIRED.plus(Duration.ofMinutes(15)));
  }

  @Test
  void the_same_alert_repeating_opens_no_second_incident_and_warnings_open_none() {
    openServiceDown();
    clock.advance(Duration.ofHours(4));

    var more =
        incidents.onAlerts(
            List.of(
                event(AlertEvent.Kind.REPEATED, DefaultAlertRules.SERVICE_DOWN, clock.instant()),
                event(AlertEvent.Kind.FIRED, DefaultAlertRules.CPU, clock.instant())));

    assertThat(more).isEmpty();
    assertThat(incidents.opened()).hasSize(1);
  }

  @Test
  void the_alert_resolving_recovers_the_incident_and_feeds_its_downtime_to_the_ledger() {
    String id = openServiceDown();
    Instant back = FIRED.plus(Duration.ofMinutes(50));
    clock.set(back);

    var events =
        incidents.onAlerts(
            List.of(event(AlertEvent.Kind.RESOLVED, DefaultAlertRules.SERVICE_DOWN, back)));

    assertThat(events).extracting(IncidentEvent::kind).contains(IncidentEvent.Kind.RECOVERED);
    assertThat(incidents.find(id).orElseThrow().at(Milestone.RECOVERED)).contains(back);
    SlaMonth april = SlaMonth.of(YearMonth.of(2026, 4));
    assertThat(downtime.ledger(april.range()).downtimeSeconds(SlaTarget.SYSTEM, april.range()))
        .isEqualTo(50 * 60);
  }

  @Test
  void a_mass_post_failure_is_a_sev2_that_is_not_downtime() {
    var opened =
        incidents.onAlerts(
            List.of(event(AlertEvent.Kind.FIRED, DefaultAlertRules.MASS_POST_FAILURE, FIRED)));
    clock.advance(Duration.ofMinutes(20));
    incidents.onAlerts(
        List.of(
            event(AlertEvent.Kind.RESOLVED, DefaultAlertRules.MASS_POST_FAILURE, clock.instant())));

    assertThat(opened.get(0).incident().severity()).isEqualTo(IncidentSeverity.SEV2);
    assertThat(incidents.find(opened.get(0).incident().id()).orElseThrow().at(Milestone.RECOVERED))
        .isPresent();
    assertThat(downtime.overlapping(SlaMonth.of(YearMonth.of(2026, 4)).range())).isEmpty();
  }

  @Test
  void a_response_exactly_at_the_15_minute_deadline_is_on_time() {
    String id = openServiceDown();
    clock.set(FIRED.plus(Duration.ofMinutes(15)));

    var events = new ArrayList<>(incidents.tick());
    events.addAll(incidents.respond(id, "yuki"));

    assertThat(events)
        .extracting(IncidentEvent::kind)
        .containsExactly(IncidentEvent.Kind.RESPONDED);
    assertThat(sent).isEmpty();
  }

  @Test
  void a_response_target_missed_by_a_second_is_notified_once() {
    openServiceDown();
    clock.set(FIRED.plus(Duration.ofMinutes(15)).plusSeconds(1));

    var first = incidents.tick();
    clock.advance(Duration.ofMinutes(1));
    var second = incidents.tick();

    assertThat(first).extracting(IncidentEvent::kind).containsExactly(IncidentEvent.Kind.BREACHED);
    assertThat(first.get(0).detail()).startsWith("responded due 2026-04-15T05:17:00Z");
    assertThat(second).isEmpty();
    assertThat(sent)
        .containsExactlyInAnyOrder(
            "SLACK FIRED INC-2{incident=INC-20260415-1402}",
            "EMAIL FIRED INC-2{incident=INC-20260415-1402}");
  }

  @Test
  void a_sev1_unresolved_30_minutes_after_detection_escalates_once_on_every_channel() {
    String id = openServiceDown();
    incidents.respond(id, "yuki");
    clock.set(FIRED.plus(Duration.ofMinutes(30)));
    assertThat(incidents.tick()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    var escalated = incidents.tick();
    clock.advance(Duration.ofMinutes(5));
    var later = incidents.tick();

    assertThat(escalated)
        .extracting(IncidentEvent::kind)
        .containsExactly(IncidentEvent.Kind.ESCALATED);
    assertThat(later).isEmpty();
    assertThat(sent)
        .containsExactlyInAnyOrder(
            "SLACK ESCALATED INC-1{incident=" + id + "}",
            "SMS ESCALATED INC-1{incident=" + id + "}",
            "EMAIL ESCALATED INC-1{incident=" + id + "}",
            "contact ESCALATED INC-1{incident=" + id + "}");
  }

  @Test
  void pausing_publishing_mitigates_and_recovery_resumes_it() {
    List<String> switches = new ArrayList<>();
    Mitigation pause =
        Mitigation.pausePublishing(
            reason -> switches.add("pause: " + reason), () -> switches.add("resume"));
    String id = openServiceDown();
    clock.advance(Duration.ofMinutes(10));

    var mitigated = incidents.mitigate(id, pause);
    clock.advance(Duration.ofMinutes(20));
    incidents.onAlerts(
        List.of(event(AlertEvent.Kind.RESOLVED, DefaultAlertRules.SERVICE_DOWN, clock.instant())));

    assertThat(mitigated)
        .extracting(IncidentEvent::kind)
        .containsExactly(IncidentEvent.Kind.RESPONDED, IncidentEvent.Kind.MITIGATED);
    assertThat(switches).containsExactly("pause: incident " + id + ": ALERT-C1 サービス停止", "resume");
    Incident incident = incidents.find(id).orElseThrow();
    assertThat(incident.at(Milestone.MITIGATED)).contains(FIRED.plus(Duration.ofMinutes(10)));
    assertThat(incident.breaches(clock.instant())).isEmpty();
  }

  @Test
  void an_incident_opened_by_hand_without_downtime_adds_nothing_to_the_ledger() {
    IncidentEvent opened =
        incidents.open(
            "UI broken for some users", IncidentSeverity.SEV3, SlaTarget.SYSTEM, FIRED, false);
    clock.advance(Duration.ofHours(1));

    var done = incidents.resolve(opened.incident().id(), "CSS fixed");

    assertThat(done)
        .extracting(IncidentEvent::kind)
        .containsExactly(IncidentEvent.Kind.RECOVERED, IncidentEvent.Kind.RESOLVED);
    assertThat(downtime.overlapping(SlaMonth.of(YearMonth.of(2026, 4)).range())).isEmpty();
    assertThat(incidents.tick()).isEmpty();
  }

  @Test
  void the_rca_is_prefilled_in_japanese_or_english_with_the_breached_recovery() {
    String id = openServiceDown();
    clock.advance(Duration.ofMinutes(5));
    incidents.respond(id, "yuki");
    clock.set(FIRED.plus(Duration.ofMinutes(120)));
    incidents.onAlerts(
        List.of(event(AlertEvent.Kind.RESOLVED, DefaultAlertRules.SERVICE_DOWN, clock.instant())));

    assertThat(incidents.rca(id))
        .startsWith("# インシデント報告: " + id)
        .contains("機能停止時間: 120分", "復旧 期限 2026-04-15 15:02");
    assertThat(incidents.rca(id, RcaDocument.Language.EN))
        .contains("Downtime: 120 min", "Recovered due 2026-04-15 15:02");
  }

  private static AlertEvent signalled(
      AlertEvent.Kind kind, Instant at, @Nullable Instant start, @Nullable Instant end) {
    return event(kind, DefaultAlertRules.SERVICE_DOWN, at).withSignal(new AlertSignal(start, end));
  }

  private long aprilDowntimeSeconds() {
    SlaMonth april = SlaMonth.of(YearMonth.of(2026, 4));
    return downtime.ledger(april.range()).downtimeSeconds(SlaTarget.SYSTEM, april.range());
  }

  @Test
  void downtime_runs_from_the_first_bad_interval_to_the_first_good_one_not_fire_to_resolve() {
    Instant bad = FIRED.minus(Duration.ofMinutes(1));
    Instant good = bad.plus(Duration.ofMinutes(41));
    Instant resolved = good.plus(Duration.ofMinutes(5));
    var opened = incidents.onAlerts(List.of(signalled(AlertEvent.Kind.FIRED, FIRED, bad, null)));
    String id = opened.get(0).incident().id();
    clock.set(resolved);

    incidents.onAlerts(List.of(signalled(AlertEvent.Kind.RESOLVED, resolved, bad, good)));

    Incident incident = incidents.find(id).orElseThrow();
    assertThat(incident.at(Milestone.OCCURRED)).contains(bad);
    assertThat(incident.at(Milestone.DETECTED)).contains(FIRED);
    assertThat(incident.at(Milestone.RECOVERED)).contains(good);
    assertThat(incident.signalStart()).isEqualTo(bad);
    assertThat(incident.signalEnd()).isEqualTo(good);
    assertThat(aprilDowntimeSeconds()).isEqualTo(2_460);
  }

  @Test
  void a_runtime_replacing_a_killed_one_finishes_the_incident_from_the_store() {
    InMemoryIncidentStore store = new InMemoryIncidentStore();
    List<String> switches = new ArrayList<>();
    Mitigation pause =
        Mitigation.pausePublishing(reason -> switches.add("pause"), () -> switches.add("resume"));
    IncidentRuntime first = IncidentRuntime.builder(clock).store(store).downtime(downtime).build();
    Instant bad = FIRED.minus(Duration.ofMinutes(1));
    String id =
        first
            .onAlerts(List.of(signalled(AlertEvent.Kind.FIRED, FIRED, bad, null)))
            .get(0)
            .incident()
            .id();
    clock.advance(Duration.ofMinutes(10));
    first.mitigate(id, pause);
    clock.set(FIRED.plus(Duration.ofMinutes(15)).plusSeconds(1));
    assertThat(first.tick()).extracting(IncidentEvent::kind).isEmpty();
    clock.set(FIRED.plus(Duration.ofMinutes(31)));
    assertThat(first.tick()).extracting(IncidentEvent::kind).contains(IncidentEvent.Kind.ESCALATED);

    // The first runtime is gone; a new one on the same stores hears the resolve, knowing the end
    // of the signal only.
    IncidentRuntime second =
        IncidentRuntime.builder(clock).store(store).downtime(downtime).liftable(pause).build();
    clock.set(FIRED.plus(Duration.ofMinutes(125)));
    // Escalated already: the new runtime does not escalate again; the recovery target is new.
    assertThat(second.tick())
        .extracting(IncidentEvent::kind)
        .containsExactly(IncidentEvent.Kind.BREACHED);
    Instant good = bad.plus(Duration.ofMinutes(120));
    second.onAlerts(List.of(signalled(AlertEvent.Kind.RESOLVED, clock.instant(), null, good)));

    Incident incident = second.find(id).orElseThrow();
    assertThat(incident.at(Milestone.RECOVERED)).contains(good);
    assertThat(incident.mitigations()).isEmpty();
    assertThat(incident.sourceAlert()).isEqualTo("ALERT-C1");
    assertThat(incident.countsAsDowntime()).isTrue();
    assertThat(incident.updates())
        .extracting(IncidentUpdate::kind)
        .contains(
            IncidentUpdate.Kind.OPENED,
            IncidentUpdate.Kind.MITIGATED,
            IncidentUpdate.Kind.ESCALATED,
            IncidentUpdate.Kind.LIFTED);
    assertThat(switches).containsExactly("pause", "resume");
    assertThat(aprilDowntimeSeconds()).isEqualTo(7_200);
  }

  @Test
  void an_alert_resolved_while_no_runtime_listened_recovers_its_incident_at_the_next_tick() {
    var states = InMemoryStores.alertStates();
    IncidentRuntime runtime =
        IncidentRuntime.builder(clock).downtime(downtime).alertStates(states).build();
    String id =
        runtime
            .onAlerts(List.of(event(AlertEvent.Kind.FIRED, DefaultAlertRules.SERVICE_DOWN, FIRED)))
            .get(0)
            .incident()
            .id();
    Instant resolvedAt = FIRED.plus(Duration.ofMinutes(30));
    AlertKey key = new AlertKey("ALERT-C1", Map.of());
    states.compareAndSet(
        new AlertState(key, AlertPhase.RESOLVED, null, FIRED, FIRED, resolvedAt, null, false, 1));
    clock.set(resolvedAt.plus(Duration.ofMinutes(3)));

    var events = runtime.tick();

    assertThat(events).extracting(IncidentEvent::kind).contains(IncidentEvent.Kind.RECOVERED);
    assertThat(runtime.find(id).orElseThrow().at(Milestone.RECOVERED)).contains(resolvedAt);
    assertThat(aprilDowntimeSeconds()).isEqualTo(30 * 60);
  }

  @Test
  void a_mitigation_no_runtime_knows_is_noted_for_the_operator_on_recovery() {
    InMemoryIncidentStore store = new InMemoryIncidentStore();
    IncidentRuntime first = IncidentRuntime.builder(clock).store(store).build();
    String id =
        first
            .onAlerts(List.of(event(AlertEvent.Kind.FIRED, DefaultAlertRules.SERVICE_DOWN, FIRED)))
            .get(0)
            .incident()
            .id();
    first.mitigate(id, Mitigation.pausePublishing(reason -> {}, () -> {}));
    IncidentRuntime second = IncidentRuntime.builder(clock).store(store).build();
    clock.advance(Duration.ofMinutes(20));

    second.recover(id);

    assertThat(second.find(id).orElseThrow().updates())
        .anySatisfy(
            u -> {
              assertThat(u.kind()).isEqualTo(IncidentUpdate.Kind.NOTE);
              assertThat(u.detail()).contains("pause publishing");
            });
  }

  @Test
  void an_unknown_incident_is_rejected_naming_the_id() {
    assertThatThrownBy(() -> incidents.respond("INC-nope", "yuki"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("INC-nope");
  }
}
