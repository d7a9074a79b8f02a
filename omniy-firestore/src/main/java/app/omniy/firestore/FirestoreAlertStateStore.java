package app.omniy.firestore;

import app.omniy.core.Require;
import app.omniy.core.alert.Acknowledgement;
import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.AlertPhase;
import app.omniy.core.alert.spi.AlertState;
import app.omniy.core.alert.spi.AlertStateStore;
import app.omniy.firestore.internal.FirestoreCallException;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.Times;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AlertStateStore} on Firestore (ALERT-2): one document per alert key in {@code
 * omniy/{namespace}/alertStates}. The id is the SHA-256 (hex) of the key's rule id and sorted
 * labels, since labels may hold any character; the fields are {@code ruleId}, {@code labels} (a
 * map), {@code phase}, the timestamps {@code pendingSince}, {@code firingSince}, {@code
 * lastNotifiedAt}, {@code resolvedAt}, {@code lastHeldAt} (absent when null), {@code ackBy} and
 * {@code ackAt}, {@code escalated} and {@code version}.
 *
 * <p>Compare-and-set: version 1 is a {@code create}, which exactly one of racing runtimes wins
 * without a transaction; later versions are written in a transaction that checks the stored
 * version.
 */
public final class FirestoreAlertStateStore implements AlertStateStore {
  static final String COLLECTION = FirestoreCollections.ALERT_STATES;

  private final CollectionReference states;
  private final FirestoreCalls calls;

  /** A store on {@code options}' database and namespace. */
  public FirestoreAlertStateStore(FirestoreStoreOptions options) {
    this.states = options.collection(COLLECTION);
    this.calls = new FirestoreCalls(options.meters());
  }

  @Override
  public Optional<AlertState> find(AlertKey key) {
    DocumentSnapshot doc = calls.get(doc(Require.nonNull(key, "key")).get());
    return doc.exists() ? Optional.of(read(doc)) : Optional.empty();
  }

  @Override
  public boolean compareAndSet(AlertState next) {
    Require.nonNull(next, "next");
    DocumentReference doc = doc(next.key());
    Map<String, Object> fields = write(next);
    if (next.version() < 1) {
      return false;
    }
    if (next.version() == 1) {
      try {
        calls.get(doc.create(fields));
        return true;
      } catch (FirestoreCallException e) {
        if (e.alreadyExists()) {
          return false;
        }
        throw e;
      }
    }
    return calls.get(
        states
            .getFirestore()
            .runTransaction(
                tx -> {
                  DocumentSnapshot current = tx.get(doc).get();
                  Long stored = current.exists() ? current.getLong("version") : null;
                  if (stored == null || stored != next.version() - 1) {
                    return false;
                  }
                  tx.set(doc, fields);
                  return true;
                }));
  }

  @Override
  public List<AlertState> all() {
    return calls.get(states.get()).getDocuments().stream()
        .map(FirestoreAlertStateStore::read)
        .toList();
  }

  private DocumentReference doc(AlertKey key) {
    StringBuilder canonical = new StringBuilder(key.ruleId());
    new TreeMap<>(key.labels())
        .forEach((k, v) -> canonical.append('\n').append(k).append('=').append(v));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return states.document(HexFormat.of().formatHex(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static Map<String, Object> write(AlertState state) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("ruleId", state.key().ruleId());
    fields.put("labels", state.key().labels());
    fields.put("phase", state.phase().name());
    putTime(fields, "pendingSince", state.pendingSince());
    putTime(fields, "firingSince", state.firingSince());
    putTime(fields, "lastNotifiedAt", state.lastNotifiedAt());
    putTime(fields, "resolvedAt", state.resolvedAt());
    putTime(fields, "lastHeldAt", state.lastHeldAt());
    Acknowledgement ack = state.acknowledgement();
    if (ack != null) {
      fields.put("ackBy", ack.by());
      fields.put("ackAt", Times.ts(ack.at()));
    }
    fields.put("escalated", state.escalated());
    fields.put("version", state.version());
    return fields;
  }

  private static void putTime(Map<String, Object> fields, String name, @Nullable Instant at) {
    if (at != null) {
      fields.put(name, Times.ts(at));
    }
  }

  private static AlertState read(DocumentSnapshot doc) {
    Map<String, String> labels = new HashMap<>();
    Object stored = doc.get("labels");
    if (stored instanceof Map<?, ?> map) {
      map.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
    }
    String ackBy = doc.getString("ackBy");
    Acknowledgement ack =
        ackBy == null ? null : new Acknowledgement(ackBy, Times.instant(doc.getTimestamp("ackAt")));
    Boolean escalated = doc.getBoolean("escalated");
    Long version = doc.getLong("version");
    return new AlertState(
        new AlertKey(doc.getString("ruleId"), labels),
        AlertPhase.valueOf(doc.getString("phase")),
        Times.instant(doc.getTimestamp("pendingSince")),
        Times.instant(doc.getTimestamp("firingSince")),
        Times.instant(doc.getTimestamp("lastNotifiedAt")),
        Times.instant(doc.getTimestamp("resolvedAt")),
        ack,
        escalated != null && escalated,
        Times.instant(doc.getTimestamp("lastHeldAt")),
        version == null ? 0 : version);
  }
}
