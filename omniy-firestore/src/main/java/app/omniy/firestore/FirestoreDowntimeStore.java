package app.omniy.firestore;

import app.omniy.core.Require;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.sla.TimeRange;
import app.omniy.core.sla.spi.DowntimeStore;
import app.omniy.firestore.internal.Args;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.Times;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A {@link DowntimeStore} on Firestore (SLA-2): one document per period in {@code
 * omniy/{namespace}/downtime}, with a Firestore-generated id and the fields {@code start}, {@code
 * end} (timestamps), {@code cause} and {@code target} (their ids) and {@code note}.
 *
 * <p>{@link #overlapping} queries {@code end > range.start} on the automatic single-field index and
 * checks {@code start < range.end} itself: Firestore allows a range filter on one field per query
 * (in this client), and filtering on the end keeps the scan to periods that ended after the range
 * began, which for a report on a past month is that month's periods and later ones only.
 */
public final class FirestoreDowntimeStore implements DowntimeStore {
  static final String COLLECTION = FirestoreCollections.DOWNTIME;

  private static final Comparator<Stored> ORDER =
      Comparator.comparing((Stored s) -> s.period().start())
          .thenComparing(s -> s.period().end())
          .thenComparing(Stored::id);

  private final CollectionReference periods;
  private final FirestoreCalls calls;

  /** A store on {@code options}' database and namespace. */
  public FirestoreDowntimeStore(FirestoreStoreOptions options) {
    this.periods = options.collection(COLLECTION);
    this.calls = new FirestoreCalls(options.meters());
  }

  @Override
  public String add(DowntimePeriod period) {
    Require.nonNull(period, "period");
    DocumentReference doc = periods.document();
    calls.get(
        doc.create(
            Map.of(
                "start", Times.ts(period.start()),
                "end", Times.ts(period.end()),
                "cause", period.cause().id(),
                "target", period.target().id(),
                "note", period.note())));
    return doc.getId();
  }

  @Override
  public boolean remove(String id) {
    if (Args.nonBlank(id, "id").contains("/")) {
      return false; // not an id this store gives out, and not a valid document id
    }
    DocumentReference doc = periods.document(id);
    return calls.get(
        periods
            .getFirestore()
            .runTransaction(
                tx -> {
                  if (!tx.get(doc).get().exists()) {
                    return false;
                  }
                  tx.delete(doc);
                  return true;
                }));
  }

  @Override
  public List<Stored> overlapping(TimeRange range) {
    Require.nonNull(range, "range");
    return calls
        .get(periods.whereGreaterThan("end", Times.ts(range.start())).get())
        .getDocuments()
        .stream()
        .map(FirestoreDowntimeStore::read)
        .filter(s -> s.period().start().isBefore(range.end()))
        .sorted(ORDER)
        .toList();
  }

  private static Stored read(DocumentSnapshot doc) {
    Instant start = Times.instant(doc.getTimestamp("start"));
    Instant end = Times.instant(doc.getTimestamp("end"));
    return new Stored(
        doc.getId(),
        new DowntimePeriod(
            start,
            end,
            DowntimeCause.of(doc.getString("cause")),
            SlaTarget.of(doc.getString("target")),
            doc.getString("note")));
  }
}
