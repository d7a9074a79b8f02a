package app.omniy.core.incident.spi;

import app.omniy.core.incident.Incident;
import java.util.List;
import java.util.Optional;

/**
 * Where incidents are kept, so that every runtime sharing the store sees the same timeline.
 * Implementations are thread-safe.
 */
public interface IncidentStore {

  /** Stores {@code incident}, replacing the one with its id. */
  void save(Incident incident);

  /** The incident with {@code id}, if any. */
  Optional<Incident> find(String id);

  /** Incidents not yet resolved, oldest detection first. */
  List<Incident> unresolved();
}
