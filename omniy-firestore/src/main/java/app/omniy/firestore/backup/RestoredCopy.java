package app.omniy.firestore.backup;

import app.omniy.core.backup.BackupVerificationException;
import app.omniy.core.backup.spi.BackupTarget;
import app.omniy.firestore.FirestoreStoreOptions;
import app.omniy.firestore.backup.BackupManifest.BackupFile;
import app.omniy.firestore.internal.DocumentPages;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.ValueCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Compares a restored copy with the backup it came from (BAK-3), document by document: every
 * document of the backup's files must be in the copy with the same typed fields, and the copy must
 * hold nothing else. The backup's documents are held in memory, as the restore held them.
 */
final class RestoredCopy {
  /** How many differences are listed; all are counted. */
  static final int MAX_LISTED = 20;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 1_000;

  private final BackupTarget target;
  private final BackupManifest manifest;
  private final FirestoreStoreOptions copy;

  /** The differences found: all counted, the first {@link #MAX_LISTED} listed. */
  record Result(long count, List<String> listed) {}

  RestoredCopy(BackupTarget target, BackupManifest manifest, FirestoreStoreOptions copy) {
    this.target = target;
    this.manifest = manifest;
    this.copy = copy;
  }

  Result compare() {
    Map<String, Map<String, JsonNode>> expected = expected();
    TreeSet<String> collections = new TreeSet<>(expected.keySet());
    FirestoreBackup.collectionPaths(copy)
        .forEach(c -> collections.add(FirestoreBackup.relativePath(copy, c)));
    FirestoreCalls calls = new FirestoreCalls(copy.meters());
    List<String> listed = new ArrayList<>();
    long count = 0;
    for (String name : collections) {
      Map<String, JsonNode> left = new HashMap<>(expected.getOrDefault(name, Map.of()));
      CollectionReference collection = FirestoreBackup.root(copy).collection(name);
      DocumentPages pages = new DocumentPages(collection, PAGE, calls);
      while (pages.hasNext()) {
        QueryDocumentSnapshot doc = pages.next();
        JsonNode want = left.remove(doc.getId());
        String problem = problem(want, ValueCodec.encodeFields(doc.getData()));
        if (problem != null) {
          count++;
          add(listed, name + "/" + doc.getId() + ": " + problem);
        }
      }
      for (String missing : new TreeSet<>(left.keySet())) {
        count++;
        add(listed, name + "/" + missing + ": in the backup, missing in the copy");
      }
    }
    return new Result(count, listed);
  }

  private static void add(List<String> listed, String line) {
    if (listed.size() < MAX_LISTED) {
      listed.add(line);
    }
  }

  /** What differs between the backup's fields and the copy's, or null when nothing does. */
  static @Nullable String problem(@Nullable JsonNode want, JsonNode got) {
    if (want == null) {
      return "in the copy, not in the backup";
    }
    TreeSet<String> fields = new TreeSet<>();
    want.fieldNames().forEachRemaining(fields::add);
    got.fieldNames().forEachRemaining(fields::add);
    List<String> differing = new ArrayList<>();
    for (String field : fields) {
      JsonNode w = want.get(field);
      if (w == null || !w.equals(got.get(field))) {
        differing.add(field);
      }
    }
    return differing.isEmpty() ? null : "field(s) " + String.join(", ", differing) + " differ";
  }

  /** The backup's documents by collection and id, typed as the files hold them. */
  private Map<String, Map<String, JsonNode>> expected() {
    Map<String, Map<String, JsonNode>> byCollection = new TreeMap<>();
    for (BackupFile file : manifest.files()) {
      byte[] content =
          target
              .read(manifest.backupId(), file.name())
              .orElseThrow(
                  () ->
                      new BackupVerificationException(
                          manifest.backupId(), file.name(), "is missing"));
      Map<String, JsonNode> docs =
          byCollection.computeIfAbsent(file.collection(), c -> new HashMap<>());
      String text = new String(content, StandardCharsets.UTF_8);
      for (String line : text.isEmpty() ? new String[0] : text.split("\n")) {
        try {
          JsonNode doc = JSON.readTree(line);
          docs.put(doc.path("id").asText(), doc.path("fields"));
        } catch (IOException e) {
          throw new BackupVerificationException(
              manifest.backupId(), file.name(), "has a line that is not JSON");
        }
      }
    }
    return byCollection;
  }
}
