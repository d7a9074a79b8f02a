package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.incident.IncidentUpdate;
import app.omniy.core.incident.Milestone;
import app.omniy.core.incident.spi.IncidentStore;
import app.omniy.core.sla.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IncidentStore} must do (INC-2): keep an incident's whole timeline and what the
 * runtime knows of it (source alert, downtime flag, signal, mitigations, history), replace it on
 * save, list the unresolved ones oldest detection first, and list those open during a period. Ids
 * are fresh per test, so a shared backend works.
 */
public abstract class IncidentStoreContract {
  private static final Instant T0 = Instant.parse("2026-04-10T01:00:00Z");

  /** The store under test. */
  protected IncidentStore store;

  /** A fresh store for each test. */
  protected abstract IncidentStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private static Incident incident(Instant detected) {
    return Incident.open(
        "INC-" + UUID.randomUUID(),
        "API down",
        IncidentSeverity.SEV1,
        SlaTarget.CORE_API,
        T0,
        detected);
  }

  @Test
  void keeps_the_whole_timeline() {
    Incident saved =
        incident(T0.plusSeconds(60))
            .reach(Milestone.RESPONDED, T0.plusSeconds(120))
            .reach(Milestone.RECOVERED, T0.plusSeconds(900));

    store.save(saved);

    assertThat(store.find(saved.id())).contains(saved);
  }

  @Test
  void keeps_its_source_alert_downtime_flag_signal_mitigations_and_history() {
    Instant detected = T0.plusSeconds(60);
    Incident saved =
        incident(detected)
            .fromAlert("ALERT-I2{account=17841400000000001}", true, T0)
            .withMitigations(List.of("pause publishing", "post a notice"))
            .withUpdate(
                new IncidentUpdate(detected, IncidentUpdate.Kind.OPENED, null, "from FIRED"))
            .withUpdate(
                new IncidentUpdate(
                    T0.plusSeconds(1_000),
                    IncidentUpdate.Kind.BREACHED,
                    Milestone.RESPONDED,
                    "responded due 2026-04-10T01:16:00Z, not reached"))
            .withSignalEnd(T0.plusSeconds(7_200))
            .reach(Milestone.RECOVERED, T0.plusSeconds(7_200));

    store.save(saved);

    Incident found = store.find(saved.id()).orElseThrow();
    assertThat(found).isEqualTo(saved);
    assertThat(found.downtime().orElseThrow().seconds()).isEqualTo(7_200);
  }

  @Test
  void an_incident_opened_by_hand_comes_back_with_no_alert_and_no_history() {
    Incident saved = incident(T0.plusSeconds(60));

    store.save(saved);

    Incident found = store.find(saved.id()).orElseThrow();
    assertThat(found.sourceAlert()).isNull();
    assertThat(found.countsAsDowntime()).isFalse();
    assertThat(found.signalStart()).isNull();
    assertThat(found.mitigations()).isEmpty();
    assertThat(found.updates()).isEmpty();
  }

  @Test
  void saving_again_replaces_and_resolved_incidents_leave_the_unresolved_list() {
    Incident later = incident(T0.plusSeconds(120));
    Incident earlier = incident(T0.plusSeconds(60));
    store.save(later);
    store.save(earlier);

    assertThat(store.unresolved()).containsSubsequence(earlier, later);

    store.save(later.reach(Milestone.RESOLVED, T0.plusSeconds(3_600)));

    assertThat(store.unresolved()).contains(earlier).doesNotContain(later);
    assertThat(store.find(later.id()).orElseThrow().isResolved()).isTrue();
  }

  @Test
  void open_during_lists_what_was_open_at_any_moment_of_the_period_resolved_ones_included() {
    // A period of its own far from T0, so incidents of other tests on a shared backend stay out.
    Instant from = T0.plus(Duration.ofDays(3_650 + new Random().nextInt(100_000)));
    Instant to = from.plus(Duration.ofDays(7));
    Incident before = resolved(from.minusSeconds(7_200), from.minusSeconds(1));
    Incident resolvedAtStart = resolved(from.minusSeconds(7_200), from);
    Incident resolvedInside = resolved(from.plusSeconds(60), from.plusSeconds(3_600));
    Incident stillOpen = incident(from.minusSeconds(60));
    Incident detectedLast = incident(to.minusSeconds(1));
    Incident detectedAfter = incident(to);
    List.of(before, resolvedAtStart, resolvedInside, stillOpen, detectedLast, detectedAfter)
        .forEach(store::save);

    List<Incident> open = store.openDuring(from, to);

    assertThat(open)
        .containsSubsequence(resolvedAtStart, stillOpen, resolvedInside, detectedLast)
        .doesNotContain(before, detectedAfter);
    assertThat(open.stream().map(i -> i.at(Milestone.DETECTED).orElseThrow()).toList()).isSorted();
  }

  @Test
  void open_during_needs_a_period_that_ends_after_it_starts() {
    assertThatThrownBy(() -> store.openDuring(T0, T0))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("to"));
  }

  private static Incident resolved(Instant detected, Instant resolved) {
    return incident(detected)
        .reach(Milestone.RESPONDED, detected)
        .reach(Milestone.RECOVERED, resolved)
        .reach(Milestone.RESOLVED, resolved);
  }

  @Test
  void an_unknown_id_is_empty() {
    assertThat(store.find("INC-" + UUID.randomUUID())).isEmpty();
  }
}
