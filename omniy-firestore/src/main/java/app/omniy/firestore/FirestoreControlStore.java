package app.omniy.firestore;

import app.omniy.core.Require;
import app.omniy.core.dispatch.spi.ControlStore;
import app.omniy.firestore.internal.FirestoreCalls;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.SetOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ControlStore} on Firestore (INC-4, POST-11): one document, {@code
 * omniy/{namespace}/controls/dispatch}, with {@code pauseReason} (absent when publishing is not
 * paused) and {@code reauthAccounts} (the marked account ids). Every write is a single merge of one
 * field: marks go through {@code arrayUnion} and {@code arrayRemove}, so runtimes marking accounts
 * at once never lose each other's marks.
 */
public final class FirestoreControlStore implements ControlStore {
  static final String COLLECTION = FirestoreCollections.CONTROLS;
  static final String DOCUMENT = "dispatch";

  private final DocumentReference doc;
  private final FirestoreCalls calls;

  /** A store on {@code options}' database and namespace. */
  public FirestoreControlStore(FirestoreStoreOptions options) {
    this.doc = options.collection(COLLECTION).document(DOCUMENT);
    this.calls = new FirestoreCalls(options.meters());
  }

  @Override
  public Controls read() {
    DocumentSnapshot snapshot = calls.get(doc.get());
    if (!snapshot.exists()) {
      return Controls.NONE;
    }
    Set<String> accounts = new HashSet<>();
    if (snapshot.get("reauthAccounts") instanceof List<?> stored) {
      stored.forEach(account -> accounts.add(String.valueOf(account)));
    }
    String reason = snapshot.getString("pauseReason");
    return new Controls(reason == null || reason.isBlank() ? null : reason, accounts);
  }

  @Override
  public void pause(String reason) {
    merge("pauseReason", Require.nonBlank(reason, "reason"));
  }

  @Override
  public void resume() {
    merge("pauseReason", FieldValue.delete());
  }

  @Override
  public void markNeedsReauth(String accountId) {
    merge("reauthAccounts", FieldValue.arrayUnion(Require.nonBlank(accountId, "accountId")));
  }

  @Override
  public void clearNeedsReauth(String accountId) {
    merge("reauthAccounts", FieldValue.arrayRemove(Require.nonBlank(accountId, "accountId")));
  }

  private void merge(String field, Object value) {
    calls.get(doc.set(Map.of(field, value), SetOptions.merge()));
  }
}
