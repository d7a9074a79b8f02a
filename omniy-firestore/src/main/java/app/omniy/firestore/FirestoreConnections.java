package app.omniy.firestore;

import app.omniy.core.InvalidValueException;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;

/** Ways to open a {@link Firestore} client that Omniy's stores run on. */
public final class FirestoreConnections {
  private FirestoreConnections() {}

  /**
   * A client for the Firestore emulator at {@code hostAndPort}.
   *
   * <p>Credentials are passed explicitly: with {@code setEmulatorHost} alone, client 3.37 dials the
   * real host in plaintext and fails {@code UNAVAILABLE}, and without any credentials the auth
   * library probes the GCE metadata server.
   *
   * @param hostAndPort {@code host:port}, as in {@code FIRESTORE_EMULATOR_HOST}
   * @param projectId the project to keep the data under (use a {@code demo-} id)
   * @throws InvalidValueException if either argument is missing or malformed
   */
  public static Firestore emulator(String hostAndPort, String projectId) {
    if (hostAndPort == null || !hostAndPort.matches("[^:\\s]+:\\d{1,5}")) {
      throw new InvalidValueException("hostAndPort", hostAndPort, "must be host:port");
    }
    if (projectId == null || projectId.isBlank()) {
      throw new InvalidValueException("projectId", projectId, "must not be blank");
    }
    return FirestoreOptions.newBuilder()
        .setProjectId(projectId)
        .setEmulatorHost(hostAndPort)
        .setCredentialsProvider(
            FixedCredentialsProvider.create(new FirestoreOptions.EmulatorCredentials()))
        .build()
        .getService();
  }
}
