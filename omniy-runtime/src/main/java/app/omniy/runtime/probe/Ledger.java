package app.omniy.runtime.probe;

import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.spi.DowntimeStore;

/** Adds downtime periods once: importing or probing the same thing twice adds nothing (SLA-5). */
final class Ledger {
  private Ledger() {}

  /**
   * Adds {@code period} unless the store holds one with the same start, end, cause and target whose
   * note starts with {@code key}.
   *
   * @return whether it was added
   */
  static boolean addOnce(DowntimeStore store, DowntimePeriod period, String key) {
    for (DowntimeStore.Stored stored : store.overlapping(period.range())) {
      DowntimePeriod p = stored.period();
      if (p.start().equals(period.start())
          && p.end().equals(period.end())
          && p.cause() == period.cause()
          && p.target() == period.target()
          && p.note().startsWith(key)) {
        return false;
      }
    }
    store.add(period);
    return true;
  }
}
