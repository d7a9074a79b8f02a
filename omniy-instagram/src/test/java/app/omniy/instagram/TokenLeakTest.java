package app.omniy.instagram;

import static app.omniy.instagram.GraphApiStubs.ACCOUNT;
import static app.omniy.instagram.GraphApiStubs.NOW;
import static app.omniy.instagram.GraphApiStubs.TOKEN;
import static app.omniy.instagram.GraphApiStubs.graphError;
import static app.omniy.instagram.GraphApiStubs.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.omniy.instagram.GraphApiConfig.Flavour;
import app.omniy.instagram.spi.AccessToken;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No token ever reaches a log line, a result's message or an exception message. */
class TokenLeakTest {
  private static final String REFRESHED = "IGQWRrefreshed-secret-token-value";
  private static final String APP_SECRET = "app-secret-3f9a7c";

  @RegisterExtension static WireMockExtension wm = GraphApiStubs.wireMock();

  @Test
  void no_token_appears_in_logs_results_or_exceptions_whatever_fails() throws Exception {
    List<String> seen = new ArrayList<>();
    var tokens = GraphApiStubs.tokens();
    tokens.put(ACCOUNT, new AccessToken(TOKEN, NOW.plus(Duration.ofDays(2))));
    var publisher = InstagramPublisher.builder(GraphApiStubs.config(wm), tokens).build();
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
}
