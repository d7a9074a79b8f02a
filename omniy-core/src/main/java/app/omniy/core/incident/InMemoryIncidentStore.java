package app.omniy.core.incident;

import app.omniy.core.InvalidValueException;
import app.omniy.core.incident.spi.IncidentStore;
import java.util.Comparator;
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
    if (incident == null) {
      throw new InvalidValueException("incident", null, "is required");
    }
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
        .sorted(Comparator.comparing(incident -> incident.at(Milestone.DETECTED).orElseThrow()))
        .toList();
  }
}
