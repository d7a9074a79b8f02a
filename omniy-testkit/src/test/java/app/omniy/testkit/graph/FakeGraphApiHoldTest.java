package app.omniy.testkit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.testkit.SettableClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Held calls (the window a crash test kills a worker in, POST-7) and accounts whose every call
 * fails (POST-10), over real HTTP.
 */
class FakeGraphApiHoldTest {
  private static final String ACCOUNT = "17841400000000001";
  private static final String OTHER = "17841400000000002";
  private static final String TOKEN = "IGQVJ-test-token";
  private static final String OTHER_TOKEN = "IGQVJ-other-token";

  private final SettableClock clock = SettableClock.at(Instant.parse("2026-04-10T01:00:00Z"));
  private final FakeGraphApi api =
      FakeGraphApi.start(clock).addAccount(ACCOUNT, TOKEN).addAccount(OTHER, OTHER_TOKEN);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void a_held_publish_waits_for_the_test_and_once_served_publishes() throws Exception {
    String container = container(ACCOUNT, TOKEN);
    HeldCall held = api.holdNext(GraphCall.PUBLISH);

    CompletableFuture<HttpResponse<String>> answer = publishAsync(ACCOUNT, TOKEN, container);

    assertThat(held.awaitArrival(Duration.ofSeconds(10))).isTrue();
    assertThat(held.params())
        .containsEntry("creation_id", container)
        .doesNotContainKey("access_token");
    assertThat(held.accountId()).contains(ACCOUNT);
    assertThat(held.path()).endsWith(ACCOUNT + "/media_publish");
    assertThat(answer).isNotDone();
    assertThat(api.publishCount(container)).isZero();

    held.serve();

    assertThat(answer.get().statusCode()).isEqualTo(200);
    assertThat(api.publishCount(container)).isEqualTo(1);
  }

  @Test
  void a_dropped_publish_closes_the_connection_and_publishes_nothing() throws Exception {
    String container = container(ACCOUNT, TOKEN);
    HeldCall held = api.holdNext(GraphCall.PUBLISH);
    CompletableFuture<HttpResponse<String>> answer = publishAsync(ACCOUNT, TOKEN, container);
    assertThat(held.awaitArrival(Duration.ofSeconds(10))).isTrue();

    held.drop();

    assertThatThrownBy(answer::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(api.publishCount(container)).isZero();
  }

  @Test
  void a_call_that_is_not_held_is_served_while_another_is() throws Exception {
    String container = container(ACCOUNT, TOKEN);
    HeldCall held = api.holdNext(GraphCall.PUBLISH);
    CompletableFuture<HttpResponse<String>> first = publishAsync(ACCOUNT, TOKEN, container);
    assertThat(held.awaitArrival(Duration.ofSeconds(10))).isTrue();

    String other = container(OTHER, OTHER_TOKEN);
    assertThat(publishAsync(OTHER, OTHER_TOKEN, other).get().statusCode()).isEqualTo(200);

    held.serve();
    assertThat(first.get().statusCode()).isEqualTo(200);
  }

  @Test
  void a_failing_account_fails_every_call_and_the_others_are_served() throws Exception {
    api.failAccount(ACCOUNT, GraphFault.SERVER_ERROR);

    HttpResponse<String> refused = create(ACCOUNT, TOKEN);
    HttpResponse<String> served = create(OTHER, OTHER_TOKEN);

    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(api.faultsInjected()).containsEntry(GraphFault.SERVER_ERROR, 1);

    api.healAccount(ACCOUNT);
    assertThat(create(ACCOUNT, TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void a_lost_publish_response_cannot_fail_a_whole_account() {
    assertThatThrownBy(() -> api.failAccount(ACCOUNT, GraphFault.LOST_PUBLISH_RESPONSE))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("fault");
  }

  private String container(String account, String token) throws Exception {
    HttpResponse<String> created = create(account, token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    Matcher m = Pattern.compile("\"id\":\"([^\"]*)\"").matcher(created.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> create(String account, String token) throws Exception {
    return http.send(
        post(account + "/media", "image_url=" + enc("https://cdn.example/a.jpg"), token),
        HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> publishAsync(
      String account, String token, String container) {
    return http.sendAsync(
        post(account + "/media_publish", "creation_id=" + enc(container), token),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest post(String path, String form, String token) {
    return HttpRequest.newBuilder(URI.create(api.baseUri() + "/v26.0/" + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
