package app.omniy.firestore;

import app.omniy.core.dispatch.spi.ControlStore;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.contract.ControlStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The core's ControlStore contract against the real Firestore emulator. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreControlStoreContractTest extends ControlStoreContract {
  private final EmulatorStores stores;
  private FirestoreStoreOptions options;

  FirestoreControlStoreContractTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
  }

  @Override
  protected ControlStore newStore() {
    options = stores.fresh();
    return new FirestoreControlStore(options);
  }

  @Override
  protected ControlStore sameBackend(ControlStore store) {
    return new FirestoreControlStore(options);
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }
}
