package app.omniy.firestore.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.backup.CloudStorageBackupTarget;
import app.omniy.backup.FakeCloudStorage;
import app.omniy.backup.LocalDirectoryBackupTarget;
import app.omniy.core.InvalidValueException;
import app.omniy.core.backup.BackupIds;
import app.omniy.core.backup.BackupRetention;
import app.omniy.core.backup.BackupVerificationException;
import app.omniy.core.backup.spi.BackupTarget;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.maintenance.spi.JobRunStore;
import app.omniy.core.post.spi.PostStore;
import app.omniy.firestore.FirestoreCollections;
import app.omniy.firestore.FirestoreConnections;
import app.omniy.firestore.FirestoreJobRunStore;
import app.omniy.firestore.FirestorePostStore;
import app.omniy.firestore.FirestoreStoreOptions;
import app.omniy.firestore.backup.ComparisonReport.Difference;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.SamplePosts;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.GeoPoint;
import com.google.cloud.firestore.WriteBatch;
import com.google.cloud.storage.Storage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup, verification, restore into another project and comparison on the emulator (BAK-1, BAK-3).
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreBackupTest {
  private static final Instant NIGHT = Instant.parse("2026-11-27T18:00:00Z"); // 03:00 JST

  private final FirestoreEmulator emulator;
  private final List<Firestore> clients = new ArrayList<>();
  private final FirestoreStoreOptions source;
  private final Firestore db;
  @TempDir Path dir;

  FirestoreBackupTest(FirestoreEmulator emulator) {
    this.emulator = emulator;
    this.source = options(emulator.projectId(), "production");
    this.db = source.db();
  }

  private FirestoreStoreOptions options(String projectId, String namespace) {
    Firestore db = FirestoreConnections.emulator(emulator.hostAndPort(), projectId);
    clients.add(db);
    return new FirestoreStoreOptions(db, namespace, new SimpleMeterRegistry());
  }

  /** A scratch project of its own: the extension clears only the default project. */
  private FirestoreStoreOptions scratch() {
    return options("demo-scratch-" + UUID.randomUUID().toString().substring(0, 8), "production");
  }

  @AfterEach
  void disconnect() throws Exception {
    for (Firestore db : clients) {
      db.close();
    }
  }

  /** {@code count} documents in {@code collection}, with every Firestore value type among them. */
  private void write(String collection, int count) throws Exception {
    Firestore db = source.db();
    // Batches of 500, one commit at a time: a BulkWriter stalled the emulator on 10,000 documents.
    WriteBatch batch = db.batch();
    for (int i = 0; i < count; i++) {
      Map<String, Object> doc = new HashMap<>();
      doc.put("n", (long) i);
      doc.put("caption", "post " + i + " — ünïcödé \"quoted\"\nnew line");
      doc.put("ratio", i / 7.0);
      doc.put("published", i % 2 == 0);
      doc.put("at", Timestamp.ofTimeSecondsAndNanos(1_790_000_000L + i, 123_456_000));
      doc.put("none", null);
      doc.put("raw", Blob.fromBytes(new byte[] {(byte) i, 0, (byte) 255}));
      doc.put("where", new GeoPoint(35.68, 139.76));
      doc.put("tags", List.of("a", (long) i, Map.of("x", 0.5)));
      doc.put(
          "post", Map.of("id", "p" + i, "media", Map.of("width", 1080L, "url", "https://x/" + i)));
      batch.set(
          db.collection("omniy").document("production").collection(collection).document("d" + i),
          doc);
      if ((i + 1) % 500 == 0) {
        batch.commit().get();
        batch = db.batch();
      }
    }
    if (count % 500 != 0) {
      batch.commit().get();
    }
  }

  @Test
  void a_backup_holds_every_collection_the_stores_declare_and_the_managed_export_names_them()
      throws Exception {
    for (String collection : FirestoreCollections.all()) {
      if (!collection.equals(FirestoreCollections.MAINTENANCE_JOBS)) {
        write(collection, 2);
      }
    }
    // A job's runs live below a job document that is never written (maintenanceJobs/{id}/runs).
    JobRunStore runs = new FirestoreJobRunStore(source);
    JobRun run =
        JobRun.running("nightly-backup", NIGHT, "runtime-1", NIGHT)
            .finish(NIGHT.plusSeconds(90), JobOutcome.SUCCEEDED, "ok", null);
    runs.save(run);
    LocalDirectoryBackupTarget target = new LocalDirectoryBackupTarget(dir);
    FirestoreBackup backup = new FirestoreBackup(source, target);

    BackupManifest manifest = backup.backup(NIGHT);
    FirestoreStoreOptions restored = scratch();
    backup.restore(manifest.backupId(), restored);

    List<String> listed = new ArrayList<>();
    FirestoreBackup.root(source).listCollections().forEach(c -> listed.add(c.getId()));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(FirestoreCollections.all());
    List<String> expected = new ArrayList<>(FirestoreCollections.all());
    expected.remove(FirestoreCollections.MAINTENANCE_JOBS);
    expected.add("maintenanceJobs/nightly-backup/runs");
    assertThat(manifest.files().stream().map(BackupManifest.BackupFile::collection).distinct())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(ManagedExport.OMNIY_COLLECTION_GROUPS).containsAll(listed).contains("runs");
    assertThat(new FirestoreJobRunStore(restored).find("nightly-backup", NIGHT)).contains(run);
    assertThat(BackupComparison.compare(source, restored).identical()).isTrue();
    assertThat(new RestoredCopy(target, manifest, restored).compare().count()).isZero();
  }

  @Test
  void backup_then_restore_into_a_second_project_yields_identical_documents_for_10000_documents()
      throws Exception {
    write("posts", 9_990);
    write("downtime", 10);
    FirestoreBackup backup =
        new FirestoreBackup(source, new LocalDirectoryBackupTarget(dir), 4_000);

    BackupManifest manifest = backup.backup(NIGHT);
    FirestoreStoreOptions restored = scratch();
    backup.restore(manifest.backupId(), restored);
    ComparisonReport report = BackupComparison.compare(source, restored);

    assertThat(manifest.documents()).isEqualTo(10_000);
    assertThat(manifest.files())
        .extracting(BackupManifest.BackupFile::name)
        .containsExactly(
            "downtime-00000.ndjson",
            "posts-00000.ndjson",
            "posts-00001.ndjson",
            "posts-00002.ndjson");
    assertThat(report.differences()).isEmpty();
    assertThat(report.identical()).isTrue();
    assertThat(report.documentsCompared()).isEqualTo(10_000);
    assertThat(restored.db().getOptions().getProjectId())
        .isNotEqualTo(source.db().getOptions().getProjectId());
  }

  @Test
  void a_restored_store_reads_the_posts_its_source_wrote() {
    PostStore posts = new FirestorePostStore(source, 4);
    posts.insert(SamplePosts.image("p1", "acct-1", NIGHT), NIGHT);
    posts.claimDue(NIGHT, 1, "worker-1", Duration.ofMinutes(5));
    FirestoreBackup backup = new FirestoreBackup(source, new LocalDirectoryBackupTarget(dir));

    FirestoreStoreOptions restored = scratch();
    backup.restore(backup.backup(NIGHT).backupId(), restored);

    assertThat(new FirestorePostStore(restored, 4).find("p1")).isEqualTo(posts.find("p1"));
  }

  @Test
  void a_corrupted_backup_file_is_detected_by_its_checksum_and_nothing_is_restored()
      throws Exception {
    write("posts", 20);
    write("alertStates", 5);
    FirestoreBackup backup = new FirestoreBackup(source, new LocalDirectoryBackupTarget(dir));
    String id = backup.backup(NIGHT).backupId();
    Path file = dir.resolve(id).resolve("posts-00000.ndjson");
    String text = Files.readString(file);
    Files.writeString(file, text.replaceFirst("post 3 ", "post 8 ")); // same size, other bytes

    FirestoreStoreOptions restored = scratch();
    assertThatThrownBy(() -> backup.restore(id, restored))
        .isInstanceOfSatisfying(
            BackupVerificationException.class,
            e -> {
              assertThat(e.file()).isEqualTo("posts-00000.ndjson");
              assertThat(e.getMessage()).contains("SHA-256").contains("corrupted");
            });
    assertThat(
            BackupComparison.compare(
                    options(restored.db().getOptions().getProjectId(), "production"), restored)
                .documentsCompared())
        .isZero();
    assertThatThrownBy(() -> backup.verify(id))
        .isInstanceOfSatisfying(
            BackupVerificationException.class,
            e -> assertThat(e.file()).isEqualTo("posts-00000.ndjson"));
  }

  @Test
  void verification_names_a_file_that_went_missing() throws Exception {
    write("posts", 3);
    FirestoreBackup backup = new FirestoreBackup(source, new LocalDirectoryBackupTarget(dir));
    String id = backup.backup(NIGHT).backupId();
    Files.delete(dir.resolve(id).resolve("posts-00000.ndjson"));

    assertThatThrownBy(() -> backup.verify(id))
        .isInstanceOfSatisfying(
            BackupVerificationException.class,
            e -> {
              assertThat(e.file()).isEqualTo("posts-00000.ndjson");
              assertThat(e.getMessage()).contains("not listed");
            });
  }

  @Test
  void the_comparison_names_each_differing_field_and_each_missing_document() throws Exception {
    write("posts", 5);
    FirestoreBackup backup = new FirestoreBackup(source, new LocalDirectoryBackupTarget(dir));
    FirestoreStoreOptions restored = scratch();
    backup.restore(backup.backup(NIGHT).backupId(), restored);
    Firestore copy = restored.db();
    String posts = "omniy/production/posts/";
    copy.document(posts + "d1").update("post.media.width", 1081.0).get();
    copy.document(posts + "d2").delete().get();
    copy.document(posts + "zz").set(Map.of("n", 1L)).get();

    ComparisonReport report = BackupComparison.compare(source, restored);

    assertThat(report.identical()).isFalse();
    assertThat(report.differences())
        .containsExactly(
            new Difference(
                "posts",
                "d1",
                "post.media.width",
                "{\"integerValue\":\"1080\"}",
                "{\"doubleValue\":1081.0}"),
            new Difference("posts", "d2", "", "<document>", "<missing>"),
            new Difference("posts", "zz", "", "<missing>", "<document>"));
  }

  @Test
  void a_restore_into_a_place_that_holds_data_is_refused() throws Exception {
    write("posts", 2);
    FirestoreBackup backup = new FirestoreBackup(source, new LocalDirectoryBackupTarget(dir));
    String id = backup.backup(NIGHT).backupId();

    assertThatThrownBy(() -> backup.restore(id, source))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("into"));
  }

  @Test
  void retention_deletes_backups_older_than_30_days_but_never_the_newest() throws Exception {
    write("posts", 2);
    LocalDirectoryBackupTarget target = new LocalDirectoryBackupTarget(dir);
    FirestoreBackup backup = new FirestoreBackup(source, target);
    for (int daysAgo : new int[] {45, 31, 29}) {
      backup.backup(NIGHT.minus(Duration.ofDays(daysAgo)));
    }

    List<String> deleted = backup.deleteExpired(BackupRetention.GUIDE, NIGHT);
    List<String> later =
        backup.deleteExpired(BackupRetention.GUIDE, NIGHT.plus(Duration.ofDays(90)));

    assertThat(deleted)
        .containsExactly(
            BackupIds.of(NIGHT.minus(Duration.ofDays(45))),
            BackupIds.of(NIGHT.minus(Duration.ofDays(31))));
    assertThat(later).isEmpty();
    assertThat(target.backups()).containsExactly(BackupIds.of(NIGHT.minus(Duration.ofDays(29))));
    assertThat(backup.latest()).contains(BackupIds.of(NIGHT.minus(Duration.ofDays(29))));
  }

  /** The README's snippet (docs/a-backups.md): nightly backup, retention, monthly restore test. */
  @Test
  void a_backup_to_cloud_storage_is_verified_and_restores_identically() throws Exception {
    write("posts", 50);
    try (FakeCloudStorage gcs = new FakeCloudStorage()) {
      Storage storage = CloudStorageBackupTarget.unauthenticatedClient(gcs.host(), "demo-omniy");
      Firestore scratchDb = scratch().db();
      Instant now = NIGHT;
      MeterRegistry registry = new SimpleMeterRegistry();

      // --- snippet start
      FirestoreStoreOptions source =
          FirestoreStoreOptions.of(db, registry).withNamespace("production");
      BackupTarget target = new CloudStorageBackupTarget(storage, "omniy-backups", "firestore/");
      FirestoreBackup backups = new FirestoreBackup(source, target);

      // BAK-1, daily at 03:00 JST: export, then verify (listed, counted, checksummed)
      BackupManifest manifest = backups.backup(now);
      List<String> deleted = backups.deleteExpired(BackupRetention.GUIDE, now); // 30 days

      // BAK-3, monthly: restore the latest backup into a scratch project and compare
      FirestoreStoreOptions scratch =
          FirestoreStoreOptions.of(scratchDb, registry).withNamespace("production");
      backups.restore(backups.latest().orElseThrow(), scratch);
      ComparisonReport report = BackupComparison.compare(source, scratch);
      // --- snippet end

      assertThat(manifest.documents()).isEqualTo(50);
      assertThat(deleted).isEmpty();
      assertThat(gcs.names("omniy-backups"))
          .containsExactly(
              "firestore/20261127T180000Z/manifest.json",
              "firestore/20261127T180000Z/posts-00000.ndjson");
      assertThat(report.identical()).isTrue();
      assertThat(report.documentsCompared()).isEqualTo(50);
    }
  }

  @Test
  void a_backup_whose_upload_comes_back_with_other_checksums_fails_naming_the_file()
      throws Exception {
    write("posts", 3);
    try (FakeCloudStorage gcs = new FakeCloudStorage()) {
      FirestoreBackup backup =
          new FirestoreBackup(
              source,
              new CloudStorageBackupTarget(
                  CloudStorageBackupTarget.unauthenticatedClient(gcs.host(), "demo-omniy"),
                  "omniy-backups",
                  ""));
      gcs.answerNextUploadWithWrongChecksums();

      assertThatThrownBy(() -> backup.backup(NIGHT))
          .isInstanceOfSatisfying(
              BackupVerificationException.class,
              e -> assertThat(e.file()).isEqualTo("posts-00000.ndjson"));
    }
  }
}
