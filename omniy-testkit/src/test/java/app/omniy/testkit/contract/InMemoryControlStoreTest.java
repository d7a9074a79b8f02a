package app.omniy.testkit.contract;

import app.omniy.core.dispatch.spi.ControlStore;
import app.omniy.core.memory.InMemoryControlStore;

class InMemoryControlStoreTest extends ControlStoreContract {
  @Override
  protected ControlStore newStore() {
    return new InMemoryControlStore();
  }

  @Override
  protected ControlStore sameBackend(ControlStore store) {
    return store;
  }
}
