package app.omniy.firestore;

import app.omniy.core.billing.spi.ProcessedEventStore;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.contract.ProcessedEventStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The core's ProcessedEventStore contract, unchanged, against the real Firestore emulator. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreProcessedEventStoreContractTest extends ProcessedEventStoreContract {
  private final EmulatorStores stores;

  FirestoreProcessedEventStoreContractTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
  }

  @Override
  protected ProcessedEventStore newStore() {
    return new FirestoreProcessedEventStore(stores.fresh());
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }
}
