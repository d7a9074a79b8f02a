package app.omniy.firestore;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.spi.JobRunStore;
import app.omniy.firestore.internal.Args;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.Times;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.WriteBatch;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link JobRunStore} on Firestore (MNT-3): one document per occurrence in {@code
 * omniy/{namespace}/maintenanceJobs/{jobId}/runs/{due}}, with {@code jobId}, {@code due}, {@code
 * owner}, {@code started}, {@code finished} (absent while running), {@code outcome}, {@code output}
 * and {@code error} (absent unless it failed or was missed).
 *
 * <p>A subcollection per job keeps the history query ({@code due} descending) on Firestore's
 * automatic single-field index: no composite index to deploy.
 */
public final class FirestoreJobRunStore implements JobRunStore {
  static final String COLLECTION = FirestoreCollections.MAINTENANCE_JOBS;
  static final String RUNS = FirestoreCollections.MAINTENANCE_JOB_RUNS.id();

  /** Records deleted per commit; Firestore allows 500 writes in one. */
  static final int DELETE_BATCH = 500;

  private final CollectionReference jobs;
  private final FirestoreCalls calls;

  /** A store on {@code options}' database and namespace. */
  public FirestoreJobRunStore(FirestoreStoreOptions options) {
    this.jobs = options.collection(COLLECTION);
    this.calls = new FirestoreCalls(options.meters());
  }

  @Override
  public void save(JobRun run) {
    Require.nonNull(run, "run");
    Map<String, Object> fields = new HashMap<>();
    fields.put("jobId", run.jobId());
    fields.put("due", Times.ts(run.due()));
    fields.put("owner", run.owner());
    fields.put("started", Times.ts(run.started()));
    run.finishedAt().ifPresent(at -> fields.put("finished", Times.ts(at)));
    fields.put("outcome", run.outcome().name());
    fields.put("output", run.output());
    run.errorMessage().ifPresent(error -> fields.put("error", error));
    calls.get(runs(run.jobId()).document(id(run.due())).set(fields));
  }

  @Override
  public Optional<JobRun> find(String jobId, Instant due) {
    DocumentSnapshot doc = calls.get(runs(jobId).document(id(Require.nonNull(due, "due"))).get());
    return doc.exists() ? Optional.of(read(doc)) : Optional.empty();
  }

  @Override
  public List<JobRun> history(String jobId, int limit) {
    if (limit < 0) {
      throw new InvalidValueException("limit", limit, "must be zero or positive");
    }
    CollectionReference runs = runs(jobId);
    if (limit == 0) {
      return List.of();
    }
    return calls
        .get(runs.orderBy("due", Query.Direction.DESCENDING).limit(limit).get())
        .getDocuments()
        .stream()
        .map(FirestoreJobRunStore::read)
        .toList();
  }

  /**
   * Deletes in batches of {@value #DELETE_BATCH}, a query at a time, so a year of records never
   * makes one large commit.
   */
  @Override
  public int deleteBefore(String jobId, Instant dueBefore) {
    Query older =
        runs(jobId).whereLessThan("due", Times.ts(Require.nonNull(dueBefore, "dueBefore")));
    int deleted = 0;
    while (true) {
      List<QueryDocumentSnapshot> page = calls.get(older.limit(DELETE_BATCH).get()).getDocuments();
      if (page.isEmpty()) {
        return deleted;
      }
      WriteBatch batch = jobs.getFirestore().batch();
      page.forEach(doc -> batch.delete(doc.getReference()));
      calls.get(batch.commit());
      deleted += page.size();
    }
  }

  private CollectionReference runs(String jobId) {
    return jobs.document(DocumentIds.encode(Args.nonBlank(jobId, "jobId"))).collection(RUNS);
  }

  /** The occurrence as a document id that sorts and reads as its time. */
  private static String id(Instant due) {
    return DocumentIds.encode(Times.instant(Times.ts(due)).toString());
  }

  private static JobRun read(DocumentSnapshot doc) {
    return new JobRun(
        doc.getString("jobId"),
        Times.instant(doc.getTimestamp("due")),
        doc.getString("owner"),
        Times.instant(doc.getTimestamp("started")),
        Times.instant(doc.getTimestamp("finished")),
        JobOutcome.valueOf(doc.getString("outcome")),
        doc.getString("output"),
        doc.getString("error"));
  }
}
