package app.omniy.firestore.internal;

import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Every document of a collection in document-id order, read a page at a time, so exporting or
 * comparing a large collection never holds more than one page and no single query runs long.
 */
public final class DocumentPages implements Iterator<QueryDocumentSnapshot> {
  private final CollectionReference collection;
  private final int pageSize;
  private final FirestoreCalls calls;
  private List<QueryDocumentSnapshot> page = List.of();
  private int next;
  private @Nullable QueryDocumentSnapshot last;
  private boolean exhausted;

  /** The documents of {@code collection}, {@code pageSize} per query. */
  public DocumentPages(CollectionReference collection, int pageSize, FirestoreCalls calls) {
    this.collection = collection;
    this.pageSize = pageSize;
    this.calls = calls;
  }

  @Override
  public boolean hasNext() {
    if (next < page.size()) {
      return true;
    }
    if (exhausted) {
      return false;
    }
    Query query = collection.orderBy(FieldPath.documentId()).limit(pageSize);
    if (last != null) {
      query = query.startAfter(last);
    }
    page = calls.get(query.get()).getDocuments();
    next = 0;
    exhausted = page.size() < pageSize;
    return !page.isEmpty();
  }

  @Override
  public QueryDocumentSnapshot next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    last = page.get(next++);
    return last;
  }
}
