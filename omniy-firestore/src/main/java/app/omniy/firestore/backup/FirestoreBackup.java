package app.omniy.firestore.backup;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.backup.BackupIds;
import app.omniy.core.backup.BackupRetention;
import app.omniy.core.backup.BackupVerificationException;
import app.omniy.core.backup.spi.BackupTarget;
import app.omniy.core.backup.spi.BackupTarget.StoredFile;
import app.omniy.firestore.FirestoreCollections;
import app.omniy.firestore.FirestoreStoreOptions;
import app.omniy.firestore.backup.BackupManifest.BackupFile;
import app.omniy.firestore.internal.Digests;
import app.omniy.firestore.internal.DocumentPages;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.ValueCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.WriteBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Logical backups of one Omniy namespace (BAK-1, BAK-3): every collection under {@code
 * omniy/{namespace}} exported to NDJSON files of at most {@code partSize} documents each, plus a
 * {@link BackupManifest}, on a {@link BackupTarget}; verified after writing; restored into another
 * database, project or namespace; old backups deleted by {@link BackupRetention}.
 *
 * <p>The export reads each collection in document-id order a page at a time; it is not a
 * point-in-time snapshot (a document written during the export may or may not be in it). It takes
 * every collection under {@code omniy/{namespace}} and, below them, the nested collections the
 * stores declare ({@link FirestoreCollections#nested()}: a job's runs under {@code
 * maintenanceJobs/{jobId}/runs}), whose files name their collection by its path. Production also
 * runs the managed export ({@link ManagedExport}), which Google restores itself.
 */
public final class FirestoreBackup {
  /** Documents per restore commit: Firestore allows at most 500 writes in one. */
  static final int RESTORE_BATCH = 500;

  /** Documents per NDJSON file unless set otherwise. */
  public static final int DEFAULT_PART_SIZE = 5_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 1_000;

  private final FirestoreStoreOptions source;
  private final BackupTarget target;
  private final int partSize;
  private final FirestoreCalls calls;

  /**
   * Backups of {@code source}'s namespace on {@code target}, {@value #DEFAULT_PART_SIZE} documents
   * a file.
   */
  public FirestoreBackup(FirestoreStoreOptions source, BackupTarget target) {
    this(source, target, DEFAULT_PART_SIZE);
  }

  /**
   * Backups with at most {@code partSize} documents per file.
   *
   * @throws InvalidValueException if an argument is missing or {@code partSize} is not positive
   */
  public FirestoreBackup(FirestoreStoreOptions source, BackupTarget target, int partSize) {
    Require.nonNull(source, "source");
    Require.nonNull(target, "target");
    if (partSize < 1) {
      throw new InvalidValueException("partSize", partSize, "must be at least 1");
    }
    this.source = source;
    this.target = target;
    this.partSize = partSize;
    this.calls = new FirestoreCalls(source.meters());
  }

  /**
   * Exports every collection of the namespace as backup {@link BackupIds#of BackupIds.of(now)},
   * then verifies it ({@link #verify}).
   *
   * @return the verified manifest
   * @throws BackupVerificationException if the written backup does not read back as written
   */
  public BackupManifest backup(Instant now) {
    String backupId = BackupIds.of(now);
    List<BackupFile> files = new ArrayList<>();
    List<CollectionReference> all = collectionPaths(source);
    for (int i = 0; i < all.size(); i++) {
      CollectionReference collection = all.get(i);
      String path = relativePath(source, collection);
      // A nested collection's path holds a document id, which a file name cannot: its files are
      // numbered ("maintenanceJobs.3.runs-00000.ndjson") and the manifest keeps the path.
      String stem =
          path.contains("/")
              ? path.substring(0, path.indexOf('/')) + "." + i + "." + collection.getId()
              : path;
      exportCollection(backupId, collection, path, stem, files);
    }
    BackupManifest manifest = new BackupManifest(backupId, now, source.namespace(), files);
    target.put(backupId, BackupManifest.FILE_NAME, manifest.toJson());
    return verify(backupId);
  }

  private void exportCollection(
      String backupId,
      CollectionReference collection,
      String path,
      String stem,
      List<BackupFile> files) {
    DocumentPages pages = new DocumentPages(collection, PAGE, calls);
    ByteArrayOutputStream part = new ByteArrayOutputStream();
    long inPart = 0;
    int partNo = 0;
    while (pages.hasNext()) {
      QueryDocumentSnapshot doc = pages.next();
      ObjectNode line = JSON.createObjectNode();
      line.put("id", doc.getId());
      line.set("fields", ValueCodec.encodeFields(doc.getData()));
      try {
        JSON.writeValue(part, line);
      } catch (IOException e) {
        throw new IllegalStateException("writing to memory cannot fail", e);
      }
      part.write('\n');
      if (++inPart == partSize) {
        files.add(writePart(backupId, path, stem, partNo++, part.toByteArray(), inPart));
        part.reset();
        inPart = 0;
      }
    }
    if (inPart > 0) {
      files.add(writePart(backupId, path, stem, partNo, part.toByteArray(), inPart));
    }
  }

  private BackupFile writePart(
      String backupId, String collection, String stem, int partNo, byte[] content, long documents) {
    String name = String.format("%s-%05d.ndjson", stem, partNo);
    target.put(backupId, name, content);
    return new BackupFile(name, collection, documents, content.length, Digests.sha256Hex(content));
  }

  /**
   * Verifies backup {@code backupId} (BAK-1: listed, counted, checksummed): its manifest reads
   * back, every file it names is listed with its size, and every file's SHA-256 and line count
   * match the manifest.
   *
   * @return the manifest
   * @throws BackupVerificationException naming the first file that does not match
   */
  public BackupManifest verify(String backupId) {
    BackupManifest manifest = manifest(backupId);
    Map<String, Long> listed = new HashMap<>();
    for (StoredFile f : target.list(backupId)) {
      listed.put(f.name(), f.size());
    }
    for (BackupFile file : manifest.files()) {
      Long size = listed.get(file.name());
      if (size == null) {
        throw new BackupVerificationException(backupId, file.name(), "is not listed in the backup");
      }
      if (size != file.bytes()) {
        throw new BackupVerificationException(
            backupId,
            file.name(),
            "is listed with " + size + " bytes, the manifest says " + file.bytes());
      }
      checked(backupId, file);
    }
    return manifest;
  }

  /**
   * Restores backup {@code backupId} into {@code into} (another database, project id or namespace;
   * BAK-3), after checking every file's checksum and count against the manifest. Documents are
   * written in batches of {@value #RESTORE_BATCH}, one commit at a time: a pace Firestore's ramp-up
   * rule for a new database tolerates, and one the emulator keeps up with (a BulkWriter with
   * hundreds of batches in flight stalled it).
   *
   * @return the manifest that was restored
   * @throws BackupVerificationException if a file is missing, corrupted or miscounted; nothing is
   *     written then
   * @throws InvalidValueException if {@code into} already holds data: restore into an empty place
   */
  public BackupManifest restore(String backupId, FirestoreStoreOptions into) {
    Require.nonNull(into, "into");
    if (!collections(into).isEmpty()) {
      throw new InvalidValueException(
          "into",
          into.namespace(),
          "already holds data: restore into an empty namespace or database");
    }
    BackupManifest manifest = manifest(backupId);
    // Check every file before writing anything, so a corrupted backup restores nothing.
    Map<String, byte[]> contents = new HashMap<>();
    for (BackupFile file : manifest.files()) {
      contents.put(file.name(), checked(backupId, file));
    }
    Firestore db = into.db();
    DocumentReference root = root(into);
    WriteBatch batch = db.batch();
    int pending = 0;
    for (BackupFile file : manifest.files()) {
      CollectionReference collection = root.collection(file.collection());
      for (String line : lines(contents.remove(file.name()))) {
        JsonNode doc = readLine(backupId, file, line);
        batch.set(
            collection.document(doc.path("id").asText()),
            ValueCodec.decodeFields(doc.path("fields"), db));
        if (++pending == RESTORE_BATCH) {
          calls.get(batch.commit());
          batch = db.batch();
          pending = 0;
        }
      }
    }
    if (pending > 0) {
      calls.get(batch.commit());
    }
    return manifest;
  }

  /**
   * Deletes the backups {@code retention} says have expired at {@code now} (BAK-1: 30 days; never
   * the newest).
   *
   * @return the ids deleted
   */
  public List<String> deleteExpired(BackupRetention retention, Instant now) {
    Require.nonNull(retention, "retention");
    List<String> expired = retention.expired(target.backups(), now);
    expired.forEach(target::delete);
    return expired;
  }

  /** The newest backup's id on the target, if any (BAK-3 restores the latest backup). */
  public Optional<String> latest() {
    List<String> ids = new ArrayList<>(target.backups());
    ids.removeIf(id -> BackupIds.takenAt(id).isEmpty());
    return ids.stream().max(Comparator.naturalOrder());
  }

  private BackupManifest manifest(String backupId) {
    byte[] json =
        target
            .read(BackupTarget.checkBackupId(backupId), BackupManifest.FILE_NAME)
            .orElseThrow(
                () ->
                    new BackupVerificationException(
                        backupId,
                        BackupManifest.FILE_NAME,
                        "is missing: the backup is incomplete"));
    return BackupManifest.fromJson(backupId, json);
  }

  /** The file's content after checking its SHA-256 and line count against the manifest. */
  private byte[] checked(String backupId, BackupFile file) {
    byte[] content =
        target
            .read(backupId, file.name())
            .orElseThrow(
                () -> new BackupVerificationException(backupId, file.name(), "is missing"));
    String sha256 = Digests.sha256Hex(content);
    if (!sha256.equals(file.sha256())) {
      throw new BackupVerificationException(
          backupId,
          file.name(),
          "has SHA-256 "
              + sha256
              + ", the manifest says "
              + file.sha256()
              + ": the file is corrupted");
    }
    long count = lines(content).size();
    if (count != file.documents()) {
      throw new BackupVerificationException(
          backupId,
          file.name(),
          "holds " + count + " documents, the manifest says " + file.documents());
    }
    return content;
  }

  private static List<String> lines(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  private static JsonNode readLine(String backupId, BackupFile file, String line) {
    try {
      JsonNode doc = JSON.readTree(line);
      if (!doc.path("id").isTextual() || !doc.path("fields").isObject()) {
        throw new BackupVerificationException(
            backupId, file.name(), "has a line without id or fields");
      }
      return doc;
    } catch (IOException e) {
      throw new BackupVerificationException(backupId, file.name(), "has a line that is not JSON");
    }
  }

  static DocumentReference root(FirestoreStoreOptions options) {
    return options
        .db()
        .collection(FirestoreStoreOptions.ROOT_COLLECTION)
        .document(options.namespace());
  }

  /**
   * The namespace's collections by id, each followed by the nested collections declared under its
   * documents ({@link FirestoreCollections#nested()}), by parent document id. The parents are
   * listed with {@code listDocuments}, which also names a parent that exists only through its
   * nested collection (a maintenance job's runs).
   */
  static List<CollectionReference> collectionPaths(FirestoreStoreOptions options) {
    List<CollectionReference> out = new ArrayList<>();
    for (CollectionReference collection : collections(options)) {
      out.add(collection);
      for (FirestoreCollections.Nested nested : FirestoreCollections.nested()) {
        if (!nested.parent().equals(collection.getId())) {
          continue;
        }
        List<DocumentReference> parents = new ArrayList<>();
        collection.listDocuments().forEach(parents::add);
        parents.sort(Comparator.comparing(DocumentReference::getId));
        for (DocumentReference parent : parents) {
          out.add(parent.collection(nested.id()));
        }
      }
    }
    return out;
  }

  /**
   * {@code collection}'s path below the namespace's root document: its id, or {@code
   * parent/documentId/id} for a nested one.
   */
  static String relativePath(FirestoreStoreOptions options, CollectionReference collection) {
    return collection.getPath().substring(root(options).getPath().length() + 1);
  }

  /** The namespace's collections, by id. */
  static List<CollectionReference> collections(FirestoreStoreOptions options) {
    List<CollectionReference> out = new ArrayList<>();
    root(options).listCollections().forEach(out::add);
    out.sort(Comparator.comparing(CollectionReference::getId));
    return out;
  }
}
