package app.omniy.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.evaluator.AlertEvaluator;
import app.omniy.core.memory.InMemoryStores;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A percentile from histogram buckets fires only on what the buckets prove (ALERT-W1). */
class HistogramBucketsTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private static Evaluation p95(Comparison comparison, double lower, double upper, long n) {
    AlertRule rule =
        AlertRule.builder("P95")
            .name("p95")
            .severity(AlertSeverity.WARNING)
            .metric("latency")
            .aggregation(new Aggregation.Percentile(BigDecimal.valueOf(95)))
            .when(comparison, "2")
            .over(Duration.ofMinutes(5))
            .minSamples(20)
            .channels(Channel.SLACK)
            .respondWithin(Duration.ofHours(1))
            .build();
    AlertEvaluator evaluator = AlertEvaluator.create(List.of(rule), InMemoryStores.alertStates());
    evaluator.recorder("latency", Map.of()).bucket(NOW.toEpochMilli(), lower, upper, n);
    return evaluator.evaluate(NOW).statuses().get(0).evaluation();
  }

  @Test
  void a_bucket_straddling_the_threshold_never_makes_above_or_at_least_hold() {
    assertThat(p95(Comparison.ABOVE, 1.79, 2.15, 100).outcome())
        .isEqualTo(Evaluation.Outcome.CLEAR);
    assertThat(p95(Comparison.AT_LEAST, 1.79, 2.15, 100).outcome())
        .isEqualTo(Evaluation.Outcome.CLEAR);
  }

  @Test
  void a_bucket_starting_at_the_threshold_is_above_it() {
    assertThat(p95(Comparison.ABOVE, 2.0, 2.5, 100).outcome()).isEqualTo(Evaluation.Outcome.HOLDS);
    assertThat(p95(Comparison.ABOVE, 2.5, Double.POSITIVE_INFINITY, 100).outcome())
        .isEqualTo(Evaluation.Outcome.HOLDS);
  }

  @Test
  void below_and_at_most_hold_only_when_the_upper_bound_proves_them() {
    assertThat(p95(Comparison.BELOW, 1.5, 2.15, 100).outcome()).isEqualTo(Evaluation.Outcome.CLEAR);
    assertThat(p95(Comparison.BELOW, 1.5, 1.9, 100).outcome()).isEqualTo(Evaluation.Outcome.HOLDS);
    assertThat(p95(Comparison.AT_MOST, 1.5, 2.0, 100).outcome())
        .isEqualTo(Evaluation.Outcome.HOLDS);
    assertThat(p95(Comparison.AT_MOST, 1.5, 2.15, 100).outcome())
        .isEqualTo(Evaluation.Outcome.CLEAR);
  }

  @Test
  void every_request_in_a_bucket_is_a_sample() {
    assertThat(p95(Comparison.ABOVE, 2.5, 3.0, 19).outcome())
        .isEqualTo(Evaluation.Outcome.TOO_LITTLE_DATA);
    assertThat(p95(Comparison.ABOVE, 2.5, 3.0, 20).samples()).isEqualTo(20);
  }
}
