package app.omniy.firestore;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.incident.IncidentUpdate;
import app.omniy.core.incident.Milestone;
import app.omniy.core.incident.spi.IncidentStore;
import app.omniy.core.sla.SlaTarget;
import app.omniy.firestore.internal.Args;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.Times;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An {@link IncidentStore} on Firestore (INC-2): one document per incident in {@code
 * omniy/{namespace}/incidents}, with {@code id}, {@code title}, {@code severity} ({@code SEV1}…),
 * {@code affects} (the SLA target's id), {@code timeline} (a map from milestone name to timestamp),
 * what the incident runtime knows of it — {@code sourceAlert} (absent for one opened by hand),
 * {@code countsAsDowntime}, {@code signalStart} and {@code signalEnd} (absent until known), {@code
 * mitigations} (names, in order) and {@code updates} (its history: maps of {@code at}, {@code
 * kind}, {@code milestone} when there is one, and {@code detail}) — and, for the queries, {@code
 * resolved}, {@code detected} and {@code resolvedAt} (absent until resolved).
 *
 * <p>{@link #unresolved} queries {@code resolved == false} on the automatic single-field index and
 * sorts by detection itself: unresolved incidents are a handful, and no composite index is needed.
 * {@link #openDuring} adds one range query, {@code resolvedAt >= from}, also on an automatic index,
 * and keeps those detected before {@code to}: it reads the unresolved incidents and those resolved
 * since {@code from}, never the whole history.
 */
public final class FirestoreIncidentStore implements IncidentStore {
  static final String COLLECTION = FirestoreCollections.INCIDENTS;

  private final CollectionReference incidents;
  private final FirestoreCalls calls;

  /** A store on {@code options}' database and namespace. */
  public FirestoreIncidentStore(FirestoreStoreOptions options) {
    this.incidents = options.collection(COLLECTION);
    this.calls = new FirestoreCalls(options.meters());
  }

  @Override
  public void save(Incident incident) {
    Require.nonNull(incident, "incident");
    Map<String, Object> timeline = new HashMap<>();
    incident.timeline().forEach((milestone, at) -> timeline.put(milestone.name(), Times.ts(at)));
    Map<String, Object> fields = new HashMap<>();
    fields.put("id", incident.id());
    fields.put("title", incident.title());
    fields.put("severity", incident.severity().name());
    fields.put("affects", incident.affects().id());
    fields.put("timeline", timeline);
    if (incident.sourceAlert() != null) {
      fields.put("sourceAlert", incident.sourceAlert());
    }
    fields.put("countsAsDowntime", incident.countsAsDowntime());
    if (incident.signalStart() != null) {
      fields.put("signalStart", Times.ts(incident.signalStart()));
    }
    if (incident.signalEnd() != null) {
      fields.put("signalEnd", Times.ts(incident.signalEnd()));
    }
    fields.put("mitigations", incident.mitigations());
    List<Map<String, Object>> updates = new ArrayList<>();
    for (IncidentUpdate update : incident.updates()) {
      Map<String, Object> u = new HashMap<>();
      u.put("at", Times.ts(update.at()));
      u.put("kind", update.kind().name());
      if (update.milestone() != null) {
        u.put("milestone", update.milestone().name());
      }
      u.put("detail", update.detail());
      updates.add(u);
    }
    fields.put("updates", updates);
    fields.put("resolved", incident.isResolved());
    fields.put("detected", Times.ts(incident.at(Milestone.DETECTED).orElseThrow()));
    incident.at(Milestone.RESOLVED).ifPresent(at -> fields.put("resolvedAt", Times.ts(at)));
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
        .sorted(Incident.BY_DETECTION)
        .toList();
  }

  @Override
  public List<Incident> openDuring(Instant from, Instant to) {
    Require.nonNull(from, "from");
    if (!Require.nonNull(to, "to").isAfter(from)) {
      throw new InvalidValueException("to", to, "must be after from (" + from + ")");
    }
    Map<String, Incident> open = new HashMap<>();
    Stream.concat(
            calls.get(incidents.whereEqualTo("resolved", false).get()).getDocuments().stream(),
            calls
                .get(incidents.whereGreaterThanOrEqualTo("resolvedAt", Times.ts(from)).get())
                .getDocuments()
                .stream())
        .map(FirestoreIncidentStore::read)
        .filter(incident -> incident.wasOpenDuring(from, to))
        .forEach(incident -> open.put(incident.id(), incident));
    return open.values().stream().sorted(Incident.BY_DETECTION).toList();
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
    List<String> mitigations = new ArrayList<>();
    if (doc.get("mitigations") instanceof List<?> stored) {
      stored.forEach(name -> mitigations.add(String.valueOf(name)));
    }
    List<IncidentUpdate> updates = new ArrayList<>();
    if (doc.get("updates") instanceof List<?> stored) {
      for (Object item : stored) {
        if (item instanceof Map<?, ?> u && u.get("at") instanceof Timestamp at) {
          Object milestone = u.get("milestone");
          updates.add(
              new IncidentUpdate(
                  Times.instant(at),
                  IncidentUpdate.Kind.valueOf(String.valueOf(u.get("kind"))),
                  milestone == null ? null : Milestone.valueOf(String.valueOf(milestone)),
                  String.valueOf(u.get("detail"))));
        }
      }
    }
    Timestamp signalStart = doc.getTimestamp("signalStart");
    Timestamp signalEnd = doc.getTimestamp("signalEnd");
    return new Incident(
        doc.getString("id"),
        doc.getString("title"),
        IncidentSeverity.valueOf(doc.getString("severity")),
        SlaTarget.of(doc.getString("affects")),
        timeline,
        doc.getString("sourceAlert"),
        Boolean.TRUE.equals(doc.getBoolean("countsAsDowntime")),
        signalStart == null ? null : Times.instant(signalStart),
        signalEnd == null ? null : Times.instant(signalEnd),
        mitigations,
        updates);
  }
}
