package app.omniy.testkit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.testkit.SettableClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Drives the fake over real HTTP, as an adapter would. */
class FakeGraphApiTest {
  private static final String ACCOUNT = "17841400000000001";
  private static final String TOKEN = "IGQVJ-test-token";

  private final SettableClock clock = SettableClock.at(Instant.parse("2026-04-10T01:00:00Z"));
  private final FakeGraphApi api = FakeGraphApi.start(clock).addAccount(ACCOUNT, TOKEN);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @AfterEach
  void stop() {
    api.close();
  }

  @Nested
  class Publishing {
    @Test
    void an_image_container_finishes_at_once_and_publishes_once() throws Exception {
      String container =
          id(
              post(
                  ACCOUNT + "/media",
                  Map.of("image_url", "https://cdn.example/a.jpg", "caption", "hi")));

      assertThat(field(get(container + "?fields=status_code,status"), "status_code"))
          .isEqualTo("FINISHED");
      var published = post(ACCOUNT + "/media_publish", Map.of("creation_id", container));

      assertThat(published.statusCode()).isEqualTo(200);
      assertThat(id(published)).matches("\\d{17,}");
      assertThat(field(get(container + "?fields=status_code"), "status_code"))
          .isEqualTo("PUBLISHED");
      assertThat(api.publishCount(container)).isEqualTo(1);
      assertThat(api.containersPublishedMoreThanOnce()).isEmpty();
    }

    @Test
    void a_video_is_in_progress_until_its_processing_time_has_passed() throws Exception {
      api.videoProcessingTime(Duration.ofMinutes(2));
      String container =
          id(
              post(
                  ACCOUNT + "/media",
                  Map.of("media_type", "REELS", "video_url", "https://cdn.example/v.mp4")));

      assertThat(field(get(container + "?fields=status_code"), "status_code"))
          .isEqualTo("IN_PROGRESS");
      var early = post(ACCOUNT + "/media_publish", Map.of("creation_id", container));
      assertThat(early.statusCode()).isEqualTo(400);
      assertThat(early.body()).contains("\"code\":9007", "\"error_subcode\":2207027");

      clock.advance(Duration.ofMinutes(2));

      assertThat(field(get(container + "?fields=status_code"), "status_code"))
          .isEqualTo("FINISHED");
      assertThat(post(ACCOUNT + "/media_publish", Map.of("creation_id", container)).statusCode())
          .isEqualTo(200);
    }

    @Test
    void a_carousel_needs_2_to_10_child_items_and_finishes_when_they_do() throws Exception {
      String a =
          id(
              post(
                  ACCOUNT + "/media",
                  Map.of("image_url", "https://cdn.example/1.jpg", "is_carousel_item", "true")));
      String b =
          id(
              post(
                  ACCOUNT + "/media",
                  Map.of(
                      "media_type",
                      "VIDEO",
                      "video_url",
                      "https://cdn.example/2.mp4",
                      "is_carousel_item",
                      "true")));

      var tooFew = post(ACCOUNT + "/media", Map.of("media_type", "CAROUSEL", "children", a));
      String carousel =
          id(post(ACCOUNT + "/media", Map.of("media_type", "CAROUSEL", "children", a + "," + b)));

      assertThat(tooFew.body()).contains("\"error_subcode\":2207028");
      assertThat(field(get(carousel + "?fields=status_code"), "status_code"))
          .isEqualTo("IN_PROGRESS");
      clock.advance(Duration.ofSeconds(30));
      assertThat(field(get(carousel + "?fields=status_code"), "status_code")).isEqualTo("FINISHED");
      assertThat(api.containerIds(ACCOUNT)).containsExactly(carousel);
    }

    @Test
    void a_container_expires_after_24_hours_and_one_can_be_failed_by_the_test() throws Exception {
      String old = id(post(ACCOUNT + "/media", Map.of("image_url", "https://cdn.example/a.jpg")));
      clock.advance(Duration.ofHours(24));
      String broken =
          id(post(ACCOUNT + "/media", Map.of("image_url", "https://cdn.example/b.jpg")));
      api.failProcessing(broken, 2207026);

      assertThat(field(get(old + "?fields=status_code"), "status_code")).isEqualTo("EXPIRED");
      assertThat(post(ACCOUNT + "/media_publish", Map.of("creation_id", old)).body())
          .contains("\"error_subcode\":2207020");
      var status = get(broken + "?fields=status_code,status");
      assertThat(field(status, "status_code")).isEqualTo("ERROR");
      assertThat(field(status, "status")).isEqualTo("Error: 2207026");
    }

    @Test
    void the_rolling_24_hour_quota_is_reported_and_enforced() throws Exception {
      api.publishQuota(ACCOUNT, 2);
      publishImage();
      clock.advance(Duration.ofHours(1));
      publishImage();

      assertThat(get(ACCOUNT + "/content_publishing_limit?fields=quota_usage,config").body())
          .isEqualTo(
              "{\"data\":[{\"quota_usage\":2,\"config\":{\"quota_total\":2,\"quota_duration\":86400}}]}");
      String third = id(post(ACCOUNT + "/media", Map.of("image_url", "https://cdn.example/c.jpg")));
      assertThat(post(ACCOUNT + "/media_publish", Map.of("creation_id", third)).body())
          .contains("\"code\":9", "\"error_subcode\":2207042");

      clock.advance(Duration.ofHours(23));

      assertThat(post(ACCOUNT + "/media_publish", Map.of("creation_id", third)).statusCode())
          .isEqualTo(200);
    }

    @Test
    void a_first_comment_goes_on_a_published_media() throws Exception {
      String media = publishImage();

      var comment = post(media + "/comments", Map.of("message", "first!"));

      assertThat(comment.statusCode()).isEqualTo(200);
      assertThat(api.comments()).containsExactly(media + ": first!");
    }

    @Test
    void publishing_one_container_twice_goes_out_twice_and_is_reported() throws Exception {
      String container =
          id(post(ACCOUNT + "/media", Map.of("image_url", "https://cdn.example/a.jpg")));
      post(ACCOUNT + "/media_publish", Map.of("creation_id", container));
      post(ACCOUNT + "/media_publish", Map.of("creation_id", container));

      assertThat(api.publishCount(container)).isEqualTo(2);
      assertThat(api.containersPublishedMoreThanOnce()).containsExactly(container);
    }
  }

  @Nested
  class Tokens {
    @Test
    void an_unknown_token_is_error_190_and_an_expired_one_190_463() throws Exception {
      var unknown =
          send(
              HttpRequest.newBuilder(uri(ACCOUNT + "/content_publishing_limit?access_token=nope"))
                  .GET());
      api.expireToken(ACCOUNT);
      var expired = get(ACCOUNT + "/content_publishing_limit");

      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body())
          .contains("\"code\":190", "\"type\":\"OAuthException\"", "\"fbtrace_id\":");
      assertThat(expired.body()).contains("\"code\":190", "\"error_subcode\":463");
    }

    @Test
    void a_refreshed_token_works_and_a_refresh_after_expiry_fails() throws Exception {
      var refreshed = get("refresh_access_token?grant_type=ig_refresh_token");
      String newToken = field(refreshed, "access_token");

      var withNew =
          send(
              HttpRequest.newBuilder(uri(ACCOUNT + "/content_publishing_limit"))
                  .header("Authorization", "Bearer " + newToken)
                  .GET());
      api.expireToken(ACCOUNT);

      assertThat(refreshed.body()).contains("\"expires_in\":5184000");
      assertThat(withNew.statusCode()).isEqualTo(200);
      assertThat(get("refresh_access_token?grant_type=ig_refresh_token").body())
          .contains("\"error_subcode\":463");
    }

    @Test
    void a_facebook_login_exchange_is_served_from_a_form_post_as_meta_does() throws Exception {
      api.facebookApp("1234567890", "app-secret-3f9a7c");

      var exchanged =
          form(
              "oauth/access_token",
              Map.of(
                  "grant_type", "fb_exchange_token",
                  "client_id", "1234567890",
                  "client_secret", "app-secret-3f9a7c",
                  "fb_exchange_token", TOKEN));
      String newToken = field(exchanged, "access_token");
      var withNew =
          send(
              HttpRequest.newBuilder(uri(ACCOUNT + "/content_publishing_limit"))
                  .header("Authorization", "Bearer " + newToken)
                  .GET());

      assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
      assertThat(exchanged.body()).contains("\"token_type\":\"bearer\"", "\"expires_in\":5184000");
      assertThat(withNew.statusCode()).isEqualTo(200);
      assertThat(api.calls(GraphCall.REFRESH_TOKEN)).isEqualTo(1);
    }

    @Test
    void a_facebook_login_exchange_is_still_served_from_the_query_string_meta_documents()
        throws Exception {
      var exchanged =
          send(
              HttpRequest.newBuilder(
                      uri(
                          "oauth/access_token?grant_type=fb_exchange_token&client_id=1234567890"
                              + "&client_secret=s&fb_exchange_token="
                              + TOKEN))
                  .GET());

      assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
      assertThat(field(exchanged, "access_token")).isNotBlank();
    }

    @Test
    void a_facebook_login_exchange_with_a_wrong_secret_or_missing_parameter_is_refused()
        throws Exception {
      api.facebookApp("1234567890", "app-secret-3f9a7c");
      Map<String, String> good =
          Map.of(
              "grant_type", "fb_exchange_token",
              "client_id", "1234567890",
              "client_secret", "app-secret-3f9a7c",
              "fb_exchange_token", TOKEN);

      var wrongSecret = form("oauth/access_token", with(good, "client_secret", "guess"));
      var noGrant = form("oauth/access_token", without(good, "grant_type"));
      var noToken = form("oauth/access_token", without(good, "fb_exchange_token"));
      api.expireToken(ACCOUNT);
      var expired = form("oauth/access_token", good);

      assertThat(wrongSecret.statusCode()).isEqualTo(400);
      assertThat(wrongSecret.body())
          .contains("\"message\":\"Error validating client secret.\"", "\"code\":1,");
      assertThat(noGrant.body()).contains("\"code\":100", "grant_type");
      assertThat(noToken.body()).contains("\"code\":100", "fb_exchange_token");
      assertThat(expired.body()).contains("\"code\":190", "\"error_subcode\":463");
      assertThat(wrongSecret.body() + noGrant.body() + noToken.body() + expired.body())
          .doesNotContain("app-secret-3f9a7c", "guess", TOKEN);
    }

    @Test
    void an_instagram_login_refresh_is_a_get_only_as_meta_documents_it() throws Exception {
      var posted =
          send(
              HttpRequest.newBuilder(URI.create(api.baseUri() + "/refresh_access_token"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("grant_type=ig_refresh_token")));
      var wrongGrant =
          send(
              HttpRequest.newBuilder(
                      URI.create(api.baseUri() + "/refresh_access_token?grant_type=ig_exchange"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .GET());
      var byHeader =
          send(
              HttpRequest.newBuilder(
                      URI.create(
                          api.baseUri() + "/refresh_access_token?grant_type=ig_refresh_token"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .GET());

      assertThat(posted.statusCode()).isEqualTo(400);
      assertThat(posted.body()).contains("Unsupported post request", "\"code\":100");
      assertThat(wrongGrant.body()).contains("\"code\":100", "grant_type");
      assertThat(byHeader.statusCode()).as(byHeader.body()).isEqualTo(200);
    }
  }

  @Nested
  class Faults {
    @Test
    void server_errors_and_throttling_answer_as_meta_does() throws Exception {
      api.failNext(GraphCall.CREATE_CONTAINER, GraphFault.SERVER_ERROR)
          .failNext(GraphCall.CREATE_CONTAINER, GraphFault.RATE_LIMITED);

      var serverError = post(ACCOUNT + "/media", Map.of("image_url", "https://cdn.example/a.jpg"));
      var throttled = post(ACCOUNT + "/media", Map.of("image_url", "https://cdn.example/a.jpg"));
      var fine = post(ACCOUNT + "/media", Map.of("image_url", "https://cdn.example/a.jpg"));

      assertThat(serverError.statusCode()).isEqualTo(500);
      assertThat(serverError.body()).contains("\"is_transient\":true");
      assertThat(throttled.statusCode()).isEqualTo(429);
      assertThat(throttled.body()).contains("\"code\":80002");
      assertThat(throttled.headers().firstValue("X-Business-Use-Case-Usage").orElseThrow())
          .contains("\"estimated_time_to_regain_access\":1");
      assertThat(fine.statusCode()).isEqualTo(200);
      assertThat(api.faultsInjected())
          .containsEntry(GraphFault.SERVER_ERROR, 1)
          .containsEntry(GraphFault.RATE_LIMITED, 1);
    }

    @Test
    void a_reset_and_an_outage_fail_the_call_without_an_answer() {
      // Two: the JDK client silently retries an idempotent GET once when the connection closes.
      api.failNext(GraphCall.PUBLISHING_LIMIT, GraphFault.CONNECTION_RESET, 2);

      assertThatThrownBy(() -> get(ACCOUNT + "/content_publishing_limit"))
          .isInstanceOf(IOException.class);
      api.unreachable(true);
      assertThatThrownBy(() -> get(ACCOUNT + "/content_publishing_limit"))
          .isInstanceOf(IOException.class);
    }

    @Test
    void a_stall_outlasts_the_clients_timeout() {
      api.stallFor(Duration.ofSeconds(3)).failNext(GraphCall.CONTAINER_STATUS, GraphFault.STALL);

      assertThatThrownBy(
              () ->
                  send(
                      HttpRequest.newBuilder(uri("123?access_token=" + TOKEN))
                          .timeout(Duration.ofMillis(300))
                          .GET()))
          .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void a_lost_publish_response_still_publishes_and_the_container_says_so() throws Exception {
      String container =
          id(post(ACCOUNT + "/media", Map.of("image_url", "https://cdn.example/a.jpg")));
      api.failNext(GraphCall.PUBLISH, GraphFault.LOST_PUBLISH_RESPONSE);

      assertThatThrownBy(() -> post(ACCOUNT + "/media_publish", Map.of("creation_id", container)))
          .isInstanceOf(IOException.class);

      assertThat(api.publishCount(container)).isEqualTo(1);
      assertThat(field(get(container + "?fields=status_code"), "status_code"))
          .isEqualTo("PUBLISHED");
    }

    @Test
    void random_faults_follow_the_seed() throws Exception {
      int first = faultsOver(40, 7L);
      api.clearFaults();
      int again = faultsOver(40, 7L);

      assertThat(first).isEqualTo(again).isBetween(5, 35);
    }

    private int faultsOver(int calls, long seed) throws Exception {
      api.randomFaults(0.5, seed, GraphFault.SERVER_ERROR);
      int failed = 0;
      for (int i = 0; i < calls; i++) {
        if (get(ACCOUNT + "/content_publishing_limit").statusCode() == 500) {
          failed++;
        }
      }
      return failed;
    }

    @Test
    void usage_headers_rise_with_calls_and_throttle_at_the_budget() throws Exception {
      api.callsPerHour(4);
      var first = get(ACCOUNT + "/content_publishing_limit");
      get(ACCOUNT + "/content_publishing_limit");
      get(ACCOUNT + "/content_publishing_limit");
      var fourth = get(ACCOUNT + "/content_publishing_limit");
      var fifth = get(ACCOUNT + "/content_publishing_limit");

      assertThat(first.headers().firstValue("X-App-Usage").orElseThrow())
          .contains("\"call_count\":25");
      assertThat(fourth.headers().firstValue("X-App-Usage").orElseThrow())
          .contains("\"call_count\":100");
      assertThat(fifth.statusCode()).isEqualTo(429);
      assertThat(fifth.headers().firstValue("X-Business-Use-Case-Usage").orElseThrow())
          .contains(
              "\"" + ACCOUNT + "\":[{\"type\":\"instagram\"",
              "\"estimated_time_to_regain_access\":60");
    }
  }

  private String publishImage() throws Exception {
    String container =
        id(post(ACCOUNT + "/media", Map.of("image_url", "https://cdn.example/a.jpg")));
    return id(post(ACCOUNT + "/media_publish", Map.of("creation_id", container)));
  }

  private URI uri(String path) {
    return URI.create(api.baseUri() + "/v26.0/" + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    String sep = path.contains("?") ? "&" : "?";
    return send(HttpRequest.newBuilder(uri(path + sep + "access_token=" + TOKEN)).GET());
  }

  private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    Map<String, String> all = new LinkedHashMap<>(form);
    all.put("access_token", TOKEN);
    String body =
        all.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A form POST with no token besides what the form carries, as a token exchange is sent. */
  private HttpResponse<String> form(String path, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static Map<String, String> with(Map<String, String> form, String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(form);
    changed.put(name, value);
    return changed;
  }

  private static Map<String, String> without(Map<String, String> form, String name) {
    Map<String, String> changed = new LinkedHashMap<>(form);
    changed.remove(name);
    return changed;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String id(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return field(response, "id");
  }

  private static String field(HttpResponse<String> response, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(response.body());
    assertThat(m.find()).as("%s in %s", name, response.body()).isTrue();
    return m.group(1);
  }
}
