package app.omniy.firestore;

import app.omniy.core.post.spi.PostStore;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.contract.PostStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The core's PostStore contract, unchanged, against the real Firestore emulator. */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestorePostStoreContractTest extends PostStoreContract {
  private final EmulatorStores stores;

  FirestorePostStoreContractTest(FirestoreEmulator emulator) {
    stores = new EmulatorStores(emulator);
  }

  @Override
  protected PostStore newStore() {
    // Four shards: every query path crosses shards, and the emulator answers fewer queries.
    return new FirestorePostStore(stores.fresh(), 4);
  }

  @AfterEach
  void disconnect() throws Exception {
    stores.close();
  }
}
