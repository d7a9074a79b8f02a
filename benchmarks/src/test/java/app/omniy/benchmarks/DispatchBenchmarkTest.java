package app.omniy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.post.PostState;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs both sides once on a small batch, so a broken benchmark fails the build. */
class DispatchBenchmarkTest {

  @Test
  void both_sides_publish_every_post_and_omniy_records_them_published() throws Exception {
    var benchmark = new DispatchBenchmark();
    benchmark.posts = 400;
    benchmark.delayMs = 0;
    benchmark.threads = 2;

    benchmark.fillStore();
    assertThat(benchmark.omniy()).isZero();
    assertThat(benchmark.store.findByAccount("acct-0", Set.of(PostState.PUBLISHED))).hasSize(40);
    assertThat(benchmark.executor()).isZero();
  }
}
