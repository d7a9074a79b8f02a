package app.omniy.instagram;

import static app.omniy.instagram.GraphApiStubs.ACCOUNT;
import static app.omniy.instagram.GraphApiStubs.NOW;
import static app.omniy.instagram.GraphApiStubs.TOKEN;
import static app.omniy.instagram.GraphApiStubs.graphError;
import static app.omniy.instagram.GraphApiStubs.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.Reconciliation;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every publishing flow (image, carousel, reel: POST-1) and error class (transient, permanent,
 * auth: POST-5) against WireMock standing in for the Graph API.
 */
class InstagramPublisherTest {
  @RegisterExtension static WireMockExtension wm = GraphApiStubs.wireMock();

  private final InMemoryAccessTokens tokens = GraphApiStubs.tokens();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private InstagramPublisher publisher;

  @BeforeEach
  void createPublisher() {
    publisher =
        InstagramPublisher.builder(GraphApiStubs.config(wm), tokens)
            .meterRegistry(registry)
            .build();
  }

  private static String path(String rest) {
    return "/v26.0/" + rest;
  }

  @Nested
  class Flows {
    @Test
    void an_image_is_created_published_and_gets_its_first_comment() {
      wm.stubFor(
          post(urlPathEqualTo(path(ACCOUNT + "/media")))
              .willReturn(json("{\"id\":\"17889455560051444\"}")));
      wm.stubFor(
          get(urlPathEqualTo(path("17889455560051444")))
              .willReturn(
                  json(
                      "{\"status_code\":\"FINISHED\",\"status\":\"Finished\",\"id\":\"17889455560051444\"}")));
      wm.stubFor(
          post(urlPathEqualTo(path(ACCOUNT + "/media_publish")))
              .willReturn(json("{\"id\":\"17920238422030506\"}")));
      wm.stubFor(
          post(urlPathEqualTo(path("17920238422030506/comments")))
              .willReturn(json("{\"id\":\"17858893269000001\"}")));
      var post = GraphApiStubs.image("p1");

      var container = publisher.createContainer(post, NOW);
      var status = publisher.status(ACCOUNT, container.value(), NOW);
      var media = publisher.publish(ACCOUNT, container.value(), NOW);
      var comment = publisher.comment(ACCOUNT, media.value(), post.firstComment(), NOW);

      assertThat(container.value()).isEqualTo("17889455560051444");
      assertThat(status.value()).isEqualTo(ContainerStatus.FINISHED);
      assertThat(media.value()).isEqualTo("17920238422030506");
      assertThat(comment.isSuccess()).isTrue();
      wm.verify(
          postRequestedFor(urlPathEqualTo(path(ACCOUNT + "/media")))
              .withHeader("Authorization", equalTo("Bearer " + TOKEN))
              .withFormParam("image_url", equalTo("https://cdn.example.com/p1.jpg"))
              .withFormParam("caption", equalTo("Spring menu 🌸 #cafe")));
      wm.verify(
          postRequestedFor(urlPathEqualTo(path(ACCOUNT + "/media_publish")))
              .withFormParam("creation_id", equalTo("17889455560051444")));
      wm.verify(
          postRequestedFor(urlPathEqualTo(path("17920238422030506/comments")))
              .withFormParam("message", equalTo("Open 9–18 daily")));
    }

    @Test
    void a_carousel_creates_its_items_then_itself_with_the_children() {
      wm.stubFor(
          post(urlPathEqualTo(path(ACCOUNT + "/media")))
              .inScenario("carousel")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(json("{\"id\":\"111\"}"))
              .willSetStateTo("one"));
      wm.stubFor(
          post(urlPathEqualTo(path(ACCOUNT + "/media")))
              .inScenario("carousel")
              .whenScenarioStateIs("one")
              .willReturn(json("{\"id\":\"222\"}"))
              .willSetStateTo("two"));
      wm.stubFor(
          post(urlPathEqualTo(path(ACCOUNT + "/media")))
              .inScenario("carousel")
              .whenScenarioStateIs("two")
              .willReturn(json("{\"id\":\"333\"}")));

      var created = publisher.createContainer(GraphApiStubs.carousel("c1"), NOW);

      assertThat(created.value()).isEqualTo("333");
      wm.verify(
          postRequestedFor(urlPathEqualTo(path(ACCOUNT + "/media")))
              .withFormParam("is_carousel_item", equalTo("true"))
              .withFormParam("image_url", equalTo("https://cdn.example.com/1.jpg")));
      wm.verify(
          postRequestedFor(urlPathEqualTo(path(ACCOUNT + "/media")))
              .withFormParam("media_type", equalTo("VIDEO"))
              .withFormParam("is_carousel_item", equalTo("true")));
      wm.verify(
          postRequestedFor(urlPathEqualTo(path(ACCOUNT + "/media")))
              .withFormParam("media_type", equalTo("CAROUSEL"))
              .withFormParam("children", equalTo("111,222"))
              .withFormParam("caption", equalTo("Two views")));
    }

    @Test
    void a_reel_is_in_progress_then_finished() {
      wm.stubFor(
          post(urlPathEqualTo(path(ACCOUNT + "/media"))).willReturn(json("{\"id\":\"444\"}")));
      wm.stubFor(
          get(urlPathEqualTo(path("444")))
              .inScenario("video")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(
                  json(
                      "{\"status_code\":\"IN_PROGRESS\",\"status\":\"In Progress\",\"id\":\"444\"}"))
              .willSetStateTo("done"));
      wm.stubFor(
          get(urlPathEqualTo(path("444")))
              .inScenario("video")
              .whenScenarioStateIs("done")
              .willReturn(
                  json("{\"status_code\":\"FINISHED\",\"status\":\"Finished\",\"id\":\"444\"}")));

      var container = publisher.createContainer(GraphApiStubs.reel("r1"), NOW);

      assertThat(publisher.status(ACCOUNT, "444", NOW).value())
          .isEqualTo(ContainerStatus.IN_PROGRESS);
      assertThat(publisher.status(ACCOUNT, "444", NOW).value()).isEqualTo(ContainerStatus.FINISHED);
      assertThat(container.value()).isEqualTo("444");
      wm.verify(
          postRequestedFor(urlPathEqualTo(path(ACCOUNT + "/media")))
              .withFormParam("media_type", equalTo("REELS"))
              .withFormParam("video_url", equalTo("https://cdn.example.com/r1.mp4")));
    }

    @Test
    void the_live_quota_is_read_from_content_publishing_limit() {
      wm.stubFor(
          get(urlPathEqualTo(path(ACCOUNT + "/content_publishing_limit")))
              .willReturn(
                  json(
                      "{\"data\":[{\"quota_usage\":2,\"config\":{\"quota_total\":50,\"quota_duration\":86400}}]}")));

      var limit = publisher.publishingLimit(ACCOUNT, NOW);

      assertThat(limit.value()).isEqualTo(new PublishingLimit(2, 50, Duration.ofDays(1)));
      assertThat(limit.value().remaining()).isEqualTo(48);
      assertThat(publisher.publishLimit(ACCOUNT, NOW)).hasValue(50);
    }

    @Test
    void the_dispatchers_live_limit_is_empty_when_the_api_cannot_give_a_positive_one() {
      wm.stubFor(
          get(urlPathEqualTo(path(ACCOUNT + "/content_publishing_limit")))
              .inScenario("limit")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(aResponse().withStatus(500))
              .willSetStateTo("zero"));
      wm.stubFor(
          get(urlPathEqualTo(path(ACCOUNT + "/content_publishing_limit")))
              .inScenario("limit")
              .whenScenarioStateIs("zero")
              .willReturn(
                  json(
                      "{\"data\":[{\"quota_usage\":0,\"config\":{\"quota_total\":0,\"quota_duration\":86400}}]}")));

      assertThat(publisher.publishLimit(ACCOUNT, NOW)).isEmpty();
      assertThat(publisher.publishLimit(ACCOUNT, NOW)).isEmpty();
    }
  }

  @Nested
  class Containers {
    @Test
    void an_id_that_cannot_stand_in_a_path_is_refused_before_any_request() {
      // Found by GraphApiResponseFuzzTest: "쐜E]" reached URI.create as a path segment.
      assertThatThrownBy(() -> publisher.status(ACCOUNT, "17889/../../me?x=1", NOW))
          .isInstanceOfSatisfying(
              InvalidValueException.class,
              e -> {
                assertThat(e.field()).isEqualTo("containerId");
                assertThat(e.value()).isEqualTo("17889/../../me?x=1");
              });
      assertThatThrownBy(() -> publisher.publish("acct 1", "555", NOW))
          .isInstanceOfSatisfying(
              InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("accountId"));
      assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_container_id_in_an_answer_that_cannot_stand_in_a_path_is_an_unexpected_answer() {
      wm.stubFor(
          post(urlPathEqualTo(path(ACCOUNT + "/media")))
              .willReturn(json("{\"id\":\"555/comments\"}")));

      var container = publisher.createContainer(GraphApiStubs.image("p1"), NOW);

      assertThat(container.isSuccess()).isFalse();
      assertThat(container.outcome()).isEqualTo(OutcomeClass.TRANSIENT);
      assertThat(container.code()).isEqualTo("bad-answer");
    }

    @Test
    void an_error_container_gives_up_with_metas_reason_and_a_bad_video_is_the_users() {
      wm.stubFor(
          get(urlPathEqualTo(path("555")))
              .willReturn(
                  json(
                      "{\"status_code\":\"ERROR\",\"status\":\"Error: 2207026\",\"id\":\"555\"}")));
      wm.stubFor(
          get(urlPathEqualTo(path("556")))
              .willReturn(
                  json(
                      "{\"status_code\":\"ERROR\",\"status\":\"Error: 2207053\",\"id\":\"556\"}")));

      var badVideo = publisher.status(ACCOUNT, "555", NOW);
      var uploadError = publisher.status(ACCOUNT, "556", NOW);

      assertThat(badVideo.outcome()).isEqualTo(OutcomeClass.USER_CAUSED);
      assertThat(badVideo.message()).contains("Error: 2207026");
      assertThat(uploadError.outcome()).isEqualTo(OutcomeClass.NEW_CONTAINER);
      assertThat(publisher.reconcile(ACCOUNT, "555", NOW).value())
          .isEqualTo(Reconciliation.CONTAINER_EXPIRED);
    }

    @Test
    void media_instagram_cannot_fetch_from_its_url_is_the_users_when_creating_or_processing() {
      // Meta's answer when it cannot download image_url (POST-9): 9004 / 2207052.
      wm.stubFor(
          post(urlPathEqualTo(path(ACCOUNT + "/media")))
              .willReturn(
                  aResponse()
                      .withStatus(400)
                      .withHeader("Content-Type", "application/json; charset=UTF-8")
                      .withBody(
                          "{\"error\":{\"message\":\"Only photo or video can be accepted as media"
                              + " type.\",\"type\":\"OAuthException\",\"code\":9004,"
                              + "\"error_subcode\":2207052,\"is_transient\":false,"
                              + "\"error_user_title\":\"Media download has failed.\","
                              + "\"error_user_msg\":\"The media could not be fetched from the URI"
                              + " provided. Make sure the URI is valid and publicly accessible.\","
                              + "\"fbtrace_id\":\"AbC9x2mYbE3kTt4Fh2cQw1a\"}}")));
      wm.stubFor(
          get(urlPathEqualTo(path("557")))
              .willReturn(
                  json(
                      "{\"status_code\":\"ERROR\",\"status\":\"Error: 2207052\",\"id\":\"557\"}")));

      var created = publisher.createContainer(GraphApiStubs.image("p1"), NOW);
      var processed = publisher.status(ACCOUNT, "557", NOW);

      assertThat(created.outcome()).isEqualTo(OutcomeClass.MEDIA_UNFETCHABLE);
      assertThat(created.code()).isEqualTo("9004/2207052");
      assertThat(created.message()).contains("Only photo or video can be accepted");
      assertThat(processed.outcome()).isEqualTo(OutcomeClass.MEDIA_UNFETCHABLE);
      assertThat(processed.message()).contains("Error: 2207052");
    }

    @Test
    void an_expired_container_needs_a_new_one() {
      wm.stubFor(
          get(urlPathEqualTo(path("666")))
              .willReturn(
                  json("{\"status_code\":\"EXPIRED\",\"status\":\"Expired\",\"id\":\"666\"}")));

      assertThat(publisher.status(ACCOUNT, "666", NOW).outcome())
          .isEqualTo(OutcomeClass.NEW_CONTAINER);
      assertThat(publisher.reconcile(ACCOUNT, "666", NOW).value())
          .isEqualTo(Reconciliation.CONTAINER_EXPIRED);
    }

    @Test
    void publishing_too_early_is_not_ready_and_a_full_quota_is_quota() {
      wm.stubFor(
          post(urlPathEqualTo(path(ACCOUNT + "/media_publish")))
              .withFormParam("creation_id", equalTo("7"))
              .willReturn(
                  graphError(
                      400,
                      9007,
                      2207027,
                      "The media is not ready for publishing, please wait for a moment")));
      wm.stubFor(
          post(urlPathEqualTo(path(ACCOUNT + "/media_publish")))
              .withFormParam("creation_id", equalTo("8"))
              .willReturn(graphError(400, 9, 2207042, "Application request limit reached")));

      assertThat(publisher.publish(ACCOUNT, "7", NOW).outcome()).isEqualTo(OutcomeClass.NOT_READY);
      assertThat(publisher.publish(ACCOUNT, "8", NOW).outcome()).isEqualTo(OutcomeClass.QUOTA);
      assertThat(publisher.publish(ACCOUNT, "7", NOW).outcome())
          .as("a refused publish may be tried again")
          .isEqualTo(OutcomeClass.NOT_READY);
    }
  }

  @Nested
  class Failures {
    @Test
    void throttling_613_waits_as_stated_and_holds_the_next_call_back() {
      wm.stubFor(
          post(urlPathEqualTo(path(ACCOUNT + "/media")))
              .willReturn(
                  graphError(400, 613, null, "Calls to this api have exceeded the rate limit.")
                      .withHeader(
                          "X-Business-Use-Case-Usage",
                          "{\""
                              + ACCOUNT
                              + "\":[{\"type\":\"instagram\",\"call_count\":100,\"total_cputime\":12,\"total_time\":15,\"estimated_time_to_regain_access\":7}]}")));

      var throttled = publisher.createContainer(GraphApiStubs.image("p1"), NOW);
      var held = publisher.createContainer(GraphApiStubs.image("p2"), NOW.plusSeconds(60));

      assertThat(throttled.outcome()).isEqualTo(OutcomeClass.RATE_LIMITED);
      assertThat(throttled.retryAfter()).isEqualTo(Duration.ofMinutes(7));
      assertThat(throttled.message()).contains("613", "AqZ1x9mYbE3kTt4Fh2cQw1a");
      assertThat(held.outcome()).isEqualTo(OutcomeClass.RATE_LIMITED);
      assertThat(held.retryAfter()).isEqualTo(Duration.ofMinutes(6));
      wm.verify(1, postRequestedFor(urlPathEqualTo(path(ACCOUNT + "/media"))));
      assertThat(
              publisher
                  .createContainer(GraphApiStubs.image("p3"), NOW.plus(Duration.ofMinutes(7)))
                  .outcome())
          .isEqualTo(OutcomeClass.RATE_LIMITED);
      wm.verify(2, postRequestedFor(urlPathEqualTo(path(ACCOUNT + "/media"))));
    }

    @Test
    void http_429_is_rate_limited_with_the_stated_wait() {
      wm.stubFor(
          get(urlPathEqualTo(path(ACCOUNT + "/content_publishing_limit")))
              .willReturn(
                  graphError(
                          429,
                          80002,
                          null,
                          "There have been too many calls to this Instagram account.")
                      .withHeader(
                          "X-Business-Use-Case-Usage",
                          "{\""
                              + ACCOUNT
                              + "\":[{\"type\":\"instagram\",\"call_count\":100,\"total_cputime\":0,\"total_time\":0,\"estimated_time_to_regain_access\":3}]}")));

      var result = publisher.publishingLimit(ACCOUNT, NOW);

      assertThat(result.outcome()).isEqualTo(OutcomeClass.RATE_LIMITED);
      assertThat(result.retryAfter()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void an_expired_token_190_463_marks_the_account_for_reauthorisation() {
      wm.stubFor(
          post(urlPathEqualTo(path(ACCOUNT + "/media")))
              .willReturn(
                  graphError(
                      400,
                      190,
                      463,
                      "Error validating access token: Session has expired on Friday, 10-Apr-26 01:00:00 PDT.")));

      var result = publisher.createContainer(GraphApiStubs.image("p1"), NOW);

      assertThat(result.outcome()).isEqualTo(OutcomeClass.AUTH);
      assertThat(result.code()).isEqualTo("190/463");
      assertThat(tokens.needingReauthorisation()).containsExactly(ACCOUNT);
    }

    @Test
    void a_500_on_a_read_is_retried_in_call_and_succeeds() {
      wm.stubFor(
          get(urlPathEqualTo(path("777")))
              .inScenario("flaky")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(
                  graphError(
                      500,
                      2,
                      null,
                      "An unexpected error has occurred. Please retry your request later."))
              .willSetStateTo("ok"));
      wm.stubFor(
          get(urlPathEqualTo(path("777")))
              .inScenario("flaky")
              .whenScenarioStateIs("ok")
              .willReturn(
                  json("{\"status_code\":\"FINISHED\",\"status\":\"Finished\",\"id\":\"777\"}")));

      assertThat(publisher.status(ACCOUNT, "777", NOW).value()).isEqualTo(ContainerStatus.FINISHED);
      wm.verify(2, getRequestedFor(urlPathEqualTo(path("777"))));
    }

    @Test
    void a_500_on_a_write_is_not_retried_but_reported_transient() {
      wm.stubFor(
          post(urlPathEqualTo(path(ACCOUNT + "/media")))
              .willReturn(graphError(500, 1, null, "An unknown error occurred")));

      var result = publisher.createContainer(GraphApiStubs.image("p1"), NOW);

      assertThat(result.outcome()).isEqualTo(OutcomeClass.TRANSIENT);
      wm.verify(1, postRequestedFor(urlPathEqualTo(path(ACCOUNT + "/media"))));
    }

    @Test
    void
        a_reset_during_media_publish_is_reconciled_as_published_with_exactly_one_publish_request() {
      wm.stubFor(
          post(urlPathEqualTo(path(ACCOUNT + "/media_publish")))
              .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      wm.stubFor(
          get(urlPathEqualTo(path("888")))
              .willReturn(
                  json("{\"status_code\":\"PUBLISHED\",\"status\":\"Published\",\"id\":\"888\"}")));

      var lost = publisher.publish(ACCOUNT, "888", NOW);
      var again = publisher.publish(ACCOUNT, "888", NOW);
      var reconciled = publisher.reconcile(ACCOUNT, "888", NOW);

      assertThat(lost.outcome()).isEqualTo(OutcomeClass.TRANSIENT);
      assertThat(lost.code()).isEqualTo(InstagramPublisher.NO_ANSWER);
      assertThat(again.isSuccess()).as("a second publish before reconciling is refused").isFalse();
      assertThat(reconciled.value()).isEqualTo(Reconciliation.PUBLISHED);
      wm.verify(1, postRequestedFor(urlPathEqualTo(path(ACCOUNT + "/media_publish"))));
    }

    @Test
    void a_stalled_answer_times_out_as_transient() {
      wm.stubFor(
          get(urlPathEqualTo(path("999")))
              .willReturn(
                  json("{\"status_code\":\"FINISHED\",\"id\":\"999\"}").withFixedDelay(3_000)));
      var impatient =
          InstagramPublisher.builder(
                  GraphApiConfig.builder(GraphApiConfig.Flavour.INSTAGRAM_LOGIN)
                      .baseUri(java.net.URI.create(wm.baseUrl()))
                      .requestTimeout(Duration.ofMillis(200))
                      .resilience(new GraphApiConfig.Resilience(0, 10, 20, Duration.ofSeconds(30)))
                      .build(),
                  tokens)
              .meterRegistry(new SimpleMeterRegistry())
              .build();

      var result = impatient.status(ACCOUNT, "999", NOW);

      assertThat(result.outcome()).isEqualTo(OutcomeClass.TRANSIENT);
      assertThat(result.message()).contains("timed out");
    }
  }

  @Nested
  class Usage {
    @Test
    void a_publisher_without_a_meter_registry_is_refused_so_alert_i2_never_reads_no_data() {
      var builder = InstagramPublisher.builder(GraphApiStubs.config(wm), tokens);

      assertThatThrownBy(builder::build)
          .isInstanceOfSatisfying(
              InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("meterRegistry"))
          .hasMessageContaining("ALERT-I2");
    }

    @Test
    void the_highest_usage_figure_becomes_the_accounts_gauge() {
      wm.stubFor(
          get(urlPathEqualTo(path(ACCOUNT + "/content_publishing_limit")))
              .willReturn(
                  json("{\"data\":[{\"quota_usage\":0,\"config\":{\"quota_total\":50,\"quota_duration\":86400}}]}")
                      .withHeader(
                          "X-App-Usage", "{\"call_count\":12,\"total_cputime\":3,\"total_time\":5}")
                      .withHeader(
                          "X-Business-Use-Case-Usage",
                          "{\""
                              + ACCOUNT
                              + "\":[{\"type\":\"instagram\",\"call_count\":41,\"total_cputime\":80,\"total_time\":33,\"estimated_time_to_regain_access\":0}]}")));

      publisher.publishingLimit(ACCOUNT, NOW);

      assertThat(publisher.usagePercent(ACCOUNT)).isEqualTo(80);
      assertThat(
              registry.get(InstagramPublisher.USAGE_GAUGE).tag("account", ACCOUNT).gauge().value())
          .isEqualTo(0.80);
    }

    @Test
    void near_the_limit_calls_slow_down_before_meta_throttles() {
      wm.stubFor(
          get(urlPathEqualTo(path(ACCOUNT + "/content_publishing_limit")))
              .willReturn(
                  json("{\"data\":[{\"quota_usage\":0,\"config\":{\"quota_total\":50,\"quota_duration\":86400}}]}")
                      .withHeader(
                          "X-App-Usage",
                          "{\"call_count\":93,\"total_cputime\":3,\"total_time\":5}")));

      assertThat(publisher.publishingLimit(ACCOUNT, NOW).isSuccess()).isTrue();
      var held = publisher.publishingLimit(ACCOUNT, NOW.plusSeconds(1));

      assertThat(held.outcome()).isEqualTo(OutcomeClass.RATE_LIMITED);
      wm.verify(1, getRequestedFor(urlPathEqualTo(path(ACCOUNT + "/content_publishing_limit"))));
    }
  }

  @Nested
  class Tokens {
    @Test
    void a_token_close_to_expiry_is_refreshed_and_handed_back_before_use() {
      tokens.put(
          ACCOUNT, new app.omniy.instagram.spi.AccessToken(TOKEN, NOW.plus(Duration.ofDays(3))));
      wm.stubFor(
          get(urlPathEqualTo("/refresh_access_token"))
              .willReturn(
                  json(
                      "{\"access_token\":\"IGQWRnewlong-livedtoken\",\"token_type\":\"bearer\",\"expires_in\":5184000}")));
      wm.stubFor(
          get(urlPathEqualTo(path("123")))
              .willReturn(json("{\"status_code\":\"FINISHED\",\"id\":\"123\"}")));

      publisher.status(ACCOUNT, "123", NOW);

      assertThat(tokens.current(ACCOUNT).orElseThrow().value())
          .isEqualTo("IGQWRnewlong-livedtoken");
      assertThat(tokens.current(ACCOUNT).orElseThrow().expiresAt())
          .isEqualTo(NOW.plus(Duration.ofDays(60)));
      wm.verify(
          getRequestedFor(urlPathEqualTo("/refresh_access_token"))
              .withQueryParam("grant_type", equalTo("ig_refresh_token"))
              .withoutQueryParam("access_token")
              .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
      wm.verify(
          getRequestedFor(urlPathEqualTo(path("123")))
              .withHeader("Authorization", equalTo("Bearer IGQWRnewlong-livedtoken")));
    }

    @Test
    void a_facebook_login_token_is_exchanged_in_a_form_post_that_keeps_the_secret_out_of_the_url() {
      tokens.put(
          ACCOUNT, new app.omniy.instagram.spi.AccessToken(TOKEN, NOW.plus(Duration.ofDays(3))));
      var facebook =
          InstagramPublisher.builder(
                  GraphApiConfig.builder(GraphApiConfig.Flavour.FACEBOOK_LOGIN)
                      .baseUri(java.net.URI.create(wm.baseUrl()))
                      .requestTimeout(Duration.ofSeconds(10))
                      .build(),
                  tokens)
              .meterRegistry(new SimpleMeterRegistry())
              .facebookApp("1234567890", "app-secret-3f9a7c")
              .build();
      wm.stubFor(
          post(urlPathEqualTo(path("oauth/access_token")))
              .willReturn(
                  json(
                      "{\"access_token\":\"EAAGnewlong-livedtoken\",\"token_type\":\"bearer\",\"expires_in\":5184000}")));
      wm.stubFor(
          get(urlPathEqualTo(path("123")))
              .willReturn(json("{\"status_code\":\"FINISHED\",\"id\":\"123\"}")));

      var status = facebook.status(ACCOUNT, "123", NOW);

      assertThat(status.value()).isEqualTo(ContainerStatus.FINISHED);
      assertThat(tokens.current(ACCOUNT).orElseThrow().value()).isEqualTo("EAAGnewlong-livedtoken");
      wm.verify(
          postRequestedFor(urlEqualTo(path("oauth/access_token")))
              .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
              .withFormParam("grant_type", equalTo("fb_exchange_token"))
              .withFormParam("client_id", equalTo("1234567890"))
              .withFormParam("client_secret", equalTo("app-secret-3f9a7c"))
              .withFormParam("fb_exchange_token", equalTo(TOKEN))
              .withoutHeader("Authorization"));
      wm.verify(0, getRequestedFor(urlPathEqualTo(path("oauth/access_token"))));
      wm.verify(
          getRequestedFor(urlPathEqualTo(path("123")))
              .withHeader("Authorization", equalTo("Bearer EAAGnewlong-livedtoken")));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"access_token\":\"\",\"expires_in\":5184000}",
          "{\"access_token\":\"IGQ new\\ntoken\",\"expires_in\":5184000}",
          "{\"access_token\":{\"value\":\"IGQ\"},\"expires_in\":5184000}",
          "{\"access_token\":\"IGQWRnew\",\"expires_in\":99999999999999999}",
          "{\"access_token\":\"IGQWRnew\",\"expires_in\":-5}",
          "{\"access_token\":\"IGQWRnew\",\"expires_in\":\"soon\"}"
        })
    void a_refresh_answer_without_a_usable_token_keeps_the_current_one(String answer) {
      // Found by GraphApiResponseFuzzTest: a blank token in the answer threw out of the call.
      tokens.put(
          ACCOUNT, new app.omniy.instagram.spi.AccessToken(TOKEN, NOW.plus(Duration.ofDays(3))));
      wm.stubFor(get(urlPathEqualTo("/refresh_access_token")).willReturn(json(answer)));
      wm.stubFor(
          get(urlPathEqualTo(path("123")))
              .willReturn(json("{\"status_code\":\"FINISHED\",\"id\":\"123\"}")));

      var status = publisher.status(ACCOUNT, "123", NOW);

      assertThat(status.value()).isEqualTo(ContainerStatus.FINISHED);
      assertThat(tokens.current(ACCOUNT).orElseThrow().value()).isEqualTo(TOKEN);
      wm.verify(
          getRequestedFor(urlPathEqualTo(path("123")))
              .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void a_token_that_cannot_travel_in_a_header_is_refused_without_showing_it() {
      assertThatThrownBy(() -> new app.omniy.instagram.spi.AccessToken("IGQ\r\nX-Evil: 1", NOW))
          .isInstanceOfSatisfying(
              InvalidValueException.class,
              e -> {
                assertThat(e.field()).isEqualTo("accessToken");
                assertThat(e.getMessage()).doesNotContain("IGQ");
              });
    }

    @Test
    void a_refused_refresh_or_an_expired_token_needs_reauthorisation_without_calling_the_api() {
      tokens.put(
          ACCOUNT, new app.omniy.instagram.spi.AccessToken(TOKEN, NOW.plus(Duration.ofDays(1))));
      wm.stubFor(
          get(urlPathEqualTo("/refresh_access_token"))
              .willReturn(
                  graphError(
                      400,
                      190,
                      460,
                      "The session has been invalidated because the user changed their password")));

      var refused = publisher.status(ACCOUNT, "123", NOW);
      tokens.put(
          "17841400000000099",
          new app.omniy.instagram.spi.AccessToken("IGQexpired", NOW.minusSeconds(1)));
      var expired = publisher.status("17841400000000099", "123", NOW);

      assertThat(refused.outcome()).isEqualTo(OutcomeClass.AUTH);
      assertThat(expired.outcome()).isEqualTo(OutcomeClass.AUTH);
      assertThat(tokens.needingReauthorisation())
          .containsExactlyInAnyOrder(ACCOUNT, "17841400000000099");
      wm.verify(0, getRequestedFor(urlPathEqualTo(path("123"))));
    }
  }
}
