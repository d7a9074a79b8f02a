package app.omniy.files;

import java.io.Serial;
import java.nio.file.Path;
import java.util.List;

/**
 * A file was rejected for several reasons at once, so the operator fixes them all in one go
 * (ALERT-4). Each problem is an {@link InvalidFileException}; this exception's own file, line and
 * field are those of the first. The message has one line per problem, {@code FILE:LINE: field:
 * problem}, under a heading line.
 */
public class FileProblemsException extends InvalidFileException {
  @Serial private static final long serialVersionUID = 1L;

  private final List<InvalidFileException> problems;

  /**
   * @param file the rejected file
   * @param problems every problem found, in file order; at least one
   */
  public FileProblemsException(Path file, List<InvalidFileException> problems) {
    super(
        file,
        problems.get(0).line(),
        problems.get(0).column(),
        problems.get(0).field(),
        problems.get(0).reason());
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order. */
  public List<InvalidFileException> problems() {
    return problems;
  }

  @Override
  public String getMessage() {
    StringBuilder text =
        new StringBuilder()
            .append(file())
            .append(": ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems");
    for (InvalidFileException problem : problems) {
      text.append(System.lineSeparator()).append(problem.getMessage());
    }
    return text.toString();
  }
}
