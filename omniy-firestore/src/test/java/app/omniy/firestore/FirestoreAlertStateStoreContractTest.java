package app.omniy.firestore;

import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.contract.AlertStateStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The core's AlertStateStore contract, unchanged, against the real Firestore emulator. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreAlertStateStoreContractTest extends AlertStateStoreContract {
  private final EmulatorStores stores;

  FirestoreAlertStateStoreContractTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
  }

  @Override
  protected AlertStateStore newStore() {
    return new FirestoreAlertStateStore(stores.fresh());
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }
}
