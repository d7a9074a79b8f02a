package app.omniy.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClaimLimitTest {
  private static final Duration SLOW = Duration.ofSeconds(2);
  private static final Duration QUICK = Duration.ofMillis(20);

  @Test
  void congestion_on_accounts_in_turn_halves_the_limit_down_to_one_and_clean_attempts_raise_it() {
    var limit = new ClaimLimit(8, SLOW);

    limit.record("a", true, QUICK); // the first struggle: nothing to tell it from one account's
    assertThat(limit.limit()).isEqualTo(8);
    limit.record("b", true, QUICK);
    assertThat(limit.limit()).isEqualTo(4);
    limit.record("c", true, QUICK);
    limit.record("a", true, QUICK);
    limit.record("b", true, QUICK);
    assertThat(limit.limit()).isEqualTo(1);

    limit.record("c", false, QUICK);
    limit.record("a", false, QUICK);
    assertThat(limit.limit()).isEqualTo(3);
  }

  @Test
  void a_slow_attempt_counts_as_congestion_and_the_limit_never_exceeds_the_maximum() {
    var limit = new ClaimLimit(4, SLOW);

    limit.record("a", false, QUICK);
    assertThat(limit.limit()).isEqualTo(4);
    limit.record("a", false, SLOW.plusMillis(1));
    limit.record("b", false, SLOW.plusMillis(1));
    assertThat(limit.limit()).isEqualTo(2);
  }

  @Test
  void one_account_whose_every_call_struggles_does_not_lower_the_limit_for_the_others() {
    var limit = new ClaimLimit(4, SLOW);

    for (int i = 0; i < 10; i++) {
      limit.record(
          "stalling", true, SLOW.plusMillis(1)); // POST-10: its trouble, not the publisher's
      limit.record("healthy-" + i, false, QUICK);
    }
    assertThat(limit.limit()).isEqualTo(4);

    limit.record("healthy-0", true, QUICK); // a second account struggles too: the publisher's
    assertThat(limit.limit()).isEqualTo(2);
  }
}
