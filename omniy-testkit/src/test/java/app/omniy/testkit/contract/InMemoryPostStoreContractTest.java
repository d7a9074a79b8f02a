package app.omniy.testkit.contract;

import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.spi.PostStore;

/** The embedded store meets the {@link PostStore} contract. */
class InMemoryPostStoreContractTest extends PostStoreContract {
  @Override
  protected PostStore newStore() {
    return new InMemoryPostStore();
  }
}
