package app.omniy.firestore;

import app.omniy.core.incident.Incident;
import app.omniy.core.incident.Milestone;
import app.omniy.core.incident.Severity;
import app.omniy.core.incident.spi.IncidentStore;
import app.omniy.core.sla.SlaTarget;
import app.omniy.firestore.internal.Args;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.Times;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link IncidentStore} on Firestore (INC-2): one document per incident in {@code
 * omniy/{namespace}/incidents}, with {@code id}, {@code title}, {@code severity} ({@code SEV1}…),
 * {@code affects} (the SLA target's id), {@code timeline} (a map from milestone name to timestamp),
 * and, for the query, {@code resolved} and {@code detected}.
 *
 * <p>{@link #unresolved} queries {@code resolved == false} on the automatic single-field index and
 * sorts by detection itself: unresolved incidents are a handful, and no composite index is needed.
 */
public final class FirestoreIncidentStore implements IncidentStore {
  static final String COLLECTION = "incidents";

  private static final Comparator<Incident> BY_DETECTION =
      Comparator.comparing((Incident i) -> i.at(Milestone.DETECTED).orElseThrow())
          .thenComparing(Incident::id);

  private final CollectionReference incidents;
  private final FirestoreCalls calls;

  /** A store on {@code options}' database and namespace. */
  public FirestoreIncidentStore(FirestoreStoreOptions options) {
    this.incidents = options.collection(COLLECTION);
    this.calls = new FirestoreCalls(options.meters());
  }

  @Override
  public void save(Incident incident) {
    Args.required(incident, "incident");
    Map<String, Object> timeline = new HashMap<>();
    incident.timeline().forEach((milestone, at) -> timeline.put(milestone.name(), Times.ts(at)));
    Map<String, Object> fields = new HashMap<>();
    fields.put("id", incident.id());
    fields.put("title", incident.title());
    fields.put("severity", incident.severity().name());
    fields.put("affects", incident.affects().id());
    fields.put("timeline", timeline);
    fields.put("resolved", incident.isResolved());
    fields.put("detected", Times.ts(incident.at(Milestone.DETECTED).orElseThrow()));
    calls.get(incidents.document(DocumentIds.encode(incident.id())).set(fields));
  }

  @Override
  public Optional<Incident> find(String id) {
    DocumentSnapshot doc =
        calls.get(incidents.document(DocumentIds.encode(Args.nonBlank(id, "id"))).get());
    return doc.exists() ? Optional.of(read(doc)) : Optional.empty();
  }

  @Override
  public List<Incident> unresolved() {
    return calls.get(incidents.whereEqualTo("resolved", false).get()).getDocuments().stream()
        .map(FirestoreIncidentStore::read)
        .sorted(BY_DETECTION)
        .toList();
  }

  private static Incident read(DocumentSnapshot doc) {
    Map<Milestone, Instant> timeline = new EnumMap<>(Milestone.class);
    if (doc.get("timeline") instanceof Map<?, ?> stored) {
      stored.forEach(
          (name, at) -> {
            if (at instanceof Timestamp ts) {
              timeline.put(Milestone.valueOf(String.valueOf(name)), Times.instant(ts));
            }
          });
    }
    return new Incident(
        doc.getString("id"),
        doc.getString("title"),
        Severity.valueOf(doc.getString("severity")),
        SlaTarget.of(doc.getString("affects")),
        timeline);
  }
}
