package app.omniy.backup;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.runtime.HealthCheck;
import app.omniy.runtime.HealthStatus;
import app.omniy.runtime.Omniy;
import app.omniy.testkit.Await;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A backup task the runtime runs tells its "last backup" health check (BAK-1) by itself. */
class BackupHealthWiringTest {
  private static final Instant BACKUP_DUE = Instant.parse("2026-12-06T18:00:00Z"); // 03:00 JST

  @Test
  void the_backup_check_is_unknown_until_the_registered_backup_task_ran_then_up() throws Exception {
    SettableClock clock = SettableClock.at(BACKUP_DUE.minusSeconds(60));
    RecordingStoreBackup backups = new RecordingStoreBackup();
    Omniy omniy =
        Omniy.builder()
            .publisher(new ScriptedPublisher())
            .clock(clock)
            .maintenance(m -> m.task(new BackupTask(backups)).pollEvery(Duration.ofMillis(5)))
            .start();
    try {
      assertThat(backupCheck(omniy).status()).isEqualTo(HealthStatus.UNKNOWN);

      clock.set(BACKUP_DUE);
      // The task tells the check after the backup returns: wait for the check, not the backup.
      Await.until("the backup check is up", () -> backupCheck(omniy).status() == HealthStatus.UP);
      clock.set(BACKUP_DUE.plus(Duration.ofHours(2)));

      HealthCheck after = backupCheck(omniy);
      assertThat(after.status()).isEqualTo(HealthStatus.UP);
      assertThat(backups.ids).hasSize(1);
    } finally {
      omniy.close();
    }
  }

  private static HealthCheck backupCheck(Omniy omniy) {
    return omniy.health().checks().stream()
        .filter(c -> c.name().equals("backup"))
        .findFirst()
        .orElseThrow();
  }
}
