package app.omniy.core.post.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.*;
import app.omniy.core.post.spi.*;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.quota.QuotaDecision;
import app.omniy.core.quota.QuotaPolicy;
import app.omniy.core.quota.QuotaUsage;
import app.omniy.core.retry.RetryDecision;
import app.omniy.core.retry.RetryPolicy;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The code shown in docs/posts.md, compiled and run so the README cannot drift. */
class PostsReadmeExampleTest {

  @Test
  void the_readme_walkthrough_runs() {
    // --- schedule (README: "Scheduling a post")
    var clock = SettableClock.at(Instant.parse("2026-04-01T00:00:00Z"));
    var store = new InMemoryPostStore();
    var service =
        new PostService(store, new ScriptedPublisher(), PostValidator.withDefaults(), clock);

    Post post =
        Post.builder("spring-sale-1", "ig-17841400000000000")
            .media(
                Media.image(
                    MediaItem.image("https://cdn.example/sale.jpg", "JPEG", 1080, 1350, 512_000)))
            .caption("Spring sale starts now #spring #sale")
            .publishAt(Instant.parse("2026-04-01T09:00:00Z"))
            .zone(ZoneId.of("Asia/Tokyo"))
            .build();
    PostRecord scheduled = service.schedule(post); // throws PostRejectedException listing all

    // --- a worker's turn (README: "Claiming, quota and retry")
    Instant now = Instant.parse("2026-04-01T09:00:00Z");
    List<PostRecord> batch = store.claimDue(now, 100, "worker-1", Duration.ofMinutes(2));
    PostRecord claimed = batch.get(0);

    QuotaDecision quota = QuotaPolicy.DEFAULTS.decide(QuotaUsage.none(), 1, now);
    PostRecord publishing =
        store.recordTransition(
            claimed.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, now, now);
    RetryDecision next =
        RetryPolicy.DEFAULTS.decide(
            publishing,
            PublisherResult.failure(OutcomeClass.TRANSIENT, "2207001", "server error"),
            now,
            new SplittableRandom(42)); // RETRY_WAIT, next attempt within [now, now + 30 s]
    store.recordTransition(
        publishing.token(), next.state(), next.reason(), next.nextAttemptAt(), now);

    assertThat(scheduled.state()).isEqualTo(PostState.SCHEDULED);
    assertThat(batch).extracting(PostRecord::id).containsExactly("spring-sale-1");
    assertThat(quota.mayGoNow()).isTrue();
    assertThat(next.state()).isEqualTo(PostState.RETRY_WAIT);
    assertThat(next.nextAttemptAt()).isBetween(now, now.plusSeconds(30));
    assertThat(store.find("spring-sale-1").orElseThrow().state()).isEqualTo(PostState.RETRY_WAIT);
  }
}
