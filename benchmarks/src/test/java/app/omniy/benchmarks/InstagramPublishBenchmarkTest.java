package app.omniy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs both benchmark bodies once against the stub, so a broken benchmark fails the build. */
class InstagramPublishBenchmarkTest {

  @Test
  void the_adapter_and_the_baseline_both_publish_through_the_stub() throws Exception {
    var benchmark = new InstagramPublishBenchmark();
    benchmark.start();
    try {
      var published = benchmark.adapterPublish();

      assertThat(published.isSuccess()).as(published.toString()).isTrue();
      assertThat(published.value()).startsWith("1792");
      assertThat(benchmark.baselineBareHttpClient()).contains("\"id\":\"1792");
    } finally {
      benchmark.stop();
    }
  }
}
