package app.omniy.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one file, then throws them together, sorted by line. */
public final class Problems {
  private final Path file;
  private final List<InvalidFileException> found = new ArrayList<>();

  public Problems(Path file) {
    this.file = file;
  }

  /** A problem at {@code line} (1-based, 0 when unknown) with the field's dotted path. */
  public void add(int line, String field, String reason) {
    found.add(new InvalidFileException(file, line, 0, field, reason));
  }

  /** How many problems were found so far. */
  public int size() {
    return found.size();
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** Throws every problem found, if any. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      List<InvalidFileException> sorted = new ArrayList<>(found);
      sorted.sort(Comparator.comparingInt(InvalidFileException::line));
      throw new FileProblemsException(file, sorted);
    }
  }
}
