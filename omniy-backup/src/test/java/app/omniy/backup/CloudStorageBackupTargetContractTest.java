package app.omniy.backup;

import app.omniy.core.backup.spi.BackupTarget;
import app.omniy.testkit.contract.BackupTargetContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/**
 * The BackupTarget contract against WireMock standing in for the Cloud Storage JSON API; one fake
 * for the class, a bucket of its own per test.
 */
class CloudStorageBackupTargetContractTest extends BackupTargetContract {
  private static final FakeCloudStorage GCS = new FakeCloudStorage();

  @Override
  protected BackupTarget newTarget() {
    return new CloudStorageBackupTarget(
        CloudStorageBackupTarget.unauthenticatedClient(GCS.host(), "demo-omniy"),
        "backups-" + UUID.randomUUID(),
        "nightly/");
  }

  @AfterAll
  static void stop() {
    GCS.close();
  }
}
