package app.omniy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.sla.DowntimePeriod;
import org.junit.jupiter.api.Test;

/** Runs the benchmark's bodies once, so a broken benchmark fails the build, not the measurement. */
class MonthlyCreditsBenchmarkTest {

  @Test
  void the_credits_are_computed_for_every_customer_and_are_repeatable() {
    var benchmark = new MonthlyCreditsBenchmark();
    benchmark.customers = 2_000;
    benchmark.createCustomers();

    long credits = benchmark.monthlyCredits();

    assertThat(benchmark.downtime).hasSize(2_000);
    assertThat(benchmark.downtime).allSatisfy(periods -> assertThat(periods).hasSizeLessThan(21));
    // Some customers are owed nothing, many 10% (198 JPY) or more; never above 50% (990 JPY).
    assertThat(credits).isPositive().isLessThanOrEqualTo(2_000L * 990);
    assertThat(benchmark.monthlyCredits()).isEqualTo(credits);
    assertThat(benchmark.baselineSumSeconds())
        .isEqualTo(
            benchmark.downtime.stream()
                .flatMap(java.util.List::stream)
                .mapToLong(DowntimePeriod::seconds)
                .sum());
  }
}
