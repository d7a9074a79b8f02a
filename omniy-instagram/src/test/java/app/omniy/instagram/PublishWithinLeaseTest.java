package app.omniy.instagram;

import static app.omniy.instagram.GraphApiStubs.ACCOUNT;
import static app.omniy.instagram.GraphApiStubs.NOW;
import static app.omniy.instagram.GraphApiStubs.TOKEN;
import static app.omniy.instagram.GraphApiStubs.json;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.dispatch.Dispatcher;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.instagram.GraphApiConfig.Flavour;
import app.omniy.instagram.spi.AccessToken;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A publish ends within one request timeout, which the dispatcher's lease must outlast with the
 * clock-skew margin to spare (POST-7, POST-8).
 */
class PublishWithinLeaseTest {
  @RegisterExtension static WireMockExtension wm = GraphApiStubs.wireMock();

  private final InMemoryAccessTokens tokens = new InMemoryAccessTokens();

  private InstagramPublisher publisher(GraphApiConfig config) {
    return InstagramPublisher.builder(config, tokens)
        .meterRegistry(new SimpleMeterRegistry())
        .build();
  }

  @Test
  void the_longest_publish_is_the_configured_request_timeout() {
    var config = GraphApiConfig.builder(Flavour.INSTAGRAM_LOGIN).build();

    assertThat(publisher(config).maxPublishDuration()).contains(Duration.ofSeconds(30));
    assertThat(
            publisher(
                    GraphApiConfig.builder(Flavour.INSTAGRAM_LOGIN)
                        .requestTimeout(Duration.ofSeconds(7))
                        .build())
                .maxPublishDuration())
        .contains(Duration.ofSeconds(7));
  }

  @Test
  void the_default_settings_fit_the_default_publisher_and_a_60_second_lease_does_not() {
    var instagram = publisher(GraphApiConfig.builder(Flavour.INSTAGRAM_LOGIN).build());
    DispatchSettings defaults = DispatchSettings.defaults("w1");

    assertThat(
            new Dispatcher(
                    new InMemoryPostStore(),
                    instagram,
                    defaults,
                    DispatchListener.NONE,
                    new SplittableRandom(1))
                .settings())
        .isEqualTo(defaults);
    assertThatThrownBy(
            () ->
                new Dispatcher(
                    new InMemoryPostStore(),
                    instagram,
                    defaults.withLeaseDuration(Duration.ofSeconds(60)),
                    DispatchListener.NONE,
                    new SplittableRandom(1)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("leaseDuration");
              assertThat(e.reason())
                  .contains("maxPublishDuration (PT30S)")
                  .contains("maxClockSkew");
            });
  }

  @Test
  void a_publish_makes_one_request_even_with_a_token_due_for_refresh() {
    tokens.put(ACCOUNT, new AccessToken(TOKEN, NOW.plus(Duration.ofDays(3))));
    wm.stubFor(
        get(urlPathEqualTo("/refresh_access_token"))
            .willReturn(
                json("{\"access_token\":\"IGQWRnewlong-livedtoken\",\"expires_in\":5184000}")));
    wm.stubFor(
        post(urlPathEqualTo("/v26.0/" + ACCOUNT + "/media_publish"))
            .willReturn(json("{\"id\":\"17900000000000001\"}")));

    var published = publisher(GraphApiStubs.config(wm)).publish(ACCOUNT, "123", NOW);

    assertThat(published.isSuccess()).isTrue();
    wm.verify(0, getRequestedFor(urlPathEqualTo("/refresh_access_token")));
    wm.verify(1, postRequestedFor(urlPathEqualTo("/v26.0/" + ACCOUNT + "/media_publish")));
    assertThat(tokens.current(ACCOUNT).orElseThrow().value()).isEqualTo(TOKEN);
  }
}
