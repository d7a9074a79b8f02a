package app.omniy.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An idle worker sleeps until the next due time, within bounds: lateness p99 at most 25 ms. */
class DispatchLoopIdleTest {
  private static final Instant NOW = Instant.parse("2026-04-01T00:00:00.000000500Z");
  private static final long POLL = Duration.ofMillis(10).toNanos();

  @Test
  void it_wakes_exactly_when_the_next_post_falls_due_within_the_poll() {
    assertThat(DispatchLoop.idleNanos(NOW, NOW.plusNanos(3_250_000), POLL)).isEqualTo(3_250_000);
    assertThat(DispatchLoop.idleNanos(NOW, NOW.plusSeconds(1).minusNanos(999_000_000), POLL))
        .isEqualTo(1_000_000);
  }

  @Test
  void it_sleeps_at_most_one_poll_so_a_post_scheduled_meanwhile_waits_no_longer() {
    assertThat(DispatchLoop.idleNanos(NOW, NOW.plusSeconds(3600), POLL)).isEqualTo(POLL);
    assertThat(DispatchLoop.idleNanos(NOW, Instant.MAX, POLL)).isEqualTo(POLL);
    assertThat(DispatchLoop.idleNanos(NOW, null, POLL)).isEqualTo(POLL);
  }

  @Test
  void a_post_already_due_gives_the_shortest_sleep_never_a_spin() {
    assertThat(DispatchLoop.idleNanos(NOW, NOW, POLL)).isEqualTo(DispatchLoop.MIN_IDLE_NANOS);
    assertThat(DispatchLoop.idleNanos(NOW, NOW.minusSeconds(30), POLL))
        .isEqualTo(DispatchLoop.MIN_IDLE_NANOS);
    assertThat(DispatchLoop.idleNanos(NOW, Instant.MIN, POLL))
        .isEqualTo(DispatchLoop.MIN_IDLE_NANOS);
  }
}
