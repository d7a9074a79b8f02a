package app.omniy.ops.report;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.ops.spi.ReportSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Reports as UTF-8 files in one directory, {@code {directory}/{name}}. Each is written to a
 * temporary file and moved into place, so a reader never sees half a report.
 */
public final class DirectoryReportSink implements ReportSink {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

  private final Path directory;

  /**
   * Reports in {@code directory}, created when the first report is written.
   *
   * @throws InvalidValueException if {@code directory} is missing
   */
  public DirectoryReportSink(Path directory) {
    Require.nonNull(directory, "directory");
    this.directory = directory;
  }

  /** Where a report named {@code name} is written. */
  public Path path(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidValueException(
          "name", name, "must be 1 to 200 letters, digits, '.', '_' or '-', not starting with '.'");
    }
    return directory.resolve(name);
  }

  /**
   * @throws InvalidValueException if {@code name} is not a plain file name
   * @throws UncheckedIOException if the file cannot be written
   */
  @Override
  public void write(String name, String content) {
    Path target = path(name);
    Require.nonNull(content, "content");
    try {
      Files.createDirectories(directory);
      Path temp = Files.createTempFile(directory, "." + name, ".tmp");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write report " + target, e);
    }
  }
}
