package app.omniy.firestore;

import app.omniy.core.Require;
import app.omniy.core.maintenance.spi.JobLease;
import app.omniy.core.maintenance.spi.JobLeaseStore;
import app.omniy.firestore.internal.Args;
import app.omniy.firestore.internal.FirestoreCallException;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.Times;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JobLeaseStore} on Firestore (MNT-3): one document per job in {@code
 * omniy/{namespace}/jobLeases}, with {@code jobId}, {@code due}, {@code owner}, {@code until}
 * (timestamps for the times) and {@code done}.
 *
 * <p>A job's first claim ever is a {@code create}, which exactly one of racing runtimes wins
 * without a transaction; later claims, renewals and completions read and write in a transaction,
 * applying {@link JobLease#mayClaim}. Each job is claimed a few times a day, far below Firestore's
 * one write per second per document. Times are kept to the microsecond, as every store here does.
 */
public final class FirestoreJobLeaseStore implements JobLeaseStore {
  static final String COLLECTION = FirestoreCollections.JOB_LEASES;

  private final CollectionReference leases;
  private final FirestoreCalls calls;

  /** A store on {@code options}' database and namespace. */
  public FirestoreJobLeaseStore(FirestoreStoreOptions options) {
    this.leases = options.collection(COLLECTION);
    this.calls = new FirestoreCalls(options.meters());
  }

  @Override
  public boolean claim(String jobId, Instant due, String owner, Instant now, Instant until) {
    Require.nonNull(now, "now");
    JobLease wanted =
        new JobLease(
            jobId,
            micros(Require.nonNull(due, "due")),
            owner,
            micros(Require.nonNull(until, "until")),
            false);
    DocumentReference doc = doc(jobId);
    Map<String, Object> fields = write(wanted);
    if (!calls.get(doc.get()).exists()) {
      try {
        calls.get(doc.create(fields));
        return true;
      } catch (FirestoreCallException e) {
        if (!e.alreadyExists()) {
          throw e;
        }
      }
    }
    return calls.get(
        leases
            .getFirestore()
            .runTransaction(
                tx -> {
                  if (!JobLease.mayClaim(read(tx.get(doc).get()), wanted.due(), now)) {
                    return false;
                  }
                  tx.set(doc, fields);
                  return true;
                }));
  }

  @Override
  public boolean renew(String jobId, Instant due, String owner, Instant until) {
    Instant end = micros(Require.nonNull(until, "until"));
    return update(
        jobId, due, owner, held -> new JobLease(jobId, held.due(), owner, end, held.done()));
  }

  @Override
  public boolean complete(String jobId, Instant due, String owner) {
    return update(
        jobId, due, owner, held -> new JobLease(jobId, held.due(), owner, held.until(), true));
  }

  @Override
  public Optional<JobLease> find(String jobId) {
    return Optional.ofNullable(read(calls.get(doc(jobId).get())));
  }

  private boolean update(String jobId, Instant due, String owner, UnaryOperator<JobLease> change) {
    Instant occurrence = micros(Require.nonNull(due, "due"));
    Args.nonBlank(owner, "owner");
    DocumentReference doc = doc(jobId);
    return calls.get(
        leases
            .getFirestore()
            .runTransaction(
                tx -> {
                  JobLease held = read(tx.get(doc).get());
                  if (held == null
                      || !held.due().equals(occurrence)
                      || !held.owner().equals(owner)) {
                    return false;
                  }
                  tx.set(doc, write(change.apply(held)));
                  return true;
                }));
  }

  private DocumentReference doc(String jobId) {
    return leases.document(DocumentIds.encode(Args.nonBlank(jobId, "jobId")));
  }

  /** {@code instant} as it reads back from Firestore, so comparisons with stored times hold. */
  private static Instant micros(Instant instant) {
    return Times.instant(Times.ts(instant));
  }

  private static Map<String, Object> write(JobLease lease) {
    return Map.of(
        "jobId", lease.jobId(),
        "due", Times.ts(lease.due()),
        "owner", lease.owner(),
        "until", Times.ts(lease.until()),
        "done", lease.done());
  }

  private static @Nullable JobLease read(DocumentSnapshot doc) {
    if (!doc.exists()) {
      return null;
    }
    Boolean done = doc.getBoolean("done");
    return new JobLease(
        doc.getString("jobId"),
        Times.instant(doc.getTimestamp("due")),
        doc.getString("owner"),
        Times.instant(doc.getTimestamp("until")),
        done != null && done);
  }
}
