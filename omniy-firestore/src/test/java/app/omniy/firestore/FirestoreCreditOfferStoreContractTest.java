package app.omniy.firestore;

import app.omniy.core.billing.spi.CreditOfferStore;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.contract.CreditOfferStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The core's CreditOfferStore contract, unchanged, against the real Firestore emulator. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreCreditOfferStoreContractTest extends CreditOfferStoreContract {
  private final EmulatorStores stores;

  FirestoreCreditOfferStoreContractTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
  }

  @Override
  protected CreditOfferStore newStore() {
    return new FirestoreCreditOfferStore(stores.fresh());
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }
}
