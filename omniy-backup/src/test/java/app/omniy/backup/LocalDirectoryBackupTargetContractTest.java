package app.omniy.backup;

import app.omniy.core.backup.spi.BackupTarget;
import app.omniy.testkit.contract.BackupTargetContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The BackupTarget contract on the local file system. */
class LocalDirectoryBackupTargetContractTest extends BackupTargetContract {
  @TempDir Path dir;

  @Override
  protected BackupTarget newTarget() {
    return new LocalDirectoryBackupTarget(dir.resolve("backups"));
  }
}
