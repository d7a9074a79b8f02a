package app.omniy.firestore.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.backup.BackupTask;
import app.omniy.backup.LocalDirectoryBackupTarget;
import app.omniy.backup.RestoreTestTask;
import app.omniy.core.InvalidValueException;
import app.omniy.core.backup.BackupIds;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.memory.InMemoryJobLeaseStore;
import app.omniy.core.memory.InMemoryJobRunStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.support.EscalationLevel;
import app.omniy.core.support.SupportPriority;
import app.omniy.core.support.SupportTicket;
import app.omniy.firestore.FirestoreConnections;
import app.omniy.firestore.FirestoreStoreOptions;
import app.omniy.firestore.FirestoreSupportTicketStore;
import app.omniy.runtime.maintenance.MaintenanceScheduler;
import app.omniy.testkit.FirestoreEmulator;
import app.omniy.testkit.FirestoreEmulatorExtension;
import app.omniy.testkit.SettableClock;
import com.google.cloud.firestore.Firestore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup jobs on the emulator (MNT-1, BAK-1, BAK-3): the 03:00 JST backup and the 15th's
 * restore test run by the maintenance scheduler through {@link FirestoreStoreBackup}, the copy
 * restored into a scratch project, compared and removed; a corrupted backup or a copy that differs
 * fails.
 */
@ExtendWith(FirestoreEmulatorExtension.class)
class FirestoreStoreBackupTest {
  private final FirestoreEmulator emulator;
  private final List<Firestore> clients = new ArrayList<>();
  private final FirestoreStoreOptions source;
  private final FirestoreStoreOptions scratch;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  @TempDir Path dir;

  FirestoreStoreBackupTest(FirestoreEmulator emulator) {
    this.emulator = emulator;
    this.source = options(emulator.projectId(), "production-" + UUID.randomUUID());
    this.scratch =
        options("demo-scratch-" + UUID.randomUUID().toString().substring(0, 8), "restore-test");
  }

  private FirestoreStoreOptions options(String projectId, String namespace) {
    Firestore db = FirestoreConnections.emulator(emulator.hostAndPort(), projectId);
    clients.add(db);
    return new FirestoreStoreOptions(db, namespace, new SimpleMeterRegistry());
  }

  @AfterEach
  void disconnect() throws Exception {
    for (Firestore db : clients) {
      db.close();
    }
  }

  private static Instant jst(String local) {
    return OffsetDateTime.parse(local + "+09:00").toInstant();
  }

  private void tickets(int n, Instant at) {
    FirestoreSupportTicketStore store = new FirestoreSupportTicketStore(source);
    for (int i = 0; i < n; i++) {
      store.save(SupportTicket.open("T-" + i, SupportPriority.MEDIUM, at.plusSeconds(i)));
    }
  }

  private MaintenanceScheduler scheduler(SettableClock clock, FirestoreStoreBackup backups) {
    return MaintenanceScheduler.builder(clock)
        .task(new BackupTask(backups))
        .task(new RestoreTestTask(backups))
        .leases(new InMemoryJobLeaseStore())
        .runs(new InMemoryJobRunStore())
        .registry(registry)
        .build();
  }

  private static JobRun only(List<JobRun> ended) {
    assertThat(ended).hasSize(1);
    return ended.get(0);
  }

  @Test
  void the_nightly_backup_and_the_15ths_restore_test_run_on_the_emulator_and_leave_no_copy() {
    SettableClock clock = SettableClock.at(jst("2026-04-15T02:59:00"));
    tickets(30, jst("2026-04-01T10:00:00"));
    FirestoreStoreBackup backups =
        new FirestoreStoreBackup(source, new LocalDirectoryBackupTarget(dir), scratch, 10);
    MaintenanceScheduler s = scheduler(clock, backups);
    s.tick();

    clock.set(jst("2026-04-15T03:00:00"));
    JobRun backup = only(s.tick());

    assertThat(backup.outcome()).as("%s", backup.error()).isEqualTo(JobOutcome.SUCCEEDED);
    assertThat(backup.output())
        .startsWith("backup: 20260414T180000Z: 30 documents in 3 files (")
        .endsWith("bytes), verified; none expired");

    // The source moves on after 03:00: one ticket answered, one new.
    FirestoreSupportTicketStore store = new FirestoreSupportTicketStore(source);
    store.save(store.find("T-0").orElseThrow().withFirstResponse(jst("2026-04-15T08:00:00")));
    store.save(SupportTicket.open("T-new", SupportPriority.HIGH, jst("2026-04-15T08:30:00")));
    clock.set(jst("2026-04-15T09:00:00"));
    JobRun restore = only(s.tick());

    assertThat(restore.jobId()).isEqualTo(JobIds.MONTHLY_AUDIT);
    assertThat(restore.outcome()).as("%s", restore.error()).isEqualTo(JobOutcome.SUCCEEDED);
    assertThat(restore.output())
        .isEqualTo(
            "restore-test: backup 20260414T180000Z restored into the scratch database: 30"
                + " documents, identical to the backup; 3 difference(s) from the source, changed"
                + " since the backup");
    FirestoreStoreOptions copy = scratch.withNamespace("restore-test-20260414T180000Z");
    assertThat(FirestoreBackup.collections(copy)).as("the copy is deleted").isEmpty();
  }

  @Test
  void a_corrupted_backup_fails_the_restore_test_naming_the_file_and_counts_for_mnt_3()
      throws Exception {
    SettableClock clock = SettableClock.at(jst("2026-04-15T08:59:00"));
    tickets(5, jst("2026-04-01T10:00:00"));
    LocalDirectoryBackupTarget target = new LocalDirectoryBackupTarget(dir);
    FirestoreStoreBackup backups = new FirestoreStoreBackup(source, target, scratch);
    String id = backups.backup(jst("2026-04-15T03:00:00")).backupId();
    Path file = dir.resolve(id).resolve("supportTickets-00000.ndjson");
    Files.writeString(file, Files.readString(file).replace("MEDIUM", "LOW___"));
    MaintenanceScheduler s = scheduler(clock, backups);
    s.tick();

    clock.set(jst("2026-04-15T09:00:00"));
    JobRun restore = only(s.tick());

    assertThat(restore.outcome()).isEqualTo(JobOutcome.FAILED);
    assertThat(restore.error())
        .startsWith("restore-test: BackupVerificationException: backup " + id)
        .contains("supportTickets-00000.ndjson", "corrupted");
    assertThat(
            registry
                .counter(
                    MetricNames.MAINTENANCE_RUNS,
                    MetricNames.TAG_JOB,
                    JobIds.MONTHLY_AUDIT,
                    MetricNames.TAG_OUTCOME,
                    MetricNames.OUTCOME_FAILURE)
                .count())
        .isEqualTo(1);
  }

  @Test
  void a_copy_that_differs_from_its_backup_is_found_document_by_document() throws Exception {
    tickets(3, jst("2026-04-01T10:00:00"));
    LocalDirectoryBackupTarget target = new LocalDirectoryBackupTarget(dir);
    FirestoreBackup backup = new FirestoreBackup(source, target);
    BackupManifest manifest = backup.backup(jst("2026-04-15T03:00:00"));
    FirestoreStoreOptions copy = scratch.withNamespace("differs");
    backup.restore(manifest.backupId(), copy);
    FirestoreSupportTicketStore copied = new FirestoreSupportTicketStore(copy);
    copied.save(copied.find("T-1").orElseThrow().withLevel(EscalationLevel.L2));
    copied.save(SupportTicket.open("T-extra", SupportPriority.LOW, jst("2026-04-02T10:00:00")));
    copy.db()
        .collection("omniy")
        .document("differs")
        .collection("supportTickets")
        .document("T-2")
        .delete()
        .get();

    RestoredCopy.Result result = new RestoredCopy(target, manifest, copy).compare();

    assertThat(result.count()).isEqualTo(3);
    assertThat(result.listed())
        .containsExactly(
            "supportTickets/T-1: field(s) level differ",
            "supportTickets/T-extra: in the copy, not in the backup",
            "supportTickets/T-2: in the backup, missing in the copy");
    assertThat(BackupIds.takenAt(manifest.backupId())).isPresent();
  }

  @Test
  void the_scratch_may_not_be_the_source() {
    assertThatThrownBy(
            () ->
                new FirestoreStoreBackup(
                    source, new LocalDirectoryBackupTarget(dir), source.withMeters(registry)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("scratch");
  }
}
