package app.omniy.core.alert.spi;

import app.omniy.core.Require;
import app.omniy.core.alert.silence.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where silences live, shared by every runtime that evaluates the same rules, so a silence added
 * through one holds on all (ALERT-2). Implementations must be thread-safe. Contract: {@code
 * SilenceStoreContract} in the test kit.
 */
public interface SilenceStore {

  /** Stores {@code silence}, replacing the one with its id. */
  void put(Silence silence);

  /** The silence with {@code id}, or empty. */
  Optional<Silence> find(String id);

  /** Removes the silence with {@code id}; whether there was one. */
  boolean remove(String id);

  /** Every stored silence, ordered by start, then id. */
  List<Silence> all();

  /**
   * Ends the silence with {@code id} at {@code at} ({@link Silence#expiredAt}).
   *
   * @return the expired silence, or empty when there is none with that id
   */
  default Optional<Silence> expire(String id, Instant at) {
    Require.nonNull(at, "at");
    Optional<Silence> expired = find(id).map(s -> s.expiredAt(at));
    expired.ifPresent(this::put);
    return expired;
  }

  /** The silences that hold at {@code at}, ordered by start, then id. */
  default List<Silence> activeAt(Instant at) {
    Require.nonNull(at, "at");
    return all().stream().filter(s -> s.activeAt(at)).toList();
  }
}
