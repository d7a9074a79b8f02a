package app.omniy.backup;

import app.omniy.core.backup.BackupIds;
import app.omniy.core.backup.BackupRetention;
import app.omniy.core.backup.BackupSummary;
import app.omniy.core.backup.RestoreCheck;
import app.omniy.core.backup.spi.StoreBackup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A {@link StoreBackup} over a list of backup ids in memory, with the real retention rule; the
 * restore test answers what the test sets. (The real one, on the Firestore emulator, is {@code
 * FirestoreStoreBackupTest} in omniy-firestore.)
 */
final class RecordingStoreBackup implements StoreBackup {
  final NavigableSet<String> ids = new ConcurrentSkipListSet<>(); // read by tests while tasks write
  final List<String> restored = new ArrayList<>();
  RestoreCheck restoreAnswer;
  RuntimeException failBackup;

  @Override
  public BackupSummary backup(Instant now) {
    if (failBackup != null) {
      throw failBackup;
    }
    String id = BackupIds.of(now);
    ids.add(id);
    return new BackupSummary(id, now, 1_200, 1, 4_096);
  }

  @Override
  public List<String> deleteExpired(BackupRetention retention, Instant now) {
    List<String> expired = retention.expired(ids, now);
    expired.forEach(ids::remove);
    return expired;
  }

  @Override
  public Optional<String> latest() {
    return ids.isEmpty() ? Optional.empty() : Optional.of(ids.last());
  }

  @Override
  public RestoreCheck restoreTest(String backupId) {
    restored.add(backupId);
    return restoreAnswer;
  }
}
