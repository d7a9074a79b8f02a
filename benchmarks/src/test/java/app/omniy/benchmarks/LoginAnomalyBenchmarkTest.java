package app.omniy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the benchmark's body, so a broken benchmark fails the build, not the measurement. */
class LoginAnomalyBenchmarkTest {

  @Test
  void the_benchmarked_stream_yields_findings_and_stays_within_the_tracked_bounds() {
    var benchmark = new LoginAnomalyBenchmark();
    benchmark.accounts = 1000;
    benchmark.makeEvents();
    List<Object> found = new ArrayList<>();
    for (int i = 0; i < 1 << 16; i++) {
      found.addAll(benchmark.detect());
    }

    assertThat(found).isNotEmpty();
    // Accounts whose every login failed have no known country: at most the 1,000 accounts.
    assertThat(benchmark.detector.tracked().knownAccounts()).isBetween(1, 1000);
    assertThat(benchmark.baselineCountPerAccount()).isPositive();
  }
}
