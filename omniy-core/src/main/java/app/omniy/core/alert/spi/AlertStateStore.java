package app.omniy.core.alert.spi;

import app.omniy.core.alert.AlertKey;
import java.util.List;
import java.util.Optional;

/**
 * Where alert state lives, shared by every runtime that evaluates the same rules (ALERT-2). Writes
 * are compare-and-set on the version, so of two runtimes that see the same alert fire, only the one
 * whose write lands reports the event; the other re-reads and sees it already firing.
 * Implementations must be thread-safe. Contract: {@code AlertStateStoreContract} in the test kit.
 */
public interface AlertStateStore {

  /** The stored state of {@code key}, or empty when it was never stored. */
  Optional<AlertState> find(AlertKey key);

  /**
   * Stores {@code next} if the stored version of its key is {@code next.version() - 1} (0 meaning
   * "not stored yet").
   *
   * @return whether it was stored; false when another writer got there first
   */
  boolean compareAndSet(AlertState next);

  /** Every stored state, in no particular order. */
  List<AlertState> all();
}
