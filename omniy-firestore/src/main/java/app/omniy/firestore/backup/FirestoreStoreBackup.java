package app.omniy.firestore.backup;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.backup.BackupRetention;
import app.omniy.core.backup.BackupSummary;
import app.omniy.core.backup.RestoreCheck;
import app.omniy.core.backup.spi.BackupTarget;
import app.omniy.core.backup.spi.StoreBackup;
import app.omniy.firestore.FirestoreStoreOptions;
import app.omniy.firestore.backup.BackupManifest.BackupFile;
import app.omniy.firestore.internal.FirestoreCalls;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.WriteBatch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Firestore side of the backup jobs (BAK-1, BAK-3), for {@code BackupTask} and {@code
 * RestoreTestTask} in {@code omniy-backup}: backups of {@code source}'s namespace on {@code target}
 * through {@link FirestoreBackup}, and the monthly restore test into a scratch database.
 *
 * <pre>{@code
 * StoreBackup backups = new FirestoreStoreBackup(
 *     FirestoreStoreOptions.of(db, registry).withNamespace("production"),
 *     new CloudStorageBackupTarget(storage, "omniy-backups", "firestore/"), // omniy-backup
 *     FirestoreStoreOptions.of(scratchDb, registry).withNamespace("restore-test"));
 * }</pre>
 *
 * <p>The restore test restores into a namespace of its own in the scratch database, {@code {scratch
 * namespace}-{backup id}}, so a copy left behind by a run that died never blocks the next one; it
 * compares the copy with the backup's files document by document (what must match) and with the
 * source ({@link BackupComparison}, what changed since the backup), then deletes the copy.
 */
public final class FirestoreStoreBackup implements StoreBackup {
  /** Documents deleted per commit when the scratch copy is removed. */
  static final int DELETE_BATCH = 500;

  private final FirestoreStoreOptions source;
  private final BackupTarget target;
  private final FirestoreStoreOptions scratch;
  private final FirestoreBackup backups;

  /**
   * Backups of {@code source} on {@code target}, restore-tested in {@code scratch}, {@value
   * FirestoreBackup#DEFAULT_PART_SIZE} documents a file.
   *
   * @throws InvalidValueException if an argument is missing, or {@code scratch} is the source's
   *     database and namespace
   */
  public FirestoreStoreBackup(
      FirestoreStoreOptions source, BackupTarget target, FirestoreStoreOptions scratch) {
    this(source, target, scratch, FirestoreBackup.DEFAULT_PART_SIZE);
  }

  /**
   * The same, with at most {@code partSize} documents per file.
   *
   * @throws InvalidValueException as above, or if {@code partSize} is not positive
   */
  public FirestoreStoreBackup(
      FirestoreStoreOptions source,
      BackupTarget target,
      FirestoreStoreOptions scratch,
      int partSize) {
    this.backups = new FirestoreBackup(source, target, partSize);
    Require.nonNull(scratch, "scratch");
    if (sameDatabase(source, scratch) && source.namespace().equals(scratch.namespace())) {
      throw new InvalidValueException(
          "scratch", scratch.namespace(), "must not be the source's namespace in its database");
    }
    this.source = source;
    this.target = target;
    this.scratch = scratch;
  }

  @Override
  public BackupSummary backup(Instant now) {
    BackupManifest manifest = backups.backup(now);
    return new BackupSummary(
        manifest.backupId(),
        manifest.takenAt(),
        manifest.documents(),
        manifest.files().size(),
        manifest.files().stream().mapToLong(BackupFile::bytes).sum());
  }

  @Override
  public List<String> deleteExpired(BackupRetention retention, Instant now) {
    return backups.deleteExpired(retention, now);
  }

  @Override
  public Optional<String> latest() {
    return backups.latest();
  }

  /**
   * @throws app.omniy.core.backup.BackupVerificationException if a file of the backup is missing or
   *     corrupted (nothing is restored then)
   * @throws InvalidValueException if the scratch namespace already holds data
   */
  @Override
  public RestoreCheck restoreTest(String backupId) {
    FirestoreStoreOptions copy =
        scratch.withNamespace(scratch.namespace() + "-" + BackupTarget.checkBackupId(backupId));
    try {
      BackupManifest manifest = backups.restore(backupId, copy);
      RestoredCopy.Result result = new RestoredCopy(target, manifest, copy).compare();
      ComparisonReport withSource = BackupComparison.compare(source, copy);
      return new RestoreCheck(
          backupId,
          manifest.documents(),
          result.count(),
          result.listed(),
          withSource.differenceCount());
    } finally {
      deleteAll(copy);
    }
  }

  /** Deletes every document of {@code options}' namespace, a batch at a time. */
  private static void deleteAll(FirestoreStoreOptions options) {
    FirestoreCalls calls = new FirestoreCalls(options.meters());
    Firestore db = options.db();
    for (CollectionReference collection : FirestoreBackup.collections(options)) {
      while (true) {
        List<QueryDocumentSnapshot> page =
            calls.get(collection.limit(DELETE_BATCH).get()).getDocuments();
        if (page.isEmpty()) {
          break;
        }
        WriteBatch batch = db.batch();
        page.forEach(doc -> batch.delete(doc.getReference()));
        calls.get(batch.commit());
      }
    }
  }

  private static boolean sameDatabase(FirestoreStoreOptions a, FirestoreStoreOptions b) {
    return a.db() == b.db()
        || (a.db().getOptions().getProjectId().equals(b.db().getOptions().getProjectId())
            && a.db().getOptions().getDatabaseId().equals(b.db().getOptions().getDatabaseId()));
  }
}
