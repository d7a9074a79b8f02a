package app.omniy.firestore;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.billing.spi.EventClaim;
import app.omniy.core.billing.spi.ProcessedEventStore;
import app.omniy.firestore.internal.FirestoreCallException;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.Times;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.WriteBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A {@link ProcessedEventStore} on Firestore: one document per event id in {@code
 * omniy/{namespace}/processedEvents}, with {@code state} ({@code CLAIMED} or {@code PROCESSED}),
 * {@code claimedAt}, {@code leaseUntil} and {@code processedAt}.
 *
 * <p>The first claim of an event is a {@code create}, which Firestore lets exactly one caller win
 * without a transaction: concurrent deliveries of one event (the usual race) never contend in a
 * transaction, which the emulator, and Firestore's one-write-per-second-per-document limit, make
 * slow. Only taking over an expired claim and releasing one run a transaction.
 *
 * <p>Retention: the store never forgets a processed event by itself. A processed document carries
 * {@code expireAt}, its {@code processedAt} plus the {@link #retention()}, so a Firestore TTL
 * policy on {@code processedEvents.expireAt} can delete it (never before that time); or a
 * maintenance job calls {@link #forgetProcessedBefore} with a cutoff no later than now minus the
 * retention.
 */
public final class FirestoreProcessedEventStore implements ProcessedEventStore {
  static final String COLLECTION = FirestoreCollections.PROCESSED_EVENTS;
  private static final String CLAIMED = "CLAIMED";
  private static final String PROCESSED = "PROCESSED";

  /** The retention of {@link #FirestoreProcessedEventStore(FirestoreStoreOptions)}: 30 days. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  private final CollectionReference events;
  private final FirestoreCalls calls;
  private final Duration retention;

  /** A store on {@code options}' database and namespace, keeping processed events 30 days. */
  public FirestoreProcessedEventStore(FirestoreStoreOptions options) {
    this(options, DEFAULT_RETENTION);
  }

  /**
   * A store on {@code options}' database and namespace, keeping processed events for {@code
   * retention}: the {@code expireAt} it stamps on them, and what {@link #retention()} answers.
   *
   * @throws InvalidValueException unless {@code retention} is at least 3 days, Stripe's retry
   *     window
   */
  public FirestoreProcessedEventStore(FirestoreStoreOptions options, Duration retention) {
    Require.nonNull(options, "options");
    if (retention == null || retention.compareTo(Duration.ofDays(3)) < 0) {
      throw new InvalidValueException(
          "retention", retention, "must cover Stripe's 3-day retry window");
    }
    this.events = options.collection(COLLECTION);
    this.calls = new FirestoreCalls(options.meters());
    this.retention = retention;
  }

  @Override
  public EventClaim claim(String eventId, Instant now, Duration lease) {
    DocumentReference doc = doc(eventId);
    Require.nonNull(now, "now");
    if (lease == null || lease.isNegative() || lease.isZero()) {
      throw new InvalidValueException("lease", lease, "must be positive");
    }
    Map<String, Object> claim =
        Map.of(
            "state", CLAIMED, "claimedAt", Times.ts(now), "leaseUntil", Times.ts(now.plus(lease)));
    while (true) {
      try {
        calls.get(doc.create(claim));
        return EventClaim.CLAIMED;
      } catch (FirestoreCallException e) {
        if (!e.alreadyExists()) {
          throw e;
        }
      }
      DocumentSnapshot seen = calls.get(doc.get());
      if (seen.exists() && PROCESSED.equals(seen.getString("state"))) {
        return EventClaim.ALREADY_PROCESSED;
      }
      if (seen.exists() && now.isBefore(leaseUntil(seen))) {
        // The common race: another delivery holds a live claim. A plain read decides it, so
        // concurrent deliveries never contend in a transaction.
        return EventClaim.IN_PROGRESS;
      }
      if (!seen.exists()) {
        continue;
      }
      EventClaim answer =
          calls.get(
              doc.getFirestore()
                  .runTransaction(
                      tx -> {
                        DocumentSnapshot current = tx.get(doc).get();
                        if (!current.exists()) {
                          return null; // released meanwhile: try to create again
                        }
                        if (PROCESSED.equals(current.getString("state"))) {
                          return EventClaim.ALREADY_PROCESSED;
                        }
                        if (now.isBefore(leaseUntil(current))) {
                          return EventClaim.IN_PROGRESS;
                        }
                        tx.set(doc, claim);
                        return EventClaim.CLAIMED;
                      }));
      if (answer != null) {
        return answer;
      }
    }
  }

  @Override
  public void markProcessed(String eventId, Instant now) {
    Require.nonNull(now, "now");
    calls.get(
        doc(eventId)
            .set(
                Map.of(
                    "state",
                    PROCESSED,
                    "processedAt",
                    Times.ts(now),
                    "expireAt",
                    Times.ts(now.plus(retention)))));
  }

  /** The retention this store was made with: 30 days unless given. */
  @Override
  public Duration retention() {
    return retention;
  }

  @Override
  public void release(String eventId, Instant claimedAt) {
    DocumentReference doc = doc(eventId);
    Timestamp claimed = Times.ts(Require.nonNull(claimedAt, "claimedAt"));
    calls.get(
        doc.getFirestore()
            .runTransaction(
                tx -> {
                  DocumentSnapshot current = tx.get(doc).get();
                  if (current.exists()
                      && CLAIMED.equals(current.getString("state"))
                      && claimed.equals(current.getTimestamp("claimedAt"))) {
                    tx.delete(doc);
                  }
                  return null;
                }));
  }

  @Override
  public boolean isProcessed(String eventId) {
    DocumentSnapshot current = calls.get(doc(eventId).get());
    return current.exists() && PROCESSED.equals(current.getString("state"));
  }

  @Override
  public int forgetProcessedBefore(Instant cutoff) {
    Timestamp before = Times.ts(Require.nonNull(cutoff, "cutoff"));
    int forgotten = 0;
    while (true) {
      // Composite index (state, processedAt): see firestore.indexes.json.
      List<QueryDocumentSnapshot> page =
          calls
              .get(
                  events
                      .whereEqualTo("state", PROCESSED)
                      .whereLessThan("processedAt", before)
                      .limit(500)
                      .get())
              .getDocuments();
      if (page.isEmpty()) {
        return forgotten;
      }
      WriteBatch batch = events.getFirestore().batch();
      page.forEach(d -> batch.delete(d.getReference()));
      calls.get(batch.commit());
      forgotten += page.size();
    }
  }

  private static Instant leaseUntil(DocumentSnapshot claim) {
    Instant until = Times.instant(claim.getTimestamp("leaseUntil"));
    return until == null ? Instant.MIN : until;
  }

  private DocumentReference doc(String eventId) {
    if (eventId == null || eventId.isBlank()) {
      throw new InvalidValueException("eventId", eventId, "is required");
    }
    return events.document(DocumentIds.encode(eventId));
  }
}
