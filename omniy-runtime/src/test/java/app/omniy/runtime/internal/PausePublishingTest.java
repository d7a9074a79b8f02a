package app.omniy.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.sla.SlaTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime's pause-publishing mitigation over overlapping incidents (INC-4). */
class PausePublishingTest {
  private static final Instant T0 = Instant.parse("2026-04-01T01:00:00Z");
  private final List<String> switches = new ArrayList<>();
  private final PausePublishing mitigation =
      new PausePublishing(reason -> switches.add("pause " + reason), () -> switches.add("resume"));

  private static Incident incident(String id, String title) {
    return Incident.open(id, title, IncidentSeverity.SEV1, SlaTarget.SYSTEM, T0, T0);
  }

  @Test
  void publishing_resumes_only_when_the_last_incident_that_paused_it_recovers() {
    Incident outage = incident("INC-20260401-1000", "ALERT-C1 service down");
    Incident database = incident("INC-20260401-1005", "ALERT-C3 database");

    mitigation.apply(outage);
    mitigation.apply(database);
    mitigation.lift(outage);
    List<String> afterFirstRecovery = List.copyOf(switches);
    mitigation.lift(database);

    assertThat(afterFirstRecovery)
        .containsExactly(
            "pause incident INC-20260401-1000: ALERT-C1 service down",
            "pause incident INC-20260401-1005: ALERT-C3 database");
    assertThat(switches).last().isEqualTo("resume");
    assertThat(mitigation.holding()).isEmpty();
  }

  @Test
  void lifting_an_incident_that_never_paused_resumes_nothing() {
    mitigation.apply(incident("INC-20260401-1000", "ALERT-C1 service down"));

    mitigation.lift(incident("INC-20260401-1100", "ALERT-C4 mass post failure"));

    assertThat(switches).doesNotContain("resume");
    assertThat(mitigation.holding()).containsExactly("INC-20260401-1000");
  }

  @Test
  void a_successor_lifts_the_pause_of_an_incident_a_dead_runtime_applied() {
    Incident outage =
        incident("INC-20260401-1000", "ALERT-C1 service down")
            .withMitigations(List.of("pause publishing"));
    // A new runtime: the dead one held the pause, this one's memory holds nothing.
    PausePublishing successor =
        new PausePublishing(
            r -> switches.add("pause " + r), () -> switches.add("resume"), () -> List.of(outage));

    successor.lift(outage);

    assertThat(switches).containsExactly("resume");
  }

  @Test
  void a_successor_keeps_the_pause_while_another_unrecovered_incident_holds_it() {
    Incident outage =
        incident("INC-20260401-1000", "ALERT-C1 service down")
            .withMitigations(List.of("pause publishing"));
    Incident database =
        incident("INC-20260401-1005", "ALERT-C3 database")
            .withMitigations(List.of("pause publishing"));
    PausePublishing successor =
        new PausePublishing(
            r -> switches.add("pause " + r),
            () -> switches.add("resume"),
            () -> List.of(outage, database));

    successor.lift(outage);

    assertThat(switches).isEmpty();
  }
}
