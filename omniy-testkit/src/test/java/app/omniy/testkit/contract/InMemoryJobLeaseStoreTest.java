package app.omniy.testkit.contract;

import app.omniy.core.maintenance.spi.JobLeaseStore;
import app.omniy.core.memory.InMemoryJobLeaseStore;

class InMemoryJobLeaseStoreTest extends JobLeaseStoreContract {
  @Override
  protected JobLeaseStore newStore() {
    return new InMemoryJobLeaseStore();
  }
}
