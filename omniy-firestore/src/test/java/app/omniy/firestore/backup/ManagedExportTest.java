package app.omniy.firestore.backup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.OmniyException;
import app.omniy.firestore.FirestoreCollections;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** BAK-1's managed export for production: the request, built by a pure function, and its call. */
class ManagedExportTest {
  private static final Instant NIGHT = Instant.parse("2026-11-27T18:00:00Z"); // 03:00 JST

  @Test
  void the_request_names_the_database_a_dated_folder_and_omniys_collection_groups() {
    ManagedExportRequest request =
        ManagedExport.request(
            "omniy-prod",
            "(default)",
            "gs://omniy-backups-asia-northeast2/firestore/",
            ManagedExport.OMNIY_COLLECTION_GROUPS,
            NIGHT);

    assertThat(request.database()).isEqualTo("projects/omniy-prod/databases/(default)");
    assertThat(request.outputUriPrefix())
        .isEqualTo("gs://omniy-backups-asia-northeast2/firestore/20261127T180000Z");
    // Every collection the stores declare (FirestoreCollections), after the root; a store added
    // later joins the list without a change here.
    assertThat(request.collectionIds())
        .isEqualTo(FirestoreCollections.collectionGroups())
        .startsWith("omniy")
        .contains(
            "alertStates",
            "appliedCredits",
            "downtime",
            "incidents",
            "jobLeases",
            "maintenanceJobs",
            "posts",
            "processedEvents",
            "supportTickets");
    assertThat(request.path())
        .isEqualTo("/v1/projects/omniy-prod/databases/(default):exportDocuments");
    assertThat(request.jsonBody())
        .isEqualTo(
            "{\"outputUriPrefix\":\"gs://omniy-backups-asia-northeast2/firestore/20261127T180000Z\","
                + "\"collectionIds\":["
                + request.collectionIds().stream()
                    .map(c -> "\"" + c + "\"")
                    .collect(Collectors.joining(","))
                + "]}");
  }

  @Test
  void malformed_arguments_are_rejected_naming_the_field() {
    assertThatThrownBy(() -> ManagedExport.request("P", "(default)", "gs://b", List.of(), NIGHT))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("projectId"));
    assertThatThrownBy(
            () -> ManagedExport.request("omniy-prod", "(default)", "s3://b", List.of(), NIGHT))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("bucketUri"));
    assertThatThrownBy(
            () -> ManagedExport.request("omniy-prod", "Main DB", "gs://b", List.of(), NIGHT))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("databaseId"));
    assertThatThrownBy(
            () ->
                ManagedExport.request("omniy-prod", "(default)", "gs://bb", List.of("a/b"), NIGHT))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("collectionGroups"));
  }

  @Test
  void start_posts_the_request_with_the_credentials_and_returns_the_operation() {
    WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort().jettyAcceptors(1));
    api.start();
    try {
      ManagedExportRequest request =
          ManagedExport.request("omniy-prod", "(default)", "gs://bkp", List.of("posts"), NIGHT);
      api.stubFor(
          post(urlEqualTo(request.path()))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"name\":\"projects/omniy-prod/databases/(default)/operations/op1\"}")));

      String operation =
          ManagedExport.start(
              "http://localhost:" + api.port(),
              GoogleCredentials.create(new AccessToken("token-1", null)),
              request);

      assertThat(operation).isEqualTo("projects/omniy-prod/databases/(default)/operations/op1");
      api.verify(
          postRequestedFor(urlEqualTo(request.path()))
              .withHeader("Authorization", equalTo("Bearer token-1"))
              .withRequestBody(equalToJson(request.jsonBody())));
    } finally {
      api.stop();
    }
  }

  @Test
  void a_refusal_such_as_the_emulators_404_is_reported_with_the_status() {
    WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort().jettyAcceptors(1));
    api.start();
    try {
      ManagedExportRequest request =
          ManagedExport.request("omniy-prod", "(default)", "gs://bkp", List.of(), NIGHT);
      api.stubFor(post(urlEqualTo(request.path())).willReturn(aResponse().withStatus(404)));

      assertThatThrownBy(
              () ->
                  ManagedExport.start(
                      "http://localhost:" + api.port(),
                      GoogleCredentials.create(new AccessToken("t", null)),
                      request))
          .isInstanceOf(OmniyException.class)
          .hasMessageContaining("404");
    } finally {
      api.stop();
    }
  }
}
