package app.omniy.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import app.omniy.instagram.GraphApiConfig.Flavour;
import app.omniy.instagram.spi.AccessToken;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Realistic Graph API answers for WireMock, and the publisher under test wired to it. */
final class GraphApiStubs {
  static final String ACCOUNT = "17841405822304914";
  static final String TOKEN = "IGQWRPa1ZAQ2V4dF9leHBpcmVkLXNlY3JldC10b2tlbg";
  static final Instant NOW = Instant.parse("2026-04-10T01:00:00Z");

  private GraphApiStubs() {}

  static WireMockExtension wireMock() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().jettyAcceptors(1).containerThreads(8))
        .build();
  }

  static GraphApiConfig config(WireMockExtension wm) {
    return GraphApiConfig.builder(Flavour.INSTAGRAM_LOGIN)
        .baseUri(URI.create(wm.baseUrl()))
        // Generous: a cold WireMock on a loaded machine must not turn a success into a timeout.
        // The timeout test sets its own.
        .requestTimeout(Duration.ofSeconds(10))
        .build();
  }

  static InMemoryAccessTokens tokens() {
    return new InMemoryAccessTokens()
        .put(ACCOUNT, new AccessToken(TOKEN, NOW.plus(Duration.ofDays(50))));
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=UTF-8")
        .withBody(body);
  }

  static ResponseDefinitionBuilder graphError(
      int status, int code, Integer subcode, String message) {
    String sub = subcode == null ? "" : ",\"error_subcode\":" + subcode;
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=UTF-8")
        .withHeader("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\"")
        .withBody(
            "{\"error\":{\"message\":\""
                + message
                + "\",\"type\":\"OAuthException\",\"code\":"
                + code
                + sub
                + ",\"is_transient\":false,\"error_user_title\":\"\",\"error_user_msg\":\"\",\"fbtrace_id\":\"AqZ1x9mYbE3kTt4Fh2cQw1a\"}}");
  }

  static Post image(String id) {
    return Post.builder(id, ACCOUNT)
        .media(
            Media.image(
                MediaItem.image(
                    "https://cdn.example.com/" + id + ".jpg", "JPEG", 1080, 1350, 800_000)))
        .caption("Spring menu 🌸 #cafe")
        .firstComment("Open 9–18 daily")
        .publishAt(NOW.plus(Duration.ofHours(1)))
        .zone(ZoneId.of("Asia/Tokyo"))
        .build();
  }

  static Post reel(String id) {
    return Post.builder(id, ACCOUNT)
        .media(
            Media.reel(
                MediaItem.video(
                    "https://cdn.example.com/" + id + ".mp4",
                    "MP4",
                    1080,
                    1920,
                    40_000_000,
                    Duration.ofSeconds(30))))
        .caption("Behind the counter")
        .publishAt(NOW.plus(Duration.ofHours(1)))
        .zone(ZoneId.of("Asia/Tokyo"))
        .build();
  }

  static Post carousel(String id) {
    return Post.builder(id, ACCOUNT)
        .media(
            Media.carousel(
                List.of(
                    MediaItem.image("https://cdn.example.com/1.jpg", "JPEG", 1080, 1080, 500_000),
                    MediaItem.video(
                        "https://cdn.example.com/2.mp4",
                        "MP4",
                        1080,
                        1080,
                        9_000_000,
                        Duration.ofSeconds(12)))))
        .caption("Two views")
        .publishAt(NOW.plus(Duration.ofHours(1)))
        .zone(ZoneId.of("Asia/Tokyo"))
        .build();
  }
}
