package app.omniy.firestore;

import app.omniy.core.maintenance.spi.JobLeaseStore;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.contract.JobLeaseStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The core's JobLeaseStore contract, unchanged, against the real Firestore emulator. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreJobLeaseStoreContractTest extends JobLeaseStoreContract {
  private final EmulatorStores stores;

  FirestoreJobLeaseStoreContractTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
  }

  @Override
  protected JobLeaseStore newStore() {
    return new FirestoreJobLeaseStore(stores.fresh());
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }
}
