package app.omniy.testkit.contract;

import app.omniy.core.alert.spi.SilenceStore;
import app.omniy.core.memory.InMemoryStores;

/** The in-memory silence store of the core passes the contract every store must pass. */
class InMemorySilenceStoreTest extends SilenceStoreContract {
  @Override
  protected SilenceStore newStore() {
    return InMemoryStores.silences();
  }
}
