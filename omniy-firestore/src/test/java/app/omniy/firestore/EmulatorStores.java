package app.omniy.firestore;

import app.omniy.testkit.FirestoreEmulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;

/** Store options on the test run's emulator, each in a namespace of its own. */
final class EmulatorStores {
  private final FirestoreStoreOptions base;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  EmulatorStores(FirestoreEmulator emulator) {
    base =
        FirestoreStoreOptions.of(
            FirestoreConnections.emulator(emulator.hostAndPort(), emulator.projectId()), meters);
  }

  /** Options in a new, empty namespace. */
  FirestoreStoreOptions fresh() {
    return base.withNamespace("t-" + UUID.randomUUID());
  }

  /** Closes the client. */
  void close() throws Exception {
    base.db().close();
  }
}
