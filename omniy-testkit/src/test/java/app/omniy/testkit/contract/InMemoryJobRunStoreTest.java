package app.omniy.testkit.contract;

import app.omniy.core.maintenance.spi.JobRunStore;
import app.omniy.core.memory.InMemoryJobRunStore;

class InMemoryJobRunStoreTest extends JobRunStoreContract {
  @Override
  protected JobRunStore newStore() {
    return new InMemoryJobRunStore();
  }
}
