package app.omniy.testkit.contract;

import app.omniy.core.memory.InMemorySupportTicketStore;
import app.omniy.core.support.spi.SupportTicketStore;

class InMemorySupportTicketStoreTest extends SupportTicketStoreContract {
  @Override
  protected SupportTicketStore newStore() {
    return new InMemorySupportTicketStore();
  }
}
