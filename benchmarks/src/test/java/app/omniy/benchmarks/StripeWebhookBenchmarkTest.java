package app.omniy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.stripe.WebhookOutcome;
import org.junit.jupiter.api.Test;

/** Runs the benchmark's bodies once, so a broken benchmark fails the build, not the measurement. */
class StripeWebhookBenchmarkTest {

  @Test
  void the_measured_deliveries_are_a_verified_duplicate_and_a_verified_unhandled_event()
      throws Exception {
    var benchmark = new StripeWebhookBenchmark();
    benchmark.prepare();

    assertThat(benchmark.duplicateDelivery().outcome()).isEqualTo(WebhookOutcome.DUPLICATE);
    assertThat(benchmark.unhandledEventType().outcome()).isEqualTo(WebhookOutcome.IGNORED);
    assertThat(benchmark.baselineHmac()).hasSize(64);
  }
}
