package app.omniy.core.sla.spi;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.sla.DowntimeLedger;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.TimeRange;
import java.util.List;

/**
 * Where downtime and excluded periods are kept (SLA-2). The in-memory {@link
 * app.omniy.core.memory.InMemoryDowntimeStore} serves tests and single-process hosts; adapters such
 * as Firestore implement it for shared storage. Periods are stored as given: merging and exclusion
 * happen in {@link DowntimeLedger} when they are measured, so a corrected period never leaves a
 * stale merge behind.
 */
public interface DowntimeStore {

  /**
   * Stores {@code period} and returns the id the store gave it, unique within the store.
   *
   * @throws InvalidValueException if {@code period} is missing
   */
  String add(DowntimePeriod period);

  /**
   * Removes the period with {@code id}, such as one recorded by mistake.
   *
   * @return whether there was one
   * @throws InvalidValueException if {@code id} is missing
   */
  boolean remove(String id);

  /**
   * The stored periods that share at least one second with {@code range} (half-open: a period
   * ending at its start or starting at its end does not), ordered by start, then end, then id. They
   * are returned whole, not cut to the range.
   *
   * @throws InvalidValueException if {@code range} is missing
   */
  List<Stored> overlapping(TimeRange range);

  /** A ledger of the periods overlapping {@code range}, ready to measure. */
  default DowntimeLedger ledger(TimeRange range) {
    return DowntimeLedger.of(overlapping(range).stream().map(Stored::period).toList());
  }

  /**
   * A period with its id in the store.
   *
   * @param id the store's id
   * @param period the period as added
   */
  record Stored(String id, DowntimePeriod period) {

    /**
     * @throws InvalidValueException if either is missing
     */
    public Stored {
      if (id == null || id.isBlank()) {
        throw new InvalidValueException("id", id, "is required");
      }
      Require.nonNull(period, "period");
    }
  }
}
