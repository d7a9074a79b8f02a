package app.omniy.firestore;

import app.omniy.core.billing.spi.AppliedCreditStore;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.contract.AppliedCreditStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The core's AppliedCreditStore contract, unchanged, against the real Firestore emulator. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreAppliedCreditStoreContractTest extends AppliedCreditStoreContract {
  private final EmulatorStores stores;

  FirestoreAppliedCreditStoreContractTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
  }

  @Override
  protected AppliedCreditStore newStore() {
    return new FirestoreAppliedCreditStore(stores.fresh());
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }
}
