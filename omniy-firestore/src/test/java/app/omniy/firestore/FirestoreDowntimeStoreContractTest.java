package app.omniy.firestore;

import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.contract.DowntimeStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The core's DowntimeStore contract, unchanged, against the real Firestore emulator. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreDowntimeStoreContractTest extends DowntimeStoreContract {
  private final EmulatorStores stores;

  FirestoreDowntimeStoreContractTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
  }

  @Override
  protected DowntimeStore newStore() {
    return new FirestoreDowntimeStore(stores.fresh());
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }
}
