package app.omniy.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostState;
import app.omniy.instagram.GraphApiConfig.Flavour;
import app.omniy.instagram.spi.AccessToken;
import app.omniy.testkit.ManualDispatcher;
import app.omniy.testkit.SettableClock;
import app.omniy.testkit.graph.FakeGraphApi;
import app.omniy.testkit.graph.GraphCall;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * POST-3 end to end: the dispatcher reads the account's live {@code quota_total} through the
 * adapter from the fake Graph API, and holds back the post beyond it with the live figure, where
 * the policy's default of 50 would have let it go and Instagram refuse it.
 */
class LiveQuotaDispatchTest {
  private static final String ACCOUNT = "17841400000000077";
  private static final String TOKEN = "IGQVJlive-quota";
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

  private final SettableClock clock = SettableClock.at(NOW);
  private final FakeGraphApi api =
      FakeGraphApi.start(clock).addAccount(ACCOUNT, TOKEN).publishQuota(ACCOUNT, 2);

  @AfterEach
  void stopApi() {
    api.close();
  }

  @Test
  void a_post_beyond_the_accounts_live_quota_is_held_back_and_says_why() {
    InMemoryPostStore store = new InMemoryPostStore();
    for (int i = 1; i <= 3; i++) {
      store.insert(post("live-" + i), NOW);
    }
    InstagramPublisher publisher =
        InstagramPublisher.builder(
                GraphApiConfig.builder(Flavour.INSTAGRAM_LOGIN).baseUri(api.baseUri()).build(),
                new InMemoryAccessTokens()
                    .put(ACCOUNT, new AccessToken(TOKEN, NOW.plus(Duration.ofDays(60)))))
            .meterRegistry(new SimpleMeterRegistry())
            .build();
    ManualDispatcher dispatcher = ManualDispatcher.builder(store, publisher, clock).build();

    clock.advance(Duration.ofMinutes(1));
    dispatcher.runDue();

    assertThat(api.publishedMedia(ACCOUNT)).isEqualTo(2);
    assertThat(api.calls(GraphCall.PUBLISHING_LIMIT)).isEqualTo(1);
    // The next slot frees a day later, after the post's 60-minute window (POST-6): it fails as
    // missed, and the reason carries the live figure.
    var beyond = store.findByAccount(ACCOUNT, EnumSet.of(PostState.FAILED));
    assertThat(beyond).hasSize(1);
    assertThat(beyond.get(0).lastTransition().orElseThrow().reason())
        .contains("2 of 2 posts published");
  }

  private static Post post(String id) {
    return Post.builder(id, ACCOUNT)
        .media(
            Media.image(
                MediaItem.image("https://cdn.example/" + id + ".jpg", "JPEG", 1080, 1080, 500_000)))
        .caption("Live quota " + id)
        .publishAt(NOW.plusSeconds(30))
        .zone(ZoneId.of("Asia/Tokyo"))
        .build();
  }
}
