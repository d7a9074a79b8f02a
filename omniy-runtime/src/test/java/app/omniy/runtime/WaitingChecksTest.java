package app.omniy.runtime;

import static app.omniy.runtime.RuntimeFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The "oldest due post" and "last backup age" health checks (BAK-1, BAK-2). */
class WaitingChecksTest {
  private static final Instant T0 = Instant.parse("2026-11-28T14:00:00Z");
  private final SettableClock clock = SettableClock.at(T0);
  private final AtomicReference<Optional<Instant>> backup = new AtomicReference<>(Optional.empty());
  private Omniy omniy;

  @AfterEach
  void stop() {
    if (omniy != null) {
      omniy.close();
    }
  }

  /** A runtime paused from the start (INC-4), so nothing is claimed and the waiting only grows. */
  private Omniy paused(HealthThresholds thresholds) {
    omniy =
        Omniy.builder()
            .publisher(new ScriptedPublisher())
            .clock(clock)
            .lastBackup(backup::get)
            .healthThresholds(thresholds)
            .start();
    omniy.pause("INC-4: test");
    return omniy;
  }

  private static HealthCheck check(HealthReport report, String name) {
    return report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void the_oldest_unclaimed_due_post_degrades_after_one_minute_and_is_down_after_fifteen() {
    paused(HealthThresholds.DEFAULTS);
    assertThat(check(omniy.health(), "oldest-due").status()).isEqualTo(HealthStatus.UP);
    omniy.store().insert(post("p1", "acct", T0.plusSeconds(30)), T0);
    omniy.store().insert(post("p2", "other", T0.plusSeconds(90)), T0);

    clock.set(T0.plusSeconds(60)); // p1 due for 30 s
    assertThat(check(omniy.health(), "oldest-due").status()).isEqualTo(HealthStatus.UP);
    clock.set(T0.plusSeconds(91)); // 61 s
    HealthCheck degraded = check(omniy.health(), "oldest-due");
    clock.set(T0.plusSeconds(30).plus(Duration.ofMinutes(15)).plusSeconds(1));
    HealthReport down = omniy.health();

    assertThat(degraded.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(degraded.detail())
        .isEqualTo(
            "oldest unclaimed due post waiting PT1M1S (due since " + T0.plusSeconds(30) + ")");
    assertThat(check(down, "oldest-due").status()).isEqualTo(HealthStatus.DOWN);
    assertThat(down.status()).isEqualTo(HealthStatus.DOWN);
  }

  @Test
  void a_backup_never_known_is_unknown_not_healthy_and_its_age_is_judged_by_the_thresholds() {
    paused(HealthThresholds.DEFAULTS.withBackupAge(Duration.ofHours(25), Duration.ofHours(49)));
    omniy.resume(); // only the backup check is under test here
    HealthReport unknown = omniy.health();

    backup.set(Optional.of(T0.minus(Duration.ofHours(24))));
    HealthCheck fresh = check(omniy.health(), "backup");
    backup.set(Optional.of(T0.minus(Duration.ofHours(26))));
    HealthCheck late = check(omniy.health(), "backup");
    backup.set(Optional.of(T0.minus(Duration.ofHours(50))));
    HealthCheck missedTwice = check(omniy.health(), "backup");

    assertThat(check(unknown, "backup"))
        .isEqualTo(new HealthCheck("backup", HealthStatus.UNKNOWN, "no successful backup known"));
    assertThat(unknown.status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(unknown.toJson())
        .startsWith("{\"status\":\"UNKNOWN\"")
        .contains(
            "{\"name\":\"backup\",\"status\":\"UNKNOWN\",\"detail\":\"no successful backup known\"}");
    assertThat(fresh.status()).isEqualTo(HealthStatus.UP);
    assertThat(fresh.detail()).startsWith("last successful backup PT24H ago");
    assertThat(late.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(missedTwice.status()).isEqualTo(HealthStatus.DOWN);
  }

  @Test
  void without_a_backup_source_the_check_says_so_and_a_failing_source_is_unknown() {
    omniy = Omniy.builder().publisher(new ScriptedPublisher()).clock(clock).start();
    HealthCheck none = check(omniy.health(), "backup");
    omniy.close();
    omniy =
        Omniy.builder()
            .publisher(new ScriptedPublisher())
            .clock(clock)
            .lastBackup(
                () -> {
                  throw new IllegalStateException("bucket unreachable");
                })
            .start();

    assertThat(none.status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(none.detail()).contains("no backup source configured");
    assertThat(check(omniy.health(), "backup").detail())
        .isEqualTo("last backup unknown: java.lang.IllegalStateException: bucket unreachable");
  }

  @Test
  void thresholds_must_be_positive_and_down_not_below_degraded() {
    assertThatThrownBy(
            () ->
                HealthThresholds.DEFAULTS.withOldestDue(
                    Duration.ofMinutes(5), Duration.ofMinutes(1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("oldestDueDown");
    assertThatThrownBy(
            () -> HealthThresholds.DEFAULTS.withBackupAge(Duration.ZERO, Duration.ofHours(1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("backupDegraded");
  }
}
