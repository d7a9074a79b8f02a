package app.omniy.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.retry.RetryPolicy;
import app.omniy.core.sla.PostSuccessRate;
import app.omniy.instagram.GraphApiConfig.Flavour;
import app.omniy.instagram.spi.AccessToken;
import app.omniy.testkit.ManualDispatcher;
import app.omniy.testkit.SettableClock;
import app.omniy.testkit.graph.FakeGraphApi;
import app.omniy.testkit.graph.GraphCall;
import app.omniy.testkit.graph.GraphFault;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * POST-9 end to end: Instagram answers container creation with 9004 / 2207052 ("media download has
 * failed") from the fake Graph API. The post is retried once; if the URL still cannot be fetched it
 * fails as {@code MEDIA_UNFETCHABLE}, which the success rate excludes; if the URL came back, it is
 * published.
 */
class MediaUnfetchableDispatchTest {
  private static final String ACCOUNT = "17841400000000091";
  private static final String TOKEN = "IGQVJmedia-fetch";
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

  private final SettableClock clock = SettableClock.at(NOW);
  private final FakeGraphApi api = FakeGraphApi.start(clock).addAccount(ACCOUNT, TOKEN);
  private final InMemoryPostStore store = new InMemoryPostStore();

  @AfterEach
  void stopApi() {
    api.close();
  }

  @Test
  void media_that_still_cannot_be_fetched_after_one_retry_fails_as_the_users_and_is_excluded() {
    api.failNext(GraphCall.CREATE_CONTAINER, GraphFault.MEDIA_NOT_FETCHABLE, 2);
    store.insert(post("unfetchable"), NOW);

    dispatcher().tick(Duration.ofMinutes(30));

    PostRecord r = store.find("unfetchable").orElseThrow();
    assertThat(r.state()).isEqualTo(PostState.FAILED);
    assertThat(api.calls(GraphCall.CREATE_CONTAINER)).isEqualTo(2);
    assertThat(api.publishedMedia(ACCOUNT)).isZero();
    String reason = r.lastTransition().orElseThrow().reason();
    assertThat(reason)
        .startsWith(Reasons.MEDIA_UNFETCHABLE + ": " + RetryPolicy.MEDIA_UNFETCHABLE_ADVICE)
        .contains("9004/2207052");
    assertThat(PostSuccessRate.of(List.of(r))).isEqualTo(new PostSuccessRate(0, 0, 1));
  }

  @Test
  void media_that_can_be_fetched_again_on_the_retry_is_published() {
    api.failNext(GraphCall.CREATE_CONTAINER, GraphFault.MEDIA_NOT_FETCHABLE, 1);
    store.insert(post("flaky-url"), NOW);

    dispatcher().tick(Duration.ofMinutes(30));

    PostRecord r = store.find("flaky-url").orElseThrow();
    assertThat(r.state()).isEqualTo(PostState.PUBLISHED);
    assertThat(api.publishedMedia(ACCOUNT)).isEqualTo(1);
    assertThat(r.history())
        .anySatisfy(t -> assertThat(t.reasonCode()).isEqualTo("MEDIA_UNFETCHABLE"));
    assertThat(PostSuccessRate.of(List.of(r))).isEqualTo(new PostSuccessRate(1, 0, 0));
  }

  private ManualDispatcher dispatcher() {
    InstagramPublisher publisher =
        InstagramPublisher.builder(
                GraphApiConfig.builder(Flavour.INSTAGRAM_LOGIN).baseUri(api.baseUri()).build(),
                new InMemoryAccessTokens()
                    .put(ACCOUNT, new AccessToken(TOKEN, NOW.plus(Duration.ofDays(60)))))
            .meterRegistry(new SimpleMeterRegistry())
            .build();
    return ManualDispatcher.builder(store, publisher, clock).step(Duration.ofSeconds(10)).build();
  }

  private static Post post(String id) {
    return Post.builder(id, ACCOUNT)
        .media(
            Media.image(
                MediaItem.image("https://cdn.example/" + id + ".jpg", "JPEG", 1080, 1080, 500_000)))
        .caption("Media fetch " + id)
        .publishAt(NOW.plusSeconds(30))
        .zone(ZoneId.of("Asia/Tokyo"))
        .build();
  }
}
