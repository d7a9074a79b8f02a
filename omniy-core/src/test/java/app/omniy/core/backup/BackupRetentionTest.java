package app.omniy.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BAK-1: backups are kept 30 days, then deleted; the newest is never deleted. */
class BackupRetentionTest {
  private static final Instant NOW = Instant.parse("2026-11-28T18:00:00Z");

  private static String daysAgo(long days) {
    return BackupIds.of(NOW.minus(Duration.ofDays(days)));
  }

  @Test
  void backups_older_than_thirty_days_are_deleted_oldest_first() {
    List<String> ids = List.of(daysAgo(0), daysAgo(29), daysAgo(31), daysAgo(45));

    assertThat(BackupRetention.GUIDE.expired(ids, NOW)).containsExactly(daysAgo(45), daysAgo(31));
  }

  @Test
  void a_backup_exactly_thirty_days_old_is_kept() {
    assertThat(BackupRetention.GUIDE.expired(List.of(daysAgo(30), daysAgo(1)), NOW)).isEmpty();
  }

  @Test
  void the_newest_backup_is_never_deleted_even_when_every_backup_is_old() {
    List<String> ids = List.of(daysAgo(40), daysAgo(90), daysAgo(60));

    assertThat(BackupRetention.GUIDE.expired(ids, NOW)).containsExactly(daysAgo(90), daysAgo(60));
  }

  @Test
  void ids_omniy_did_not_make_are_left_alone() {
    List<String> ids = List.of("manual-copy", "20260101T000000", daysAgo(100), daysAgo(0));

    assertThat(BackupRetention.GUIDE.expired(ids, NOW)).containsExactly(daysAgo(100));
  }

  @Test
  void a_non_positive_keep_is_rejected_naming_the_field() {
    assertThatThrownBy(() -> new BackupRetention(Duration.ZERO))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("keep"));
  }
}
