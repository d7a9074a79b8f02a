package app.omniy.firestore.backup;

import app.omniy.core.backup.BackupVerificationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backup holds, written last as {@value #FILE_NAME}: per NDJSON file its collection,
 * document count, size and SHA-256 (BAK-1). Verification and restore check every file against it.
 *
 * @param backupId the backup's id ({@link app.omniy.core.backup.BackupIds})
 * @param takenAt when the export started
 * @param namespace the Omniy namespace that was exported
 * @param files the data files, in the order they were written
 */
public record BackupManifest(
    String backupId, Instant takenAt, String namespace, List<BackupFile> files) {
  /** The manifest's file name within a backup. */
  public static final String FILE_NAME = "manifest.json";

  /** The format written; a restore refuses any other. */
  public static final String FORMAT = "omniy-firestore-ndjson/1";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies {@code files}. */
  public BackupManifest {
    files = List.copyOf(files);
  }

  /**
   * One NDJSON file: one document per line, {@code {"id": ..., "fields": {...}}}, the fields in the
   * typed form of Firestore's REST API.
   *
   * @param name the file's name within the backup
   * @param collection the collection (under {@code omniy/{namespace}}) its documents belong to: its
   *     id, or {@code parent/documentId/id} for a nested one (a maintenance job's runs)
   * @param documents how many documents (lines) it holds
   * @param bytes its size
   * @param sha256 SHA-256 of its bytes, lowercase hex
   */
  public record BackupFile(
      String name, String collection, long documents, long bytes, String sha256) {}

  /** The documents in all files. */
  public long documents() {
    return files.stream().mapToLong(BackupFile::documents).sum();
  }

  /** The manifest as JSON. */
  public byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("backupId", backupId);
    root.put("takenAt", takenAt.toString());
    root.put("namespace", namespace);
    ArrayNode list = root.putArray("files");
    for (BackupFile f : files) {
      list.addObject()
          .put("name", f.name())
          .put("collection", f.collection())
          .put("documents", f.documents())
          .put("bytes", f.bytes())
          .put("sha256", f.sha256());
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /**
   * The manifest of backup {@code backupId} from its JSON.
   *
   * @throws BackupVerificationException if it is not a manifest of this format and backup
   */
  public static BackupManifest fromJson(String backupId, byte[] json) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !FORMAT.equals(root.path("format").asText())) {
        throw invalid(backupId, "has no format " + FORMAT);
      }
      if (!backupId.equals(root.path("backupId").asText())) {
        throw invalid(backupId, "belongs to backup " + root.path("backupId").asText());
      }
      List<BackupFile> files = new ArrayList<>();
      for (JsonNode f : root.path("files")) {
        files.add(
            new BackupFile(
                text(backupId, f, "name"),
                text(backupId, f, "collection"),
                f.path("documents").asLong(-1),
                f.path("bytes").asLong(-1),
                text(backupId, f, "sha256")));
      }
      return new BackupManifest(
          backupId,
          Instant.parse(text(backupId, root, "takenAt")),
          text(backupId, root, "namespace"),
          files);
    } catch (IOException | RuntimeException e) {
      if (e instanceof BackupVerificationException bve) {
        throw bve;
      }
      throw invalid(backupId, "is not a readable manifest: " + e.getMessage());
    }
  }

  private static String text(String backupId, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw invalid(backupId, "has no text field '" + field + "'");
    }
    return value.asText();
  }

  private static BackupVerificationException invalid(String backupId, String problem) {
    return new BackupVerificationException(backupId, FILE_NAME, problem);
  }
}
