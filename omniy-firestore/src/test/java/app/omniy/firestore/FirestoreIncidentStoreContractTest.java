package app.omniy.firestore;

import app.omniy.core.incident.spi.IncidentStore;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.contract.IncidentStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The core's IncidentStore contract, unchanged, against the real Firestore emulator. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreIncidentStoreContractTest extends IncidentStoreContract {
  private final EmulatorStores stores;

  FirestoreIncidentStoreContractTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
  }

  @Override
  protected IncidentStore newStore() {
    return new FirestoreIncidentStore(stores.fresh());
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }
}
