package app.omniy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.testkit.FirestoreEmulator;
import org.junit.jupiter.api.Test;

/** Runs the claim benchmark's body once, small, so a broken benchmark fails the build. */
class FirestoreClaimBenchmarkTest {

  @Test
  void racing_workers_claim_every_due_post_exactly_once() throws Exception {
    // Its own emulator, as main starts one; each measurement uses a fresh namespace.
    try (FirestoreEmulator emulator = FirestoreEmulator.start()) {
      FirestoreClaimBenchmark.Result result =
          FirestoreClaimBenchmark.measure(emulator, 2, 40, 5, 4);

      assertThat(result.claimed()).isEqualTo(40);
      assertThat(result.distinct()).isEqualTo(40);
      assertThat(result.claimsPerSecond()).isPositive();
    }
  }
}
