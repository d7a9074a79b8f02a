package app.omniy.testkit.contract;

import app.omniy.core.billing.spi.ProcessedEventStore;
import app.omniy.core.memory.InMemoryProcessedEventStore;

/** The in-memory default passes the contract every durable store must pass. */
class InMemoryProcessedEventStoreTest extends ProcessedEventStoreContract {
  @Override
  protected ProcessedEventStore newStore() {
    return new InMemoryProcessedEventStore();
  }
}
