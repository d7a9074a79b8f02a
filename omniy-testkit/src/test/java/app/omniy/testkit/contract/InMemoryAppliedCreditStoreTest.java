package app.omniy.testkit.contract;

import app.omniy.core.billing.spi.AppliedCreditStore;
import app.omniy.core.memory.InMemoryAppliedCreditStore;

/** The in-memory default passes the contract every durable store must pass. */
class InMemoryAppliedCreditStoreTest extends AppliedCreditStoreContract {
  @Override
  protected AppliedCreditStore newStore() {
    return new InMemoryAppliedCreditStore();
  }
}
