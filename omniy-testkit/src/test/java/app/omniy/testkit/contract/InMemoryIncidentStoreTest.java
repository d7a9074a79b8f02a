package app.omniy.testkit.contract;

import app.omniy.core.incident.spi.IncidentStore;
import app.omniy.core.memory.InMemoryIncidentStore;

class InMemoryIncidentStoreTest extends IncidentStoreContract {
  @Override
  protected IncidentStore newStore() {
    return new InMemoryIncidentStore();
  }
}
