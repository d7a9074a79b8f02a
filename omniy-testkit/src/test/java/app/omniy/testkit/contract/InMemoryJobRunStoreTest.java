package app.omniy.testkit.contract;

import app.omniy.core.maintenance.InMemoryJobRunStore;
import app.omniy.core.maintenance.spi.JobRunStore;

class InMemoryJobRunStoreTest extends JobRunStoreContract {
  @Override
  protected JobRunStore newStore() {
    return new InMemoryJobRunStore();
  }
}
