package app.omniy.testkit.contract;

import app.omniy.core.billing.spi.CreditOfferStore;
import app.omniy.core.memory.InMemoryStores;

/** The in-memory default passes the contract every durable store must pass. */
class InMemoryCreditOfferStoreTest extends CreditOfferStoreContract {
  @Override
  protected CreditOfferStore newStore() {
    return InMemoryStores.creditOffers();
  }
}
