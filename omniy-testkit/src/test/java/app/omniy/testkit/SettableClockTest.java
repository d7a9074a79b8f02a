package app.omniy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SettableClockTest {
  private static final Instant START = Instant.parse("2026-04-01T00:00:00Z");

  @Test
  void stands_still_until_moved() {
    var clock = SettableClock.at(START);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(START.plusSeconds(300));
    assertThat(clock.millis()).isEqualTo(START.plusSeconds(300).toEpochMilli());
  }

  @Test
  void zone_views_share_the_instant() {
    var clock = SettableClock.at(START);
    var tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));

    clock.advance(Duration.ofHours(1));

    assertThat(tokyo.instant()).isEqualTo(START.plusSeconds(3600));
    assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(clock.getZone()).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void can_step_backwards_with_set_but_not_with_advance() {
    var clock = SettableClock.at(START);

    clock.set(START.minusSeconds(10));

    assertThat(clock.instant()).isEqualTo(START.minusSeconds(10));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("amount");
  }
}
