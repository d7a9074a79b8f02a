package app.omniy.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.DefaultAlertRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:10Z");

  private static Sample requests(Instant at, String status, long count) {
    return new Sample(
        at, "http.server.requests", Map.of("status", status), Sample.Kind.COUNT, count);
  }

  @Test
  void each_change_is_handed_over_as_soon_as_its_evaluation_has_run() {
    List<String> changes = new ArrayList<>();
    Replay replay =
        Replay.start(
            List.of(DefaultAlertRules.SERVICE_DOWN),
            Duration.ofMinutes(1),
            null,
            change -> changes.add(change.describe()));

    replay.feed(requests(T0, "200", 88));
    replay.feed(requests(T0.plusSeconds(10), "503", 12));
    assertThat(changes).isEmpty();
    replay.feed(requests(T0.plusSeconds(170), "200", 1)); // after the 09:01 and 09:02 evaluations

    assertThat(changes).hasSize(1);
    assertThat(changes.get(0))
        .isEqualTo("2026-03-02T09:01:00Z ALERT-C1 {} FIRED slack,sms,email: 12% (12 of 100) > 10%");
    replay.finish();
  }

  @Test
  void run_over_a_list_gives_the_same_changes_in_any_order_of_samples() {
    List<Sample> samples =
        List.of(
            requests(T0.plusSeconds(350), "200", 50),
            requests(T0, "200", 88),
            requests(T0.plusSeconds(10), "503", 12));

    assertThat(
            Replay.run(
                List.of(DefaultAlertRules.SERVICE_DOWN), samples, Duration.ofMinutes(1), null))
        .extracting(Replay.Change::describe)
        .satisfiesExactly(
            fired -> assertThat(fired).startsWith("2026-03-02T09:01:00Z ALERT-C1 {} FIRED "),
            resolved ->
                assertThat(resolved)
                    .isEqualTo(
                        "2026-03-02T09:06:00Z ALERT-C1 {} RESOLVED slack,sms,email:"
                            + " clear: 0% (0 of 50), not > 10%"));
  }

  @Test
  void a_step_outside_one_second_to_one_day_is_refused_naming_every() {
    for (Duration step :
        List.of(
            Duration.ZERO,
            Duration.ofNanos(100_000),
            Duration.ofMillis(999),
            Duration.ofDays(1).plusMillis(1),
            Duration.ofDays(1_000_000_000_000L),
            Duration.ofSeconds(1).plusNanos(1))) {
      assertThatThrownBy(() -> Replay.start(List.of(), step, null, change -> {}))
          .isInstanceOfSatisfying(
              InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("every"));
    }
  }

  @Test
  void a_replay_covers_at_most_366_days_from_its_first_sample() {
    Replay tooLate =
        Replay.start(List.of(), Duration.ofMinutes(1), T0.plus(Duration.ofDays(367)), c -> {});
    assertThatThrownBy(() -> tooLate.feed(requests(T0, "200", 1)))
        .hasMessage(
            "until = '2027-03-04T09:00:10Z': must be at most 366 days after the first sample,"
                + " 2026-03-02T09:00:10Z");

    Replay spread = Replay.start(List.of(), Duration.ofDays(1), null, c -> {});
    spread.feed(requests(T0, "200", 1));
    spread.feed(requests(T0.plus(Duration.ofDays(366)), "200", 1));
    assertThatThrownBy(() -> spread.feed(requests(T0.plus(Duration.ofDays(367)), "200", 1)))
        .hasMessageContaining("is more than 366 days after the first sample");
  }

  @Test
  void samples_out_of_time_order_or_beyond_year_9999_are_refused() {
    Replay replay = Replay.start(List.of(), Duration.ofMinutes(1), null, c -> {});
    replay.feed(requests(T0, "200", 1));

    assertThatThrownBy(() -> replay.feed(requests(T0.minusSeconds(1), "200", 1)))
        .hasMessageContaining("is before the sample before it");
    assertThatThrownBy(
            () ->
                Replay.start(List.of(), Duration.ofMinutes(1), null, c -> {})
                    .feed(requests(Instant.MAX, "200", 1)))
        .hasMessageContaining("must be from 1970 to 9999");
  }

  @Test
  void a_count_that_is_not_a_whole_number_of_events_is_refused_before_a_replay_sees_it() {
    // ALERT-4, found by ReplayFuzzTest: a negative count was refused only after the evaluations
    // before it had run, a fraction was cut to a whole number and a huge one wrapped a window's
    // sums around.
    for (double count : new double[] {-1, 0.5, Double.NaN, Double.NEGATIVE_INFINITY, 1e15 + 2}) {
      assertThatThrownBy(
              () -> new Sample(T0, "http.server.requests", Map.of(), Sample.Kind.COUNT, count))
          .isInstanceOfSatisfying(
              InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("value"));
    }
    assertThat(new Sample(T0, "http.server.requests", Map.of(), Sample.Kind.COUNT, 1e15).value())
        .isEqualTo(Sample.MAX_COUNT);
    // A measured value may be anything: NaN is a gauge whose source is gone, read as no data.
    assertThat(new Sample(T0, "system.cpu.usage", Map.of(), Sample.Kind.VALUE, Double.NaN).value())
        .isNaN();
  }
}
