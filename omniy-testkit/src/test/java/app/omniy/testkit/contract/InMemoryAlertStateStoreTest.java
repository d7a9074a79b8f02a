package app.omniy.testkit.contract;

import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.core.memory.InMemoryStores;

/** The in-memory store of the core passes the contract every store must pass. */
class InMemoryAlertStateStoreTest extends AlertStateStoreContract {
  @Override
  protected AlertStateStore newStore() {
    return InMemoryStores.alertStates();
  }
}
