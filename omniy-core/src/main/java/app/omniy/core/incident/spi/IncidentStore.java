package app.omniy.core.incident.spi;

import app.omniy.core.incident.Incident;
import java.time.Instant;
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

  /**
   * Incidents open at some moment of {@code [from, to)}: detected before {@code to}, and not
   * resolved or resolved at or after {@code from}; oldest detection first. What a weekly review or
   * a monthly report lists (MNT-2, INC-2), the incidents resolved meanwhile included.
   *
   * @throws app.omniy.core.InvalidValueException if {@code from} is missing or not before {@code
   *     to}
   */
  List<Incident> openDuring(Instant from, Instant to);
}
