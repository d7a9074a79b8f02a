package app.omniy.testkit.contract;

import app.omniy.core.billing.InMemoryProcessedEventStore;
import app.omniy.core.billing.spi.ProcessedEventStore;

/** The in-memory default passes the contract every durable store must pass. */
class InMemoryProcessedEventStoreTest extends ProcessedEventStoreContract {
  @Override
  protected ProcessedEventStore newStore() {
    return new InMemoryProcessedEventStore();
  }
}
