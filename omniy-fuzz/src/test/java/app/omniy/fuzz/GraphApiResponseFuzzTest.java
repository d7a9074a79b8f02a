package app.omniy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.InvalidValueException;
import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.instagram.GraphApiConfig;
import app.omniy.instagram.InMemoryAccessTokens;
import app.omniy.instagram.InstagramPublisher;
import app.omniy.instagram.spi.AccessToken;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalInt;

/**
 * Graph API responses: whatever Meta (or a proxy in between) answers, {@link InstagramPublisher}
 * returns a {@link PublisherResult} with an outcome class and never throws (the Publisher SPI's
 * contract; POST-5 classifies what comes back). Each input builds a fresh publisher so a finding
 * replays without earlier inputs' circuit-breaker or throttle state.
 */
class GraphApiResponseFuzzTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final String ACCOUNT = "17841400000000001";

  @FuzzTest(maxDuration = "10s")
  void any_answer_becomes_an_outcome(FuzzedDataProvider data) {
    InMemoryAccessTokens tokens = new InMemoryAccessTokens();
    Duration tokenLeft = Duration.ofHours(data.consumeInt(1, 24 * 60));
    tokens.put(ACCOUNT, new AccessToken("EAAGfuzztoken", NOW.plus(tokenLeft)));
    GraphApiConfig config =
        GraphApiConfig.builder(GraphApiConfig.Flavour.FACEBOOK_LOGIN)
            .baseUri(URI.create("https://graph.example.invalid"))
            .resilience(new GraphApiConfig.Resilience(1, 1_000, 1_000, Duration.ofSeconds(1)))
            .build();
    InstagramPublisher publisher =
        InstagramPublisher.builder(config, tokens)
            .meterRegistry(new SimpleMeterRegistry())
            .httpClient(new FuzzedHttpClient(data))
            .facebookApp("1234567890", "app-secret")
            .build();

    // Mostly a Graph id as Meta hands them out, sometimes any text a caller might pass.
    String id =
        nonBlank(
            data.consumeBoolean()
                ? String.valueOf(data.consumeLong(1, Long.MAX_VALUE))
                : data.consumeString(20));
    int call = data.consumeInt(0, 6);
    if (call == 6) {
      // The dispatcher's form of the quota read (POST-3): empty or a positive limit, never thrown.
      OptionalInt limit = publisher.publishLimit(ACCOUNT, NOW);
      limit.ifPresent(total -> assertThat(total).isPositive());
      return;
    }
    PublisherResult<?> result;
    try {
      result =
          switch (call) {
            case 0 -> publisher.createContainer(post(data), NOW);
            case 1 -> publisher.status(ACCOUNT, id, NOW);
            case 2 -> publisher.publish(ACCOUNT, id, NOW);
            case 3 -> publisher.reconcile(ACCOUNT, id, NOW);
            case 4 -> publisher.comment(ACCOUNT, id, "Open 9-18", NOW);
            default -> publisher.publishingLimit(ACCOUNT, NOW);
          };
    } catch (InvalidValueException refused) {
      // A caller's id that cannot stand in a request path is refused before any request.
      Documented.requireReadable(refused);
      assertThat(refused.field()).isIn("containerId", "mediaId");
      assertThat(id).doesNotMatch("[0-9A-Za-z_-]+");
      return;
    }

    assertThat(result).isNotNull();
    assertThat(result.outcome()).isNotNull();
    if (!result.isSuccess()) {
      assertThat(result.message()).isNotNull();
    }
  }

  private static Post post(FuzzedDataProvider data) {
    MediaItem image = MediaItem.image("https://cdn.example/a.jpg", "JPEG", 1080, 1080, 1000);
    MediaItem video =
        MediaItem.video(
            "https://cdn.example/v.mp4", "MP4", 1080, 1920, 9_000, Duration.ofSeconds(30));
    Media media =
        switch (data.consumeInt(0, 2)) {
          case 0 -> Media.image(image);
          case 1 -> Media.carousel(List.of(image, video));
          default -> Media.reel(video);
        };
    return Post.builder("p-1", ACCOUNT)
        .media(media)
        .caption("Spring sale #spring")
        .publishAt(NOW.plusSeconds(60))
        .zone(ZoneId.of("Asia/Tokyo"))
        .build();
  }

  private static String nonBlank(String id) {
    return id.isBlank() ? "17900000000000001" : id;
  }
}
