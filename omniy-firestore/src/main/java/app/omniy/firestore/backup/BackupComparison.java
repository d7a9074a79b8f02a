package app.omniy.firestore.backup;

import app.omniy.core.Require;
import app.omniy.firestore.FirestoreStoreOptions;
import app.omniy.firestore.backup.ComparisonReport.Difference;
import app.omniy.firestore.internal.DocumentPages;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.ValueCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Compares a restored copy with its source field by field (BAK-3: the monthly restore test compares
 * the scratch database with the source). Both sides are read in document-id order a page at a time
 * and merged, so memory stays at a page per side however large the data.
 *
 * <p>Values are compared in the backup's typed form, so {@code 1} (integer) and {@code 1.0}
 * (double) differ, and a reference compares by its path (the copy's references point into the
 * copy's database).
 */
public final class BackupComparison {
  /** How many differences a report lists; all are counted. */
  public static final int MAX_LISTED = 100;

  private static final String MISSING = "<missing>";
  private static final int PAGE = 1_000;

  private BackupComparison() {}

  /** Compares every collection of {@code copy}'s namespace with {@code source}'s. */
  public static ComparisonReport compare(FirestoreStoreOptions source, FirestoreStoreOptions copy) {
    Require.nonNull(source, "source");
    Require.nonNull(copy, "copy");
    FirestoreCalls calls = new FirestoreCalls(source.meters());
    TreeSet<String> names = new TreeSet<>();
    FirestoreBackup.collectionPaths(source)
        .forEach(c -> names.add(FirestoreBackup.relativePath(source, c)));
    FirestoreBackup.collectionPaths(copy)
        .forEach(c -> names.add(FirestoreBackup.relativePath(copy, c)));
    Tally tally = new Tally();
    for (String name : names) {
      compareCollection(
          name,
          new DocumentPages(FirestoreBackup.root(source).collection(name), PAGE, calls),
          new DocumentPages(FirestoreBackup.root(copy).collection(name), PAGE, calls),
          tally);
    }
    return new ComparisonReport(tally.documents, tally.count, tally.listed);
  }

  private static void compareCollection(
      String collection, DocumentPages left, DocumentPages right, Tally tally) {
    QueryDocumentSnapshot a = next(left);
    QueryDocumentSnapshot b = next(right);
    while (a != null || b != null) {
      int order = a == null ? 1 : b == null ? -1 : a.getId().compareTo(b.getId());
      if (order < 0) {
        tally.add(new Difference(collection, a.getId(), "", "<document>", MISSING));
        tally.documents++;
        a = next(left);
      } else if (order > 0) {
        tally.add(new Difference(collection, b.getId(), "", MISSING, "<document>"));
        tally.documents++;
        b = next(right);
      } else {
        String id = a.getId();
        compareFields(
            "",
            ValueCodec.encodeFields(a.getData()),
            ValueCodec.encodeFields(b.getData()),
            d -> tally.add(new Difference(collection, id, d.field(), d.source(), d.copy())));
        tally.documents++;
        a = next(left);
        b = next(right);
      }
    }
  }

  /** Compares two typed field maps, descending into maps so a difference names its leaf. */
  private static void compareFields(
      String path, JsonNode left, JsonNode right, Consumer<Difference> out) {
    TreeSet<String> fields = new TreeSet<>();
    left.fieldNames().forEachRemaining(fields::add);
    right.fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      String at = path.isEmpty() ? field : path + "." + field;
      JsonNode l = left.get(field);
      JsonNode r = right.get(field);
      if (l != null && r != null && l.has("mapValue") && r.has("mapValue")) {
        compareFields(
            at, l.path("mapValue").path("fields"), r.path("mapValue").path("fields"), out);
      } else if (l == null || !l.equals(r)) {
        out.accept(new Difference("", "", at, text(l), text(r)));
      }
    }
  }

  private static String text(@Nullable JsonNode value) {
    return value == null ? MISSING : value.toString();
  }

  private static @Nullable QueryDocumentSnapshot next(DocumentPages pages) {
    return pages.hasNext() ? pages.next() : null;
  }

  /** Differences counted, the first ones kept. */
  private static final class Tally {
    long documents;
    long count;
    final List<Difference> listed = new ArrayList<>();

    void add(Difference d) {
      count++;
      if (listed.size() < MAX_LISTED) {
        listed.add(d);
      }
    }
  }
}
