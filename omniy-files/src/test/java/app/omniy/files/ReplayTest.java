package app.omniy.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTest {
  private static final List<Sample> ONE =
      List.of(
          new Sample(
              Instant.parse("2026-03-02T00:00:00Z"),
              "omniy.publish.attempts",
              Map.of(),
              Sample.Kind.COUNT,
              1));

  @Test
  void a_step_shorter_than_a_millisecond_or_longer_than_a_rule_can_wait_is_refused_naming_every() {
    assertThatThrownBy(() -> Replay.run(List.of(), ONE, Duration.ofNanos(500_000), null))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("every");
              assertThat(e.reason()).isEqualTo("must be at least 1 ms");
            });
    assertThatThrownBy(() -> Replay.run(List.of(), ONE, Duration.ofSeconds(Long.MAX_VALUE), null))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.reason()).isEqualTo("must be at most 366 days"));
    assertThatThrownBy(() -> Replay.run(List.of(), ONE, Duration.ZERO, null))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void a_millisecond_step_replays() {
    assertThat(Replay.run(List.of(), ONE, Duration.ofMillis(1), null)).isEmpty();
  }
}
