package app.omniy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertEvaluation;
import org.junit.jupiter.api.Test;

/** Runs the benchmark's bodies once, so a broken benchmark fails the build, not the measurement. */
class AlertEvaluatorBenchmarkTest {

  @Test
  void the_benchmarked_samples_reach_every_label_set_and_evaluate() {
    var benchmark = new AlertEvaluatorBenchmark();
    benchmark.labelSets = 100;
    benchmark.setUp();

    for (int i = 0; i < 10; i++) {
      benchmark.recordSamples();
    }
    benchmark.baselineArrayWrites();
    AlertEvaluation result = benchmark.evaluateAllLabelSets();

    assertThat(result.statuses()).hasSize(100);
    assertThat(result.statuses())
        .allSatisfy(s -> assertThat(s.evaluation().samples()).isPositive());
    assertThat(benchmark.baselineCounts).doesNotContain(0L);
  }

  @Test
  void the_memory_measurement_reports_both_figures() {
    var benchmark = new AlertEvaluatorBenchmark();
    benchmark.labelSets = 1000;
    var retained = new AlertEvaluatorBenchmark.Retained();

    assertThat(benchmark.retainedBytes(retained)).isNotNull();

    // Outside JMH the weight is 1: the figures are this one measurement's.
    assertThat(retained.bytesPerLabelSet).isPositive().isLessThan(16 * 1024);
    assertThat(retained.baselineBytesPerLabelSet).isPositive();
  }
}
