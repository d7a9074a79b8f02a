package app.omniy.firestore;

import app.omniy.core.Require;
import app.omniy.core.alert.silence.Silence;
import app.omniy.core.alert.spi.SilenceStore;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.Times;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SilenceStore} on Firestore (ALERT-2): one document per silence in {@code
 * omniy/{namespace}/silences}, its id the silence's id (percent-encoded where Firestore forbids a
 * character), with the fields {@code id}, {@code match} (a map), the timestamps {@code start} and
 * {@code end}, {@code by} and {@code comment}. Every runtime sharing the namespace sees the same
 * silences.
 */
public final class FirestoreSilenceStore implements SilenceStore {
  static final String COLLECTION = FirestoreCollections.SILENCES;

  private final CollectionReference silences;
  private final FirestoreCalls calls;

  /** A store on {@code options}' database and namespace. */
  public FirestoreSilenceStore(FirestoreStoreOptions options) {
    this.silences = options.collection(COLLECTION);
    this.calls = new FirestoreCalls(options.meters());
  }

  @Override
  public void put(Silence silence) {
    Require.nonNull(silence, "silence");
    Map<String, Object> fields = new HashMap<>();
    fields.put("id", silence.id());
    fields.put("match", silence.match());
    fields.put("start", Times.ts(silence.start()));
    fields.put("end", Times.ts(silence.end()));
    fields.put("by", silence.by());
    fields.put("comment", silence.comment());
    calls.get(doc(silence.id()).set(fields));
  }

  @Override
  public Optional<Silence> find(String id) {
    DocumentSnapshot doc = calls.get(doc(Require.nonNull(id, "id")).get());
    return doc.exists() ? Optional.of(read(doc)) : Optional.empty();
  }

  @Override
  public boolean remove(String id) {
    DocumentReference doc = doc(Require.nonNull(id, "id"));
    return calls.get(
        silences
            .getFirestore()
            .runTransaction(
                tx -> {
                  boolean exists = tx.get(doc).get().exists();
                  if (exists) {
                    tx.delete(doc);
                  }
                  return exists;
                }));
  }

  @Override
  public List<Silence> all() {
    return calls.get(silences.get()).getDocuments().stream()
        .map(FirestoreSilenceStore::read)
        .sorted(Comparator.comparing(Silence::start).thenComparing(Silence::id))
        .toList();
  }

  private DocumentReference doc(String id) {
    return silences.document(DocumentIds.encode(id));
  }

  private static Silence read(DocumentSnapshot doc) {
    Map<String, String> match = new HashMap<>();
    Object stored = doc.get("match");
    if (stored instanceof Map<?, ?> map) {
      map.forEach((k, v) -> match.put(String.valueOf(k), String.valueOf(v)));
    }
    String comment = doc.getString("comment");
    return new Silence(
        doc.getString("id"),
        match,
        Times.instant(doc.getTimestamp("start")),
        Times.instant(doc.getTimestamp("end")),
        doc.getString("by"),
        comment == null ? "" : comment);
  }
}
