package app.omniy.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads sample files to replay through alert rules ({@code omniy rules eval}). The format, in
 * {@link #FORMAT}, is CSV without quoting: {@code time,metric,tags,kind,value}.
 */
public final class SampleFiles {
  /** The format, as shown in {@code --help} and the README. */
  public static final String FORMAT =
      """
      CSV, one sample per line: time,metric,tags,kind,value
        time    an ISO-8601 instant, e.g. 2026-03-02T09:00:00Z
        metric  the meter name, e.g. http.server.requests
        tags    name=value pairs separated by ';', or empty
        kind    'value': a measured value (or one event);
                'count': that many new events
        value   a decimal; for 'count' a whole number >= 0
      An optional first line 'time,metric,tags,kind,value' is a header;
      empty lines and lines starting with '#' are ignored. Example:
        2026-03-02T09:00:00Z,http.server.requests,status=503,count,12
        2026-03-02T09:00:30Z,omniy.api.latency,,value,2.4""";

  private static final String HEADER = "time,metric,tags,kind,value";

  private SampleFiles() {}

  /**
   * The samples of {@code file}, sorted by time (lines with equal times keep their order).
   *
   * @throws FileProblemsException with every bad line at once
   */
  public static List<Sample> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidFileException(file, 0, 0, "", "no such file");
    } catch (IOException e) {
      throw new InvalidFileException(file, 0, 0, "", "cannot be read: " + e.getMessage());
    }
    Problems problems = new Problems(file);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.equals(HEADER))) {
        continue;
      }
      Sample sample = parse(line, i + 1, problems);
      if (sample != null) {
        samples.add(sample);
      }
    }
    problems.throwIfAny();
    samples.sort(Comparator.comparing(Sample::at));
    return samples;
  }

  private static Sample parse(String line, int number, Problems problems) {
    String[] cells = line.split(",", -1);
    if (cells.length != 5) {
      problems.add(number, "", "has " + cells.length + " fields, expected 5: " + HEADER);
      return null;
    }
    int before = problems.size();
    Instant at = null;
    try {
      at = Instant.parse(cells[0].strip());
    } catch (DateTimeParseException e) {
      problems.add(
          number, "time", "'" + cells[0] + "' is not an instant such as 2026-03-02T09:00:00Z");
    }
    String metric = cells[1].strip();
    if (metric.isEmpty()) {
      problems.add(number, "metric", "is required");
    }
    Map<String, String> tags = tags(cells[2].strip(), number, problems);
    Sample.Kind kind = null;
    switch (cells[3].strip()) {
      case "value" -> kind = Sample.Kind.VALUE;
      case "count" -> kind = Sample.Kind.COUNT;
      default -> problems.add(number, "kind", "'" + cells[3] + "' must be 'value' or 'count'");
    }
    double value = 0;
    try {
      value = Double.parseDouble(cells[4].strip());
      if (!Double.isFinite(value)
          || (kind == Sample.Kind.COUNT && (value < 0 || value != Math.rint(value)))) {
        problems.add(number, "value", "'" + cells[4] + "' must be a whole number >= 0 for 'count'");
      }
    } catch (NumberFormatException e) {
      problems.add(number, "value", "'" + cells[4] + "' is not a number");
    }
    if (problems.size() > before || at == null || kind == null) {
      return null;
    }
    return new Sample(at, metric, tags, kind, value);
  }

  private static Map<String, String> tags(String text, int number, Problems problems) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return tags;
    }
    for (String pair : text.split(";")) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        problems.add(number, "tags", "'" + pair + "' must be name=value");
      } else {
        tags.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return tags;
  }
}
