package app.omniy.testkit.contract;

import app.omniy.core.incident.InMemoryIncidentStore;
import app.omniy.core.incident.spi.IncidentStore;

class InMemoryIncidentStoreTest extends IncidentStoreContract {
  @Override
  protected IncidentStore newStore() {
    return new InMemoryIncidentStore();
  }
}
