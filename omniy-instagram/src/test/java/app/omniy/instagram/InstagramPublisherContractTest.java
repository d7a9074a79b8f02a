package app.omniy.instagram;

import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import app.omniy.core.post.spi.Publisher;
import app.omniy.instagram.GraphApiConfig.Flavour;
import app.omniy.instagram.spi.AccessToken;
import app.omniy.testkit.contract.PublisherContract;
import app.omniy.testkit.graph.FakeGraphApi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;

/** The adapter passes the Publisher contract against the test kit's fake Graph API, over HTTP. */
class InstagramPublisherContractTest extends PublisherContract {
  private static final String ACCOUNT = "17841400000000042";
  private static final String TOKEN = "IGQVJcontract-token";

  private FakeGraphApi api;

  @Override
  protected Publisher newPublisher() {
    api = FakeGraphApi.start().addAccount(ACCOUNT, TOKEN);
    var tokens =
        new InMemoryAccessTokens()
            .put(ACCOUNT, new AccessToken(TOKEN, NOW.plus(Duration.ofDays(60))));
    return InstagramPublisher.builder(
            GraphApiConfig.builder(Flavour.INSTAGRAM_LOGIN).baseUri(api.baseUri()).build(), tokens)
        .meterRegistry(new SimpleMeterRegistry())
        .build();
  }

  @Override
  protected Post publishablePost(String id) {
    return Post.builder(id, ACCOUNT)
        .media(
            Media.image(
                MediaItem.image("https://cdn.example/" + id + ".jpg", "JPEG", 1080, 1080, 500_000)))
        .caption("Contract post " + id)
        .publishAt(NOW.plus(Duration.ofHours(1)))
        .zone(ZoneId.of("Asia/Tokyo"))
        .build();
  }

  @AfterEach
  void stopApi() {
    api.close();
  }
}
