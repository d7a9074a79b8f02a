package app.omniy.stripe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** SLA-7: by the end of the following month, JST, inclusive of the last day. */
class InterimClaimDeadlineTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Test
  void the_deadline_is_the_last_day_of_the_following_month_also_across_years_and_leap_days() {
    assertThat(InterimClaimDeadline.lastDay(YearMonth.of(2026, 5)))
        .isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(InterimClaimDeadline.lastDay(YearMonth.of(2026, 12)))
        .isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(InterimClaimDeadline.lastDay(YearMonth.of(2028, 1)))
        .isEqualTo(LocalDate.of(2028, 2, 29));
  }

  @Test
  void the_last_day_counts_in_tokyo_not_in_the_default_zone() {
    YearMonth may = YearMonth.of(2026, 5);

    assertThat(InterimClaimDeadline.inTime(may, Instant.parse("2026-06-30T14:59:59Z"), TOKYO))
        .isTrue();
    assertThat(InterimClaimDeadline.inTime(may, Instant.parse("2026-06-30T15:00:00Z"), TOKYO))
        .isFalse();
    assertThat(InterimClaimDeadline.inTime(may, Instant.parse("2026-05-20T00:00:00Z"), TOKYO))
        .isTrue();
  }
}
