package app.omniy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the benchmark's body once, so a broken benchmark fails the build, not the measurement. */
class ConfigFileBenchmarkTest {

  @Test
  void the_benchmarked_file_parses_into_every_entry() throws Exception {
    var benchmark = new ConfigFileBenchmark();
    benchmark.entries = 25;
    benchmark.writeFile();
    try {
      var parsed = benchmark.readStrictYaml();

      assertThat(parsed.entries()).hasSize(25);
      assertThat(parsed.entries().get(24).id()).isEqualTo("rule-24");
      assertThat(benchmark.baselineReadBytes()).isNotEmpty();
    } finally {
      benchmark.deleteFile();
    }
  }
}
