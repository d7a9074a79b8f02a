package app.omniy.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLA-4: p95 by nearest rank from raw samples and by bucket upper bound from histograms. */
class LatencySloTest {

  private static List<Duration> millis(int from, int to) {
    List<Duration> samples = new ArrayList<>();
    for (int ms = from; ms <= to; ms++) {
      samples.add(Duration.ofMillis(ms));
    }
    Collections.shuffle(samples, new java.util.Random(4));
    return samples;
  }

  @Test
  void the_nearest_rank_is_the_ceiling_of_095_times_n() {
    assertThat(LatencySlo.nearestRank(LatencySlo.P95, 100)).isEqualTo(95);
    assertThat(LatencySlo.nearestRank(LatencySlo.P95, 101)).isEqualTo(96);
    assertThat(LatencySlo.nearestRank(LatencySlo.P95, 20)).isEqualTo(19);
    assertThat(LatencySlo.nearestRank(LatencySlo.P95, 1)).isEqualTo(1);
  }

  @Test
  void p95_of_raw_samples_is_a_real_sample_not_an_interpolation() {
    LatencyPercentile p95 = LatencySlo.p95(millis(1, 100));

    assertThat(p95.value()).isEqualTo(Duration.ofMillis(95));
    assertThat(p95.method()).isEqualTo(PercentileMethod.NEAREST_RANK);
    assertThat(p95.samples()).isEqualTo(100);
    // 101 samples: rank 96; interpolation would give 96.0 + something, nearest rank gives 96
    assertThat(LatencySlo.p95(millis(1, 101)).value()).isEqualTo(Duration.ofMillis(96));
  }

  @Test
  void the_api_objective_is_met_at_exactly_500_ms_and_missed_a_millisecond_later() {
    assertThat(LatencySlo.API.evaluate(LatencySlo.p95(millis(406, 505))).met()).isTrue();
    assertThat(LatencySlo.API.evaluate(LatencySlo.p95(millis(407, 506))).met()).isFalse();
  }

  @Test
  void p95_from_buckets_is_the_upper_bound_of_the_bucket_holding_the_rank() {
    List<HistogramBucket> buckets =
        List.of(
            new HistogramBucket(Duration.ofMillis(100), 50),
            new HistogramBucket(Duration.ofMillis(250), 45),
            new HistogramBucket(Duration.ofMillis(500), 4),
            new HistogramBucket(Duration.ofMillis(1000), 1));

    LatencyPercentile p95 = LatencySlo.p95(buckets, 0);

    // rank 95 of 100 is the last sample of the 250 ms bucket
    assertThat(p95.value()).isEqualTo(Duration.ofMillis(250));
    assertThat(p95.method()).isEqualTo(PercentileMethod.HISTOGRAM_UPPER_BOUND);
    assertThat(LatencySlo.p95(buckets, 1).value()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void a_rank_above_the_largest_bucket_never_meets_the_objective() {
    List<HistogramBucket> buckets = List.of(new HistogramBucket(Duration.ofMillis(100), 90));

    LatencyPercentile p95 = LatencySlo.p95(buckets, 10);

    assertThat(p95.aboveLargestBucket()).isTrue();
    assertThat(LatencySlo.API.evaluate(p95).met()).isFalse();
  }

  @Test
  void empty_samples_unordered_buckets_and_bad_quantiles_are_rejected() {
    assertThatThrownBy(() -> LatencySlo.p95(List.<Duration>of()))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(
            () ->
                LatencySlo.p95(
                    List.of(
                        new HistogramBucket(Duration.ofMillis(200), 1),
                        new HistogramBucket(Duration.ofMillis(100), 1)),
                    0))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> LatencySlo.nearestRank(new BigDecimal("1.5"), 10))
        .isInstanceOf(InvalidValueException.class);
    // Rounded up to a whole rank, this would divide by 10^999999999.
    assertThatThrownBy(() -> LatencySlo.nearestRank(new BigDecimal("1e-999999999"), 10))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("quantile = '1e-999999999': has more than 12 decimal places");
    assertThatThrownBy(
            () ->
                new LatencyPercentile(
                    new BigDecimal("1e-999999999"),
                    Duration.ofMillis(1),
                    PercentileMethod.NEAREST_RANK,
                    1,
                    false))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("quantile = '1e-999999999': has more than 12 decimal places");
  }
}
