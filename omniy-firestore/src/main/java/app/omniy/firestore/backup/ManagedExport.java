package app.omniy.firestore.backup;

import app.omniy.core.InvalidValueException;
import app.omniy.core.OmniyException;
import app.omniy.core.Require;
import app.omniy.core.backup.BackupIds;
import app.omniy.firestore.FirestoreCollections;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Firestore's managed export for production (BAK-1): Google writes the database's documents to a
 * Cloud Storage bucket in its own format, which {@code gcloud firestore import} restores. The
 * request is built by a pure function ({@link #request}), so it is tested; the emulator has no
 * Admin API export (it answers 404), so {@link #start} only runs against real Firestore.
 *
 * <p>It calls the Admin API's REST endpoint with the caller's Google credentials: the Java admin
 * client ({@code google-cloud-firestore-admin}) is not served by the registry Omniy builds from.
 */
public final class ManagedExport {
  /** The Admin API's production host. */
  public static final String FIRESTORE_API = "https://firestore.googleapis.com";

  /**
   * The collection groups Omniy keeps its data in: the root collection and every collection a store
   * writes under a namespace document, as the stores declare them ({@link
   * FirestoreCollections#collectionGroups()}), so a new store's collection is exported without
   * touching this class (BAK-1). A managed export of a collection group takes it in every
   * namespace.
   */
  public static final List<String> OMNIY_COLLECTION_GROUPS =
      FirestoreCollections.collectionGroups();

  private static final ObjectMapper JSON = new ObjectMapper();

  private ManagedExport() {}

  /**
   * The export request for one nightly backup: database {@code projects/{projectId}/databases/
   * {databaseId}}, written under {@code {bucketUri}/{backupId}} where the backup id is {@link
   * BackupIds#of BackupIds.of(takenAt)}, so the managed export and the logical one of the same
   * night share a name.
   *
   * @param projectId the Google Cloud project
   * @param databaseId the database, {@code (default)} for the default one
   * @param bucketUri {@code gs://bucket} or {@code gs://bucket/path}, in another region (BAK-1)
   * @param collectionGroups the collection groups to export; empty exports every one
   * @param takenAt when the backup is taken
   * @throws InvalidValueException naming the first argument that is missing or malformed
   */
  public static ManagedExportRequest request(
      String projectId,
      String databaseId,
      String bucketUri,
      List<String> collectionGroups,
      Instant takenAt) {
    if (projectId == null || !projectId.matches("[a-z][a-z0-9-]{4,28}[a-z0-9]")) {
      throw new InvalidValueException("projectId", projectId, "is not a Google Cloud project id");
    }
    if (databaseId == null || !databaseId.matches("\\(default\\)|[a-z][a-z0-9-]{2,62}")) {
      throw new InvalidValueException(
          "databaseId", databaseId, "must be (default) or a Firestore database id");
    }
    if (bucketUri == null || !bucketUri.matches("gs://[a-z0-9][a-z0-9._-]{1,221}(/\\S*)?")) {
      throw new InvalidValueException("bucketUri", bucketUri, "must be gs://bucket[/path]");
    }
    if (collectionGroups == null
        || collectionGroups.stream().anyMatch(g -> g == null || !g.matches("[^/\\s]+"))) {
      throw new InvalidValueException(
          "collectionGroups", collectionGroups, "must be a list of collection ids");
    }
    Require.nonNull(takenAt, "takenAt");
    String base = bucketUri.replaceAll("/+$", "");
    return new ManagedExportRequest(
        "projects/" + projectId + "/databases/" + databaseId,
        base + "/" + BackupIds.of(takenAt),
        collectionGroups);
  }

  /**
   * Sends {@code request} to the Admin API at {@code host} ({@link #FIRESTORE_API} in production)
   * with {@code credentials} (which need {@code datastore.databases.export}); the export itself
   * then runs for minutes in Google's service.
   *
   * @return the name of the long-running operation, to follow with {@code gcloud firestore
   *     operations describe}
   * @throws OmniyException if the API refuses the request or cannot be reached
   */
  public static String start(String host, Credentials credentials, ManagedExportRequest request) {
    URI uri = URI.create(host.replaceAll("/+$", "") + request.path());
    try {
      HttpRequest.Builder http =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(request.jsonBody()));
      for (Map.Entry<String, List<String>> header :
          credentials.getRequestMetadata(uri).entrySet()) {
        header.getValue().forEach(value -> http.header(header.getKey(), value));
      }
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(http.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new OmniyException(
            "the Firestore Admin API answered "
                + response.statusCode()
                + " to the export of "
                + request.database()
                + ": "
                + response.body());
      }
      JsonNode operation = JSON.readTree(response.body());
      if (!operation.path("name").isTextual()) {
        throw new OmniyException(
            "the Firestore Admin API answered no operation: " + response.body());
      }
      return operation.path("name").asText();
    } catch (IOException e) {
      throw new OmniyException("could not reach the Firestore Admin API at " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OmniyException("interrupted while starting the managed export", e);
    }
  }
}
