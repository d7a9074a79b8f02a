package app.omniy.firestore.backup;

import java.util.List;

/**
 * How a restored copy compares with its source, field by field (BAK-3).
 *
 * @param documentsCompared distinct documents (collection and id) found on either side
 * @param differenceCount every difference found
 * @param differences the first {@link BackupComparison#MAX_LISTED} differences, in collection and
 *     document-id order
 */
public record ComparisonReport(
    long documentsCompared, long differenceCount, List<Difference> differences) {
  /** Copies {@code differences}. */
  public ComparisonReport {
    differences = List.copyOf(differences);
  }

  /** Whether the copy holds exactly the source's documents with exactly the same fields. */
  public boolean identical() {
    return differenceCount == 0;
  }

  /**
   * One difference.
   *
   * @param collection the collection under {@code omniy/{namespace}}
   * @param documentId the document
   * @param field the field path ({@code post.caption}); empty when the whole document is missing on
   *     one side
   * @param source the value in the source, in the backup's typed JSON form; {@code <missing>} if
   *     absent
   * @param copy the value in the copy, likewise
   */
  public record Difference(
      String collection, String documentId, String field, String source, String copy) {}
}
