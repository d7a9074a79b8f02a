package app.omniy.firestore;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.metrics.MetricNames;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.Firestore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every Firestore store is built from: the client, the namespace its collections live under,
 * and where the {@link MetricNames#FIRESTORE_CONNECTIONS} counter goes (ALERT-C3).
 *
 * <p>Every collection of a store lives under the document {@code omniy/{namespace}}, so several
 * Omniy installations (or test runs) can share one Firestore database without seeing each other's
 * data: {@code omniy/{namespace}/posts/{postId}}, {@code omniy/{namespace}/processedEvents/{id}}…
 *
 * @param db the Firestore client; the stores never close it
 * @param namespace the installation's name: letters, digits, {@code -} and {@code _}
 * @param meters where the connection counter is registered
 */
public record FirestoreStoreOptions(Firestore db, String namespace, MeterRegistry meters) {
  /** The collection that holds one document per namespace. */
  public static final String ROOT_COLLECTION = "omniy";

  /** The namespace of {@link #of(Firestore, MeterRegistry)}. */
  public static final String DEFAULT_NAMESPACE = "default";

  /**
   * @throws InvalidValueException if a value is missing or the namespace is malformed
   */
  public FirestoreStoreOptions {
    Require.nonNull(db, "db");
    if (namespace == null || !namespace.matches("[A-Za-z0-9_-]{1,100}")) {
      throw new InvalidValueException(
          "namespace", namespace, "must be 1 to 100 letters, digits, '-' or '_'");
    }
    Require.nonNull(meters, "meters");
  }

  /**
   * The default namespace, counting connections in {@code meters}: the host's registry, the one the
   * {@code Omniy} runtime and its alert engine read, so ALERT-C3 sees every call. There is no
   * default registry: a store counting where no rule looks would read "no data" forever.
   *
   * @throws InvalidValueException naming {@code db} or {@code meters} if missing
   */
  public static FirestoreStoreOptions of(Firestore db, MeterRegistry meters) {
    return new FirestoreStoreOptions(db, DEFAULT_NAMESPACE, meters);
  }

  /** These options with another namespace. */
  public FirestoreStoreOptions withNamespace(String otherNamespace) {
    return new FirestoreStoreOptions(db, otherNamespace, meters);
  }

  /** These options counting connections in {@code registry}. */
  public FirestoreStoreOptions withMeters(MeterRegistry registry) {
    return new FirestoreStoreOptions(db, namespace, registry);
  }

  /**
   * The collection {@code name} of this namespace.
   *
   * @throws IllegalStateException if {@code name} is not declared in {@link FirestoreCollections}
   *     (BAK-1: the backups would leave it out)
   */
  CollectionReference collection(String name) {
    return db.collection(ROOT_COLLECTION)
        .document(namespace)
        .collection(FirestoreCollections.require(name));
  }
}
