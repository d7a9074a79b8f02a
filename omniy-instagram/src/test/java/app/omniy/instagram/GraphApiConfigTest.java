package app.omniy.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.instagram.GraphApiConfig.Flavour;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphApiConfigTest {

  @Test
  void each_flavour_defaults_to_its_own_host_and_the_current_version() {
    var instagram = GraphApiConfig.builder(Flavour.INSTAGRAM_LOGIN).build();
    var facebook = GraphApiConfig.builder(Flavour.FACEBOOK_LOGIN).build();

    assertThat(instagram.endpoint("/17841400000/media"))
        .isEqualTo(URI.create("https://graph.instagram.com/v26.0/17841400000/media"));
    assertThat(facebook.endpoint("17841400000/media_publish"))
        .isEqualTo(URI.create("https://graph.facebook.com/v26.0/17841400000/media_publish"));
  }

  @Test
  void base_uri_and_version_are_configuration_not_literals() {
    var config =
        GraphApiConfig.builder(Flavour.FACEBOOK_LOGIN)
            .baseUri(URI.create("http://127.0.0.1:8089/"))
            .apiVersion("v25.0")
            .build();

    assertThat(config.endpoint("123?fields=status_code"))
        .isEqualTo(URI.create("http://127.0.0.1:8089/v25.0/123?fields=status_code"));
  }

  @Test
  void bad_values_are_rejected_naming_the_field() {
    var builder = GraphApiConfig.builder(Flavour.INSTAGRAM_LOGIN);

    assertThatThrownBy(() -> builder.apiVersion("26").build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("apiVersion = '26': must look like v26.0");
    assertThatThrownBy(() -> builder.apiVersion("v26.0").requestTimeout(Duration.ZERO).build())
        .hasMessageStartingWith("requestTimeout");
    assertThatThrownBy(
            () ->
                builder
                    .requestTimeout(Duration.ofSeconds(5))
                    .baseUri(URI.create("relative"))
                    .build())
        .hasMessageStartingWith("baseUri");
    assertThatThrownBy(() -> GraphApiConfig.builder(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("flavour: is required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://graph.facebook.com",
        "http://graph.instagram.com/",
        "http://10.0.0.5:8080",
        "http://128.0.0.1",
        "http://127.0.0.1.example.com",
        "http://localhost.example.com",
        "http://[::2]:8080",
        "ftp://graph.facebook.com",
        "ws://127.0.0.1:8080"
      })
  void a_base_uri_that_could_carry_the_token_unencrypted_is_refused(String uri) {
    var builder = GraphApiConfig.builder(Flavour.FACEBOOK_LOGIN).baseUri(URI.create(uri));

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("baseUri");
              assertThat(e.reason()).contains("https");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://graph.facebook.com",
        "HTTPS://graph.instagram.com",
        "https://10.0.0.5:8443",
        "http://127.0.0.1:8089",
        "http://127.255.10.9",
        "http://localhost:8080",
        "http://LocalHost",
        "http://[::1]:9000",
        "http://[0:0:0:0:0:0:0:1]"
      })
  void https_is_accepted_and_plain_http_only_to_a_loopback_host(String uri) {
    var config = GraphApiConfig.builder(Flavour.FACEBOOK_LOGIN).baseUri(URI.create(uri)).build();

    assertThat(config.baseUri()).isEqualTo(URI.create(uri));
  }
}
