package app.omniy.firestore;

import app.omniy.core.support.spi.SupportTicketStore;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.contract.SupportTicketStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The core's SupportTicketStore contract, unchanged, against the real Firestore emulator. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreSupportTicketStoreContractTest extends SupportTicketStoreContract {
  private final EmulatorStores stores;

  FirestoreSupportTicketStoreContractTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
  }

  @Override
  protected SupportTicketStore newStore() {
    return new FirestoreSupportTicketStore(stores.fresh());
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }
}
