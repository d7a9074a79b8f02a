package app.omniy.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.post.PostRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the store benchmarks' bodies once, so a broken benchmark fails the build. */
class PostStoreBenchmarkTest {

  @Test
  void each_invocation_claims_a_full_batch_of_due_posts_in_due_order() {
    var benchmark = new PostStoreBenchmark();
    benchmark.posts = 5_000;
    benchmark.fillStore();

    benchmark.releaseLastBatch();
    List<PostRecord> first = benchmark.claimNext1000DuePosts();
    benchmark.releaseLastBatch();
    List<PostRecord> again = benchmark.claimNext1000DuePosts();

    assertThat(first).hasSize(PostStoreBenchmark.BATCH);
    assertThat(first)
        .allSatisfy(r -> assertThat(r.nextAttemptAt()).isBeforeOrEqualTo(benchmark.now));
    assertThat(first).isSortedAccordingTo((a, b) -> a.nextAttemptAt().compareTo(b.nextAttemptAt()));
    assertThat(again)
        .extracting(PostRecord::id)
        .isEqualTo(first.stream().map(PostRecord::id).toList());
  }

  @Test
  void the_footprint_measurement_stores_every_post_and_subtracts_the_payload_strings() {
    var footprint = PostStoreFootprint.measure(10_000);

    assertThat(footprint.lastStored()).isTrue();
    // id (12 chars) 56 B + caption (24-28 chars) 72 B + URL (37 chars) 80 B, + shared accounts
    assertThat(footprint.payloadBytesPerPost()).isBetween(200L, 220L);
  }
}
