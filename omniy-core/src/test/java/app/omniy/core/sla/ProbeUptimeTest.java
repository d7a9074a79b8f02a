package app.omniy.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLA-5: downtime and unknown time from probes every 5 minutes. */
class ProbeUptimeTest {
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private static final Instant T0 = Instant.parse("2026-04-10T01:00:00Z");
  private static final TimeRange HOUR = new TimeRange(T0, T0.plusSeconds(3_600));

  /** Probes every 5 minutes over the hour; the given minutes fail. */
  private static List<ProbeResult> everyFiveMinutes(int... failedMinutes) {
    List<ProbeResult> results = new ArrayList<>();
    for (int minute = 0; minute < 60; minute += 5) {
      boolean failed = false;
      for (int f : failedMinutes) {
        failed |= f == minute;
      }
      results.add(new ProbeResult(at(minute), !failed));
    }
    return results;
  }

  private static Instant at(int minute) {
    return T0.plusSeconds(minute * 60L);
  }

  private static ProbeUptime.Outcome evaluate(List<ProbeResult> results) {
    return ProbeUptime.evaluate(results, FIVE_MINUTES, HOUR, SlaTarget.SYSTEM);
  }

  @Test
  void a_failed_probe_marks_down_until_the_next_successful_probe() {
    ProbeUptime.Outcome outcome = evaluate(everyFiveMinutes(20, 25));

    assertThat(outcome.downtime())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.range()).isEqualTo(new TimeRange(at(20), at(30)));
              assertThat(p.cause()).isEqualTo(DowntimeCause.PROBE);
            });
    assertThat(outcome.unknown()).isEmpty();
  }

  @Test
  void a_gap_of_exactly_two_intervals_is_still_known() {
    List<ProbeResult> results =
        List.of(
            ProbeResult.up(at(0)),
            ProbeResult.down(at(10)),
            ProbeResult.up(at(20)),
            ProbeResult.up(at(30)),
            ProbeResult.up(at(40)),
            ProbeResult.up(at(50)));

    ProbeUptime.Outcome outcome = evaluate(results);

    assertThat(outcome.unknown()).isEmpty();
    assertThat(outcome.downtime())
        .singleElement()
        .satisfies(p -> assertThat(p.seconds()).isEqualTo(600));
  }

  @Test
  void a_gap_longer_than_two_intervals_is_unknown_after_one_interval_of_the_last_state() {
    List<ProbeResult> results =
        List.of(
            ProbeResult.up(at(0)),
            ProbeResult.down(at(5)),
            ProbeResult.up(at(40)),
            ProbeResult.up(at(45)),
            ProbeResult.up(at(50)),
            ProbeResult.up(at(55)));

    ProbeUptime.Outcome outcome = evaluate(results);

    assertThat(outcome.downtime())
        .singleElement()
        .satisfies(p -> assertThat(p.range()).isEqualTo(new TimeRange(at(5), at(10))));
    assertThat(outcome.unknown()).containsExactly(new TimeRange(at(10), at(40)));
    assertThat(outcome.unknownSeconds()).isEqualTo(1_800);
  }

  @Test
  void no_probes_at_the_start_or_after_the_end_of_the_range_are_unknown() {
    List<ProbeResult> results =
        List.of(ProbeResult.up(at(20)), ProbeResult.up(at(25)), ProbeResult.up(at(30)));

    ProbeUptime.Outcome outcome = evaluate(results);

    assertThat(outcome.downtime()).isEmpty();
    assertThat(outcome.unknown())
        .containsExactly(new TimeRange(at(0), at(20)), new TimeRange(at(35), at(60)));
  }

  @Test
  void probes_outside_the_range_set_the_state_at_its_edges() {
    List<ProbeResult> results = new ArrayList<>(everyFiveMinutes());
    results.add(ProbeResult.down(at(-5)));
    results.add(ProbeResult.up(at(60)));
    results.set(0, ProbeResult.down(at(0)));

    ProbeUptime.Outcome outcome = evaluate(results);

    // down from -5 until the success at 5, cut at the range's start
    assertThat(outcome.downtime())
        .singleElement()
        .satisfies(p -> assertThat(p.range()).isEqualTo(new TimeRange(at(0), at(5))));
    assertThat(outcome.unknown()).isEmpty();
  }

  @Test
  void no_probes_at_all_is_all_unknown_and_no_downtime() {
    ProbeUptime.Outcome outcome = evaluate(List.of());

    assertThat(outcome.downtime()).isEmpty();
    assertThat(outcome.unknownSeconds()).isEqualTo(3_600);
  }

  @Test
  void the_month_is_incomplete_when_unknown_time_exceeds_the_error_budget() {
    SlaMonth april = SlaMonth.of(YearMonth.of(2026, 4));
    Instant start = april.start();
    List<ProbeResult> results = new ArrayList<>();
    for (long s = 0; s < april.seconds(); s += 300) {
      // A silent monitor from day 10, 00:00 for 2,700 s: 2,400 s beyond the one known interval.
      boolean silent = s > 864_000 && s < 864_000 + 2_700;
      if (!silent) {
        results.add(ProbeResult.up(start.plusSeconds(s)));
      }
    }
    ProbeUptime.Outcome outcome =
        ProbeUptime.evaluate(results, FIVE_MINUTES, april.range(), SlaTarget.SYSTEM);
    Availability availability =
        DowntimeLedger.of(outcome.downtime()).availability(SlaTarget.SYSTEM, april);

    assertThat(outcome.unknownSeconds()).isEqualTo(2_400);
    assertThat(outcome.incomplete(availability)).isFalse();
    assertThat(availability.met()).isTrue();

    results.removeIf(r -> r.at().equals(start.plusSeconds(864_000 + 2_700)));
    ProbeUptime.Outcome longer =
        ProbeUptime.evaluate(results, FIVE_MINUTES, april.range(), SlaTarget.SYSTEM);

    assertThat(longer.unknownSeconds()).isEqualTo(2_700);
    assertThat(longer.incomplete(availability)).isTrue();
  }
}
