package app.omniy.firestore.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * A Firestore Admin API {@code exportDocuments} request (the REST form of {@code
 * ExportDocumentsRequest}), built by {@link ManagedExport#request}.
 *
 * @param database {@code projects/{project}/databases/{database}}
 * @param outputUriPrefix where the export is written, {@code gs://bucket/path/{backupId}}
 * @param collectionIds the collection groups exported; empty means all
 */
public record ManagedExportRequest(
    String database, String outputUriPrefix, List<String> collectionIds) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies {@code collectionIds}. */
  public ManagedExportRequest {
    collectionIds = List.copyOf(collectionIds);
  }

  /** The path to POST to, below the API's host: {@code /v1/{database}:exportDocuments}. */
  public String path() {
    return "/v1/" + database + ":exportDocuments";
  }

  /** The request body, as the Admin API's REST reference gives it. */
  public String jsonBody() {
    ObjectNode body = JSON.createObjectNode();
    body.put("outputUriPrefix", outputUriPrefix);
    collectionIds.forEach(body.putArray("collectionIds")::add);
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
