package app.omniy.runtime.internal;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.core.incident.spi.IncidentStore;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.runtime.alert.NotificationDispatcher;
import app.omniy.runtime.incident.IncidentEvent;
import app.omniy.runtime.incident.IncidentRuntime;
import app.omniy.runtime.incident.Mitigation;
import app.omniy.runtime.incident.Mitigations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident runtime as the {@code Omniy} builder wires it (INC-1 … INC-4): on the runtime's
 * clock and incident store, its recovered downtime going to the runtime's ledger, its breach
 * notices and Sev1 escalation through the alert engine's own notification dispatcher, then whatever
 * the host set. Run as the last step of every alert cycle: each event goes to the incidents, an
 * incident opened from an alert gets the mitigations declared for its rule ({@link Mitigations}),
 * and the deadlines are checked; the host's listeners hear every incident event.
 */
public final class IncidentWiring implements Consumer<AlertRuntime.Cycle> {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentWiring.class);

  private final IncidentRuntime incidents;
  private final Mitigations declared;
  private final Map<String, Mitigation> named;
  private final List<Consumer<IncidentEvent>> listeners;

  private IncidentWiring(
      IncidentRuntime incidents,
      Mitigations declared,
      Map<String, Mitigation> named,
      List<Consumer<IncidentEvent>> listeners) {
    this.incidents = incidents;
    this.declared = declared;
    this.named = Map.copyOf(named);
    this.listeners = List.copyOf(listeners);
  }

  /**
   * Builds the incident runtime: the runtime's settings first, so the host's {@code configure} may
   * override any of them.
   *
   * @param alertStates the alert engine's state, so an incident whose alert resolved while no
   *     runtime was listening is recovered at the next cycle
   * @param named every mitigation a declaration may name, the runtime's {@link
   *     Mitigations#PAUSE_PUBLISHING} included; the configuration checked the declarations against
   *     these names
   */
  public static IncidentWiring build(
      Clock clock,
      IncidentStore store,
      AlertStateStore alertStates,
      DowntimeStore downtime,
      NotificationDispatcher notifications,
      Consumer<IncidentRuntime.Builder> configure,
      Mitigations declared,
      Map<String, Mitigation> named,
      List<Consumer<IncidentEvent>> listeners) {
    // The alert states and every named mitigation let a runtime that replaces a killed one finish
    // its incidents: recover one whose alert resolved unheard, lift what it had applied (INC-4).
    IncidentRuntime.Builder builder =
        IncidentRuntime.builder(clock)
            .store(store)
            .alertStates(alertStates)
            .downtime(downtime)
            .notifications(notifications);
    named.values().forEach(builder::liftable);
    configure.accept(builder);
    return new IncidentWiring(builder.build(), declared, named, listeners);
  }

  /** The incident runtime. */
  public IncidentRuntime incidents() {
    return incidents;
  }

  /** One cycle's incidents: alert events, declared mitigations, deadlines. */
  @Override
  public void accept(AlertRuntime.Cycle cycle) {
    List<IncidentEvent> happened = new ArrayList<>();
    for (AlertEvent event : cycle.evaluation().events()) {
      // One event at a time, so an incident it opens is known to come from its rule: mitigations
      // are matched by the rule id, never by the incident's title (INC-4).
      for (IncidentEvent incident : incidents.onAlerts(List.of(event))) {
        happened.add(incident);
        if (incident.kind() == IncidentEvent.Kind.OPENED) {
          for (String name : declared.forCause(event.rule().id())) {
            happened.addAll(incidents.mitigate(incident.incident().id(), mitigation(name)));
          }
        }
      }
    }
    happened.addAll(incidents.tick());
    for (IncidentEvent event : happened) {
      LOG.info("{}", event.summary());
      for (Consumer<IncidentEvent> listener : listeners) {
        try {
          listener.accept(event);
        } catch (RuntimeException e) {
          // One failing listener must neither stop the others nor fail the alert cycle.
          LOG.warn("incident listener {} failed on {}", listener, event.summary(), e);
        }
      }
    }
  }

  private Mitigation mitigation(String name) {
    Mitigation mitigation = named.get(name);
    if (mitigation == null) {
      // The configuration checks every declared name; reaching here is a wiring bug.
      throw new IllegalStateException("no mitigation named " + name);
    }
    return mitigation;
  }
}
