package app.omniy.testkit.contract;

import app.omniy.core.memory.InMemoryDowntimeStore;
import app.omniy.core.sla.spi.DowntimeStore;

/** The in-memory store passes the contract every downtime store must pass. */
class InMemoryDowntimeStoreTest extends DowntimeStoreContract {
  @Override
  protected DowntimeStore newStore() {
    return new InMemoryDowntimeStore();
  }
}
