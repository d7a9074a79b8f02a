package app.omniy.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * POST-3 at scheduling time: every rolling window containing the publish time, and the next slot.
 */
class SchedulingQuotaTest {
  private static final Instant T = Instant.parse("2026-04-10T12:00:00Z");
  private static final Duration DAY = Duration.ofHours(24);
  private final SchedulingQuota quota = SchedulingQuota.DEFAULTS;

  private static List<Instant> hourly(Instant first, int count) {
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      times.add(first.plus(Duration.ofHours(i)));
    }
    return times;
  }

  @Test
  void a_post_fits_while_every_window_around_it_has_a_free_slot() {
    QuotaForecast f = quota.forecast(hourly(T.minus(Duration.ofHours(2)), 2), 3, T, T.plus(DAY));

    assertThat(f.fits()).isTrue();
    assertThat(f.taken()).isEqualTo(2);
    assertThat(f.next()).contains(T);
  }

  @Test
  void a_full_day_before_the_post_gives_the_instant_the_oldest_slot_frees() {
    // Three posts at T−3h, T−2h, T−1h with a limit of 3: the slot of T−3h frees at T+21h.
    List<Instant> taken = hourly(T.minus(Duration.ofHours(3)), 3);

    QuotaForecast f = quota.forecast(taken, 3, T, T.plus(Duration.ofDays(7)));

    assertThat(f.fits()).isFalse();
    assertThat(f.taken()).isEqualTo(3);
    assertThat(f.next()).contains(T.plus(Duration.ofHours(21)));
    assertThat(f.describe())
        .isEqualTo(
            "3 of 3 posts already in a rolling PT24H around 2026-04-10T12:00:00Z; next free slot"
                + " at 2026-04-11T09:00:00Z");
  }

  @Test
  void a_post_that_would_push_a_later_post_over_the_limit_does_not_fit() {
    // Limit 2: posts at T+1h and T+2h. A third at T lies in the window ending at T+2h with both.
    List<Instant> later = List.of(T.plus(Duration.ofHours(1)), T.plus(Duration.ofHours(2)));

    QuotaForecast f = quota.forecast(later, 2, T, T.plus(Duration.ofDays(7)));

    assertThat(f.fits()).isFalse();
    // Before them nothing frees; after T+2h+24h − … : the first slot that frees is T+1h+24h.
    assertThat(f.next()).contains(T.plus(Duration.ofHours(25)));
  }

  @Test
  void the_window_is_half_open_so_a_slot_frees_exactly_one_day_after_it_was_taken() {
    List<Instant> taken = List.of(T.minus(DAY));

    assertThat(quota.forecast(taken, 1, T, T.plus(DAY)).fits()).isTrue();
    assertThat(quota.forecast(taken, 1, T.minusNanos(1), T.plus(DAY)).next()).contains(T);
  }

  @Test
  void no_free_slot_within_the_search_end_is_said_plainly() {
    // Limit 1 and a post every 12 hours for a week: no instant has a free window within two days.
    List<Instant> taken = new ArrayList<>();
    for (int i = -2; i < 14; i++) {
      taken.add(T.plus(Duration.ofHours(12L * i)));
    }

    QuotaForecast f = quota.forecast(taken, 1, T.plusSeconds(1), T.plus(Duration.ofDays(2)));

    assertThat(f.fits()).isFalse();
    assertThat(f.next()).isEmpty();
    assertThat(f.describe()).endsWith("; no free slot found");
  }

  @Test
  void posts_far_from_the_requested_time_are_ignored() {
    List<Instant> far = hourly(T.minus(Duration.ofDays(3)), 10);
    far.addAll(hourly(T.plus(Duration.ofDays(3)), 10));

    assertThat(quota.forecast(far, 1, T, T.plus(DAY)).fits()).isTrue();
  }

  @Test
  void the_configuration_is_checked() {
    assertThatThrownBy(
            () -> new SchedulingQuota(ScheduleQuotaMode.WARN, QuotaPolicy.DEFAULTS, Duration.ZERO))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("searchSpan");
    assertThatThrownBy(() -> quota.forecast(List.of(), 0, T, T))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("limit");
    assertThat(SchedulingQuota.DEFAULTS.mode()).isEqualTo(ScheduleQuotaMode.WARN);
    assertThat(quota.withMode(ScheduleQuotaMode.REFUSE).mode()).isEqualTo(ScheduleQuotaMode.REFUSE);
  }
}
