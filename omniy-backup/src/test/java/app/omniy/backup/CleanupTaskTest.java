package app.omniy.backup;

import static app.omniy.backup.TaskFixtures.jst;
import static app.omniy.backup.TaskFixtures.runAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.JobRun;
import app.omniy.runtime.maintenance.MaintenanceScheduler;
import app.omniy.testkit.SettableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean-up on its calendar job (MNT-1, BAK-4), run by the scheduler at 04:00 JST on a settable
 * clock; the JVM runs in America/New_York.
 */
class CleanupTaskTest {
  @TempDir Path dir;
  private final TaskFixtures fixtures = new TaskFixtures();

  @Test
  void the_clean_up_at_four_deletes_old_run_records_and_expired_configuration_backups()
      throws Exception {
    SettableClock clock = SettableClock.at(jst("2025-09-01T12:00:00"));
    ConfigBackup config =
        ConfigBackup.builder(dir.resolve("config"), clock)
            .key("k1", new SecretKeySpec(new byte[32], "AES"))
            .build();
    config.store("alerts.yaml", "v1".getBytes(StandardCharsets.UTF_8));
    clock.set(jst("2025-09-02T12:00:00"));
    config.store("alerts.yaml", "v2".getBytes(StandardCharsets.UTF_8));
    JobRun old =
        JobRun.running(
            JobIds.DAILY_BACKUP, jst("2025-03-01T03:00:00"), "a", jst("2025-03-01T03:00:00"));
    JobRun recent =
        JobRun.running(
            JobIds.DAILY_BACKUP, jst("2026-03-01T03:00:00"), "a", jst("2026-03-01T03:00:00"));
    fixtures.runs.save(old);
    fixtures.runs.save(recent);
    clock.set(jst("2026-04-10T03:59:00"));
    MaintenanceScheduler s =
        fixtures.scheduler(
            clock, CleanupTask.builder().jobRuns(fixtures.runs).configBackups(config).build());
    s.tick();

    JobRun run = runAt(clock, s, "2026-04-10T04:00:00");

    assertThat(run.jobId()).isEqualTo(JobIds.DAILY_LOG_CLEANUP);
    assertThat(run.output())
        .isEqualTo(
            "clean-up: 1 run record(s) due before 2025-03-05T19:00:00Z deleted;"
                + " 1 configuration backup(s) past retention deleted");
    assertThat(fixtures.runs.history(JobIds.DAILY_BACKUP, 10)).containsExactly(recent);
    assertThat(config.list())
        .singleElement()
        .satisfies(e -> assertThat(e.name()).isEqualTo("alerts.yaml"));
    assertThat(config.restoreLatest("alerts.yaml"))
        .hasValueSatisfying(
            bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("v2"));
  }

  @Test
  void a_clean_up_with_nothing_to_clean_is_refused_naming_what_to_configure() {
    assertThatThrownBy(() -> CleanupTask.builder().build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("jobRuns");
  }
}
