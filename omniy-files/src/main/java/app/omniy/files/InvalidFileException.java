package app.omniy.files;

import app.omniy.core.OmniyException;
import java.io.Serial;
import java.nio.file.Path;

/**
 * A configuration or data file was rejected. Names the file, the line and column (1-based; 0 when
 * unknown) and the field, so the operator can go straight to the mistake. Whoever loads the file
 * keeps what it had before: a rejected file never replaces a good one.
 */
public class InvalidFileException extends OmniyException {
  @Serial private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final int column;
  private final String field;
  private final String reason;

  public InvalidFileException(Path file, int line, int column, String field, String reason) {
    super(describe(file, line, column, field, reason));
    this.file = file;
    this.line = line;
    this.column = column;
    this.field = field;
    this.reason = reason;
  }

  public Path file() {
    return file;
  }

  /** The 1-based line of the mistake, or 0 when the file could not be read at all. */
  public int line() {
    return line;
  }

  /** The 1-based column of the mistake, or 0 when unknown. */
  public int column() {
    return column;
  }

  /** The field's path in the file, such as {@code periods[2].end}; empty for the whole file. */
  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }

  private static String describe(Path file, int line, int column, String field, String reason) {
    StringBuilder text = new StringBuilder().append(file);
    if (line > 0) {
      text.append(':').append(line);
      if (column > 0) {
        text.append(':').append(column);
      }
    }
    if (!field.isEmpty()) {
      text.append(": ").append(field);
    }
    return text.append(": ").append(reason).toString();
  }
}
