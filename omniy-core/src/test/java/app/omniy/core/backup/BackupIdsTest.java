package app.omniy.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupIdsTest {
  @Test
  void an_id_is_the_utc_second_and_reads_back_as_that_instant() {
    Instant at = Instant.parse("2026-11-27T18:00:00.750Z"); // 03:00 JST on the 28th

    assertThat(BackupIds.of(at)).isEqualTo("20261127T180000Z");
    assertThat(BackupIds.takenAt("20261127T180000Z"))
        .contains(Instant.parse("2026-11-27T18:00:00Z"));
  }

  @Test
  void ids_sort_in_time_order_as_text() {
    String earlier = BackupIds.of(Instant.parse("2026-09-30T23:59:59Z"));
    String later = BackupIds.of(Instant.parse("2026-10-01T00:00:00Z"));

    assertThat(earlier).isLessThan(later);
  }

  @Test
  void text_that_is_not_an_id_has_no_time() {
    assertThat(BackupIds.takenAt("20261399T000000Z")).isEmpty();
    assertThat(BackupIds.takenAt("latest")).isEmpty();
  }
}
