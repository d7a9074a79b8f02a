package app.omniy.instagram;

import static app.omniy.instagram.GraphApiStubs.ACCOUNT;
import static app.omniy.instagram.GraphApiStubs.NOW;
import static app.omniy.instagram.GraphApiStubs.TOKEN;
import static app.omniy.instagram.GraphApiStubs.graphError;
import static app.omniy.instagram.GraphApiStubs.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.omniy.instagram.GraphApiConfig.Flavour;
import app.omniy.instagram.spi.AccessToken;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No token or app secret ever reaches a URL, a log line, a result's message or an exception
 * message. Meta's long-lived tokens are refreshed with themselves (there is no separate refresh
 * token), so the tokens before and after each refresh and the Facebook app's secret are the
 * secrets.
 */
class TokenLeakTest {
  private static final String REFRESHED = "IGQWRrefreshed-secret-token-value";
  private static final String APP_SECRET = "app-secret-3f9a7c";
  private static final String APP_ID = "1234567890";

  @RegisterExtension static WireMockExtension wm = GraphApiStubs.wireMock();

  @Test
  void no_token_appears_in_logs_results_or_exceptions_whatever_fails() throws Exception {
    List<String> seen = new ArrayList<>();
    var tokens = GraphApiStubs.tokens();
    tokens.put(ACCOUNT, new AccessToken(TOKEN, NOW.plus(Duration.ofDays(2))));
    var publisher =
        InstagramPublisher.builder(GraphApiStubs.config(wm), tokens)
            .meterRegistry(new SimpleMeterRegistry())
            .build();
    wm.stubFor(
        get(urlPathEqualTo("/refresh_access_token"))
            .willReturn(
                json(
                    "{\"access_token\":\""
                        + REFRESHED
                        + "\",\"token_type\":\"bearer\",\"expires_in\":5184000}")));
    wm.stubFor(
        post(urlPathEqualTo("/v26.0/" + ACCOUNT + "/media"))
            .willReturn(graphError(400, 190, 463, "Session has expired")));
    wm.stubFor(
        post(urlPathEqualTo("/v26.0/" + ACCOUNT + "/media_publish"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(
        get(urlPathEqualTo("/v26.0/1")).willReturn(graphError(500, 2, null, "Please retry")));
    wm.stubFor(
        get(urlPathEqualTo("/v26.0/2"))
            .willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));

    seen.add(publisher.createContainer(GraphApiStubs.image("p1"), NOW).toString());
    seen.add(publisher.publish(ACCOUNT, "5", NOW).toString());
    seen.add(publisher.status(ACCOUNT, "1", NOW).toString());
    seen.add(publisher.status(ACCOUNT, "2", NOW).toString());
    seen.add(tokens.current(ACCOUNT).orElseThrow().toString());
    seen.add(tokens.reauthorisationReason(ACCOUNT).orElse(""));
    seen.add(catchThrowable(() -> new AccessToken(" ", NOW)).getMessage());

    var facebook =
        InstagramPublisher.builder(
                GraphApiConfig.builder(Flavour.FACEBOOK_LOGIN)
                    .baseUri(java.net.URI.create(wm.baseUrl()))
                    .build(),
                new InMemoryAccessTokens()
                    .put(ACCOUNT, new AccessToken(TOKEN, NOW.plus(Duration.ofDays(1)))))
            .meterRegistry(new SimpleMeterRegistry())
            .facebookApp("1234567890", APP_SECRET)
            .build();
    wm.stubFor(
        any(urlPathEqualTo("/v26.0/oauth/access_token"))
            .willReturn(graphError(400, 190, 467, "Invalid OAuth access token")));
    seen.add(facebook.status(ACCOUNT, "3", NOW).toString());

    String logs = Files.readString(Path.of("target/instagram-tests.log"), StandardCharsets.UTF_8);
    assertThat(logs).as("the adapter did log").contains("needs re-authorisation");
    for (String secret : List.of(TOKEN, REFRESHED, APP_SECRET)) {
      assertThat(logs).doesNotContain(secret);
      assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(secret));
    }
  }

  @Test
  void a_whole_session_with_faults_keeps_every_secret_out_of_urls_logs_and_messages()
      throws Exception {
    Path logFile = Path.of("target/instagram-tests.log");
    long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
    String fbToken = "EAAGfb-token-1c8d2e";
    String fbTokenServerError = "EAAGfb-token-5xx-4b7a";
    String fbTokenRefused = "EAAGfb-token-refused-9e0f";
    String fbRefreshed = "EAAGfb-refreshed-7d3c1b";
    List<String> secrets =
        List.of(
            TOKEN, REFRESHED, APP_SECRET, fbToken, fbTokenServerError, fbTokenRefused, fbRefreshed);
    List<String> seen = new ArrayList<>();
    List<Throwable> thrown = new ArrayList<>();

    // Instagram Login: refresh, container, polls through a 5xx, publish, comment, quota read
    // throttled (429), a publish without an answer, a non-JSON 502 and an expired token.
    var tokens =
        new InMemoryAccessTokens()
            .put(ACCOUNT, new AccessToken(TOKEN, NOW.plus(Duration.ofDays(2))));
    var instagram =
        InstagramPublisher.builder(GraphApiStubs.config(wm), tokens)
            .meterRegistry(new SimpleMeterRegistry())
            .build();
    wm.stubFor(
        get(urlPathEqualTo("/refresh_access_token"))
            .willReturn(
                json(
                    "{\"access_token\":\""
                        + REFRESHED
                        + "\",\"token_type\":\"bearer\",\"expires_in\":5184000}")));
    wm.stubFor(post(urlPathEqualTo(v(ACCOUNT + "/media"))).willReturn(json("{\"id\":\"444\"}")));
    wm.stubFor(
        get(urlPathEqualTo(v("444")))
            .inScenario("polls")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(graphError(500, 2, null, "An unexpected error has occurred"))
            .willSetStateTo("retried"));
    wm.stubFor(
        get(urlPathEqualTo(v("444")))
            .inScenario("polls")
            .whenScenarioStateIs("retried")
            .willReturn(json("{\"status_code\":\"IN_PROGRESS\",\"status\":\"In Progress\"}"))
            .willSetStateTo("finished"));
    wm.stubFor(
        get(urlPathEqualTo(v("444")))
            .inScenario("polls")
            .whenScenarioStateIs("finished")
            .willReturn(json("{\"status_code\":\"FINISHED\",\"status\":\"Finished\"}")));
    wm.stubFor(
        post(urlPathEqualTo(v(ACCOUNT + "/media_publish")))
            .withFormParam("creation_id", equalTo("444"))
            .willReturn(json("{\"id\":\"555\"}")));
    wm.stubFor(
        post(urlPathEqualTo(v(ACCOUNT + "/media_publish")))
            .withFormParam("creation_id", equalTo("777"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(post(urlPathEqualTo(v("555/comments"))).willReturn(json("{\"id\":\"666\"}")));
    wm.stubFor(
        get(urlPathEqualTo(v(ACCOUNT + "/content_publishing_limit")))
            .willReturn(
                graphError(429, 80002, null, "There have been too many calls")
                    .withHeader(
                        "X-Business-Use-Case-Usage",
                        "{\""
                            + ACCOUNT
                            + "\":[{\"type\":\"instagram\",\"call_count\":100,\"total_cputime\":1,"
                            + "\"total_time\":1,\"estimated_time_to_regain_access\":5}]}")));
    wm.stubFor(
        get(urlPathEqualTo(v("778")))
            .willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));
    wm.stubFor(
        post(urlPathEqualTo(v("556/comments")))
            .willReturn(
                graphError(400, 190, 463, "Error validating access token: Session has expired")));

    var post = GraphApiStubs.reel("r1");
    seen.add(instagram.createContainer(post, NOW).toString());
    seen.add(instagram.status(ACCOUNT, "444", NOW.plusSeconds(5)).toString());
    seen.add(instagram.status(ACCOUNT, "444", NOW.plusSeconds(15)).toString());
    seen.add(instagram.publish(ACCOUNT, "444", NOW.plusSeconds(20)).toString());
    seen.add(instagram.comment(ACCOUNT, "555", "Open 9–18 daily", NOW.plusSeconds(21)).toString());
    seen.add(instagram.publishingLimit(ACCOUNT, NOW.plusSeconds(22)).toString());
    seen.add(instagram.publishingLimit(ACCOUNT, NOW.plusSeconds(23)).toString()); // held back
    seen.add(instagram.publish(ACCOUNT, "777", NOW.plus(Duration.ofHours(1))).toString());
    seen.add(instagram.status(ACCOUNT, "778", NOW.plus(Duration.ofHours(1))).toString());
    seen.add(instagram.comment(ACCOUNT, "556", "Hi", NOW.plus(Duration.ofHours(2))).toString());
    seen.add(tokens.current(ACCOUNT).orElseThrow().toString());
    seen.add(tokens.reauthorisationReason(ACCOUNT).orElse(""));

    // Facebook Login: one exchange that works, one meeting a 5xx, one refused.
    var fbTokens =
        new InMemoryAccessTokens()
            .put("17841400000000011", new AccessToken(fbToken, NOW.plus(Duration.ofDays(1))))
            .put(
                "17841400000000012",
                new AccessToken(fbTokenServerError, NOW.plus(Duration.ofDays(1))))
            .put(
                "17841400000000013", new AccessToken(fbTokenRefused, NOW.plus(Duration.ofDays(1))));
    var facebook =
        InstagramPublisher.builder(
                GraphApiConfig.builder(Flavour.FACEBOOK_LOGIN)
                    .baseUri(URI.create(wm.baseUrl()))
                    .requestTimeout(Duration.ofSeconds(10))
                    .build(),
                fbTokens)
            .meterRegistry(new SimpleMeterRegistry())
            .facebookApp(APP_ID, APP_SECRET)
            .build();
    wm.stubFor(
        post(urlPathEqualTo(v("oauth/access_token")))
            .withFormParam("fb_exchange_token", equalTo(fbToken))
            .willReturn(
                json(
                    "{\"access_token\":\""
                        + fbRefreshed
                        + "\",\"token_type\":\"bearer\",\"expires_in\":5184000}")));
    wm.stubFor(
        post(urlPathEqualTo(v("oauth/access_token")))
            .withFormParam("fb_exchange_token", equalTo(fbTokenServerError))
            .willReturn(graphError(500, 2, null, "An unexpected error has occurred")));
    wm.stubFor(
        post(urlPathEqualTo(v("oauth/access_token")))
            .withFormParam("fb_exchange_token", equalTo(fbTokenRefused))
            .willReturn(graphError(400, 190, 467, "Invalid OAuth access token")));
    wm.stubFor(
        get(urlPathEqualTo(v("888")))
            .willReturn(json("{\"status_code\":\"FINISHED\",\"status\":\"Finished\"}")));
    for (String account : List.of("17841400000000011", "17841400000000012", "17841400000000013")) {
      seen.add(facebook.status(account, "888", NOW).toString());
      seen.add(fbTokens.current(account).map(Object::toString).orElse(""));
      seen.add(fbTokens.reauthorisationReason(account).orElse(""));
    }

    // What the adapter throws: bad input only (faults come back as results, above).
    thrown.add(catchThrowable(() -> new AccessToken(TOKEN + "\r\nX-Leak: 1", NOW)));
    thrown.add(catchThrowable(() -> new AccessToken(" " + APP_SECRET, NOW)));
    thrown.add(catchThrowable(() -> instagram.comment(ACCOUNT, "555", " ", NOW)));
    thrown.add(catchThrowable(() -> instagram.status(ACCOUNT, "../me?x=1", NOW)));
    thrown.add(catchThrowable(() -> tokens.put(ACCOUNT, null)));
    thrown.add(
        catchThrowable(
            () ->
                InstagramPublisher.builder(GraphApiStubs.config(wm), tokens)
                    .meterRegistry(new SimpleMeterRegistry())
                    .facebookApp(APP_ID, null)
                    .build()));
    thrown.add(
        catchThrowable(
            () ->
                InstagramPublisher.builder(GraphApiStubs.config(wm), tokens)
                    .meterRegistry(new SimpleMeterRegistry())
                    .facebookApp(" ", APP_SECRET)
                    .build()));
    thrown.add(
        catchThrowable(
            () ->
                GraphApiConfig.builder(Flavour.FACEBOOK_LOGIN)
                    .baseUri(URI.create("http://graph.facebook.com"))
                    .build()));
    assertThat(thrown).doesNotContainNull();
    for (Throwable t : thrown) {
      for (Throwable link = t; link != null; link = link.getCause()) {
        seen.add(String.valueOf(link.getMessage()));
        seen.add(link.toString());
        for (Throwable suppressed : link.getSuppressed()) {
          seen.add(String.valueOf(suppressed.getMessage()));
        }
      }
    }

    // Every request the adapter sent: secrets in headers or form bodies, never in a URL.
    List<LoggedRequest> requests =
        wm.getAllServeEvents().stream().map(ServeEvent::getRequest).toList();
    assertThat(requests).hasSizeGreaterThanOrEqualTo(15);
    for (LoggedRequest request : requests) {
      for (String secret : secrets) {
        assertThat(request.getUrl())
            .as("%s %s", request.getMethod(), request.getUrl())
            .doesNotContain(secret);
        assertThat(request.getAbsoluteUrl()).doesNotContain(secret);
      }
    }
    assertThat(requests)
        .as("the secrets did travel, where they belong")
        .anySatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN))
        .anySatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + REFRESHED))
        .anySatisfy(
            r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + fbRefreshed))
        .anySatisfy(
            r ->
                assertThat(r.getBodyAsString())
                    .contains("client_secret=" + APP_SECRET, "fb_exchange_token=" + fbToken));

    // Every line the adapter logged during the session.
    String logs;
    try (var in = Files.newInputStream(logFile)) {
      in.skipNBytes(logStart);
      logs = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> adapterLines = logs.lines().filter(line -> line.contains(" app.omniy.")).toList();
    assertThat(String.join("\n", adapterLines))
        .as("the adapter did log the refresh and the refusals")
        .contains("refreshed the access token", "needs re-authorisation");
    for (String secret : secrets) {
      assertThat(adapterLines).allSatisfy(line -> assertThat(line).doesNotContain(secret));
      assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(secret));
    }
  }

  private static String v(String path) {
    return "/v26.0/" + path;
  }
}
