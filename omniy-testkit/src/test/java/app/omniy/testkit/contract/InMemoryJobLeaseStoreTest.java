package app.omniy.testkit.contract;

import app.omniy.core.maintenance.InMemoryJobLeaseStore;
import app.omniy.core.maintenance.spi.JobLeaseStore;

class InMemoryJobLeaseStoreTest extends JobLeaseStoreContract {
  @Override
  protected JobLeaseStore newStore() {
    return new InMemoryJobLeaseStore();
  }
}
