package app.omniy.ops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClaimLimitTest {
  private static final Duration SLOW = Duration.ofSeconds(2);
  private static final Duration QUICK = Duration.ofMillis(20);

  @Test
  void congestion_halves_the_limit_down_to_one_and_clean_attempts_raise_it_by_one() {
    var limit = new ClaimLimit(8, SLOW);

    limit.record(true, QUICK);
    assertThat(limit.limit()).isEqualTo(4);
    limit.record(true, QUICK);
    limit.record(true, QUICK);
    limit.record(true, QUICK);
    assertThat(limit.limit()).isEqualTo(1);

    limit.record(false, QUICK);
    limit.record(false, QUICK);
    assertThat(limit.limit()).isEqualTo(3);
  }

  @Test
  void a_slow_attempt_counts_as_congestion_and_the_limit_never_exceeds_the_maximum() {
    var limit = new ClaimLimit(4, SLOW);

    limit.record(false, QUICK);
    assertThat(limit.limit()).isEqualTo(4);
    limit.record(false, SLOW.plusMillis(1));
    assertThat(limit.limit()).isEqualTo(2);
  }
}
