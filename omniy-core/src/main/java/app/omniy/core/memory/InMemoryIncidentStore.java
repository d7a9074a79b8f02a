package app.omniy.core.memory;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.spi.IncidentStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Incidents in memory: the embedded default. */
public final class InMemoryIncidentStore implements IncidentStore {
  private final Map<String, Incident> incidents = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryIncidentStore() {}

  @Override
  public void save(Incident incident) {
    Require.nonNull(incident, "incident");
    incidents.put(incident.id(), incident);
  }

  @Override
  public Optional<Incident> find(String id) {
    return Optional.ofNullable(incidents.get(id));
  }

  @Override
  public List<Incident> unresolved() {
    return incidents.values().stream()
        .filter(incident -> !incident.isResolved())
        .sorted(Incident.BY_DETECTION)
        .toList();
  }

  @Override
  public List<Incident> openDuring(Instant from, Instant to) {
    Require.nonNull(from, "from");
    if (!Require.nonNull(to, "to").isAfter(from)) {
      throw new InvalidValueException("to", to, "must be after from (" + from + ")");
    }
    return incidents.values().stream()
        .filter(incident -> incident.wasOpenDuring(from, to))
        .sorted(Incident.BY_DETECTION)
        .toList();
  }
}
