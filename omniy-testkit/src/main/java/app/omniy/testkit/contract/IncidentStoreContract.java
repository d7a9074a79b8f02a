package app.omniy.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.incident.Incident;
import app.omniy.core.incident.Milestone;
import app.omniy.core.incident.Severity;
import app.omniy.core.incident.spi.IncidentStore;
import app.omniy.core.sla.SlaTarget;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IncidentStore} must do (INC-2): keep an incident's whole timeline, replace it
 * on save, and list the unresolved ones oldest detection first. Ids are fresh per test, so a shared
 * backend works.
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
        "INC-" + UUID.randomUUID(), "API down", Severity.SEV1, SlaTarget.CORE_API, T0, detected);
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
  void an_unknown_id_is_empty() {
    assertThat(store.find("INC-" + UUID.randomUUID())).isEmpty();
  }
}
