package app.omniy.instagram;

import static app.omniy.instagram.GraphApiStubs.ACCOUNT;
import static app.omniy.instagram.GraphApiStubs.NOW;
import static app.omniy.instagram.GraphApiStubs.graphError;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.post.spi.CircuitState;
import app.omniy.core.post.spi.OutcomeClass;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A failing API host is not hammered: the breaker opens and calls stop reaching it. */
class CircuitBreakerTest {
  @RegisterExtension static WireMockExtension wm = GraphApiStubs.wireMock();

  @Test
  void after_enough_5xx_the_breaker_opens_and_calls_fail_fast_without_reaching_the_host() {
    wm.stubFor(
        post(urlPathEqualTo("/v26.0/" + ACCOUNT + "/media"))
            .willReturn(graphError(503, 2, null, "Service temporarily unavailable")));
    var publisher =
        InstagramPublisher.builder(
                GraphApiConfig.builder(GraphApiConfig.Flavour.INSTAGRAM_LOGIN)
                    .baseUri(URI.create(wm.baseUrl()))
                    .resilience(new GraphApiConfig.Resilience(0, 3, 3, Duration.ofMinutes(5)))
                    .build(),
                GraphApiStubs.tokens())
            .meterRegistry(new SimpleMeterRegistry())
            .build();

    assertThat(publisher.circuit()).contains(CircuitState.CLOSED);
    for (int i = 0; i < 3; i++) {
      assertThat(publisher.createContainer(GraphApiStubs.image("p" + i), NOW).outcome())
          .isEqualTo(OutcomeClass.TRANSIENT);
    }
    assertThat(publisher.circuit()).contains(CircuitState.OPEN);
    var refused = publisher.createContainer(GraphApiStubs.image("p9"), NOW);

    assertThat(refused.outcome()).isEqualTo(OutcomeClass.TRANSIENT);
    assertThat(refused.message()).contains("circuit breaker open");
    wm.verify(3, postRequestedFor(urlPathEqualTo("/v26.0/" + ACCOUNT + "/media")));
  }
}
