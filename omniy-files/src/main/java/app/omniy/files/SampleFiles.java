package app.omniy.files;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
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
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads sample files to replay through alert rules ({@code omniy rules eval}). The format, in
 * {@link #FORMAT}, is CSV without quoting: {@code time,metric,tags,kind,value}.
 *
 * <p>Files are read as a stream, one line at a time, so memory stays fixed whatever their size:
 * {@link #check} reads a whole file and reports every bad line, {@link #forEach} then hands its
 * samples over one by one. Only {@link #read} keeps them all, to sort them.
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

  /** Problems reported for one file at most; reading stops there. */
  public static final int MAX_PROBLEMS = 100;

  /** The longest line read, in characters; a longer line is a problem, not a sample. */
  public static final int MAX_LINE_LENGTH = 4_096;

  /** The earliest time a sample may have. */
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  /** The latest time a sample may have: far enough from {@link Instant#MAX} to step past it. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /** Longest piece of a bad line quoted in a problem. */
  private static final int SHOWN = 60;

  private static final String HEADER = "time,metric,tags,kind,value";

  private SampleFiles() {}

  /**
   * What a whole sample file holds, from {@link #check}.
   *
   * @param samples how many samples
   * @param first the earliest sample's time, or null when there is none
   * @param last the latest sample's time, or null when there is none
   * @param inTimeOrder whether each sample's time is at or after the one before it, so the file can
   *     be replayed as it is read
   */
  public record Summary(
      long samples, @Nullable Instant first, @Nullable Instant last, boolean inTimeOrder) {}

  /**
   * Checks every line of {@code file}, reading it as a stream: memory stays fixed whatever its
   * size.
   *
   * @throws FileProblemsException with every bad line at once (at most {@link #MAX_PROBLEMS})
   */
  public static Summary check(Path file) {
    Problems problems = new Problems(file);
    Tally tally = new Tally();
    scan(file, problems, false, tally);
    problems.throwIfAny();
    return new Summary(tally.samples, tally.first, tally.last, tally.inTimeOrder);
  }

  /**
   * Hands each sample of {@code file} to {@code action} in file order as the file is read, one line
   * at a time. Check the file first: a bad line stops the reading.
   *
   * @throws FileProblemsException at the first bad line, with its problems
   */
  public static void forEach(Path file, Consumer<? super Sample> action) {
    Problems problems = new Problems(file);
    scan(file, problems, true, action);
    problems.throwIfAny();
  }

  /**
   * The samples of {@code file}, sorted by time (lines with equal times keep their order). This
   * holds them all in memory; for a large file, {@link #check} it and replay it with {@link
   * #forEach}.
   *
   * @throws FileProblemsException with every bad line at once
   */
  public static List<Sample> read(Path file) {
    Problems problems = new Problems(file);
    List<Sample> samples = new ArrayList<>();
    scan(file, problems, false, samples::add);
    problems.throwIfAny();
    samples.sort(Comparator.comparing(Sample::at));
    return samples;
  }

  /**
   * Reads {@code file} line by line, giving each good sample to {@code action} and each problem to
   * {@code problems}; stops after the first bad line when {@code stopAtProblem}, else after {@link
   * #MAX_PROBLEMS}.
   */
  private static void scan(
      Path file, Problems problems, boolean stopAtProblem, Consumer<? super Sample> action) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Lines lines = new Lines(reader);
      for (String line = lines.next(); line != null; line = lines.next()) {
        int number = lines.number();
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // a byte order mark, as spreadsheets write
        }
        if (lines.cut()) {
          problems.add(number, "", "is longer than " + MAX_LINE_LENGTH + " characters");
        } else {
          line = line.strip();
          if (line.isEmpty() || line.startsWith("#") || (number == 1 && line.equals(HEADER))) {
            continue;
          }
          Sample sample = parse(line, number, problems);
          if (sample != null) {
            action.accept(sample);
          }
        }
        if (!problems.isEmpty() && stopAtProblem) {
          return;
        }
        if (problems.size() >= MAX_PROBLEMS) {
          problems.add(number, "", "stopped after " + MAX_PROBLEMS + " problems; fix these first");
          return;
        }
      }
    } catch (NoSuchFileException e) {
      throw new InvalidFileException(file, 0, 0, "", "no such file");
    } catch (CharacterCodingException e) {
      // The reader decodes ahead of the lines handed out, so the line is not known.
      throw new InvalidFileException(file, 0, 0, "", "is not UTF-8 text");
    } catch (IOException e) {
      throw new InvalidFileException(file, 0, 0, "", "cannot be read: " + e.getMessage());
    }
  }

  private static @Nullable Sample parse(String line, int number, Problems problems) {
    String[] cells = line.split(",", -1);
    if (cells.length != 5) {
      problems.add(number, "", "has " + cells.length + " fields, expected 5: " + HEADER);
      return null;
    }
    int before = problems.size();
    Instant at = null;
    try {
      at = Instant.parse(cells[0].strip());
      if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
        problems.add(number, "time", "'" + shown(cells[0]) + "' must be from 1970 to 9999");
      }
    } catch (DateTimeParseException e) {
      problems.add(
          number,
          "time",
          "'" + shown(cells[0]) + "' is not an instant such as 2026-03-02T09:00:00Z");
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
      default ->
          problems.add(number, "kind", "'" + shown(cells[3]) + "' must be 'value' or 'count'");
    }
    double value = 0;
    try {
      value = Double.parseDouble(cells[4].strip());
      if (!Double.isFinite(value)
          || (kind == Sample.Kind.COUNT
              && (value < 0 || value != Math.rint(value) || value > Sample.MAX_COUNT))) {
        problems.add(
            number, "value", "'" + shown(cells[4]) + "' must be a whole number >= 0 for 'count'");
      }
    } catch (NumberFormatException e) {
      problems.add(number, "value", "'" + shown(cells[4]) + "' is not a number");
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
        problems.add(number, "tags", "'" + shown(pair) + "' must be name=value");
      } else {
        tags.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return tags;
  }

  /** A cell as quoted in a problem: a long one is cut, so a problem stays one readable line. */
  private static String shown(String cell) {
    return cell.length() <= SHOWN ? cell : cell.substring(0, SHOWN - 3) + "...";
  }

  /** Counts the samples of a file and notes their earliest and latest time and their order. */
  private static final class Tally implements Consumer<Sample> {
    private long samples;
    private @Nullable Instant first;
    private @Nullable Instant last;
    private @Nullable Instant previous;
    private boolean inTimeOrder = true;

    @Override
    public void accept(Sample sample) {
      Instant at = sample.at();
      samples++;
      if (previous != null && at.isBefore(previous)) {
        inTimeOrder = false;
      }
      previous = at;
      if (first == null || at.isBefore(first)) {
        first = at;
      }
      if (last == null || at.isAfter(last)) {
        last = at;
      }
    }
  }

  /**
   * The lines of a reader, ended by LF, CR LF or CR as {@link java.io.BufferedReader#readLine} ends
   * them, each cut at {@link #MAX_LINE_LENGTH} so a file without line breaks cannot fill the heap.
   */
  private static final class Lines {
    private final Reader reader;
    private final char[] buffer = new char[8_192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private int number;
    private boolean cut;

    Lines(Reader reader) {
      this.reader = reader;
    }

    /** The next line without its line break, or null at the end. */
    @Nullable String next() throws IOException {
      line.setLength(0);
      cut = false;
      int c = read();
      if (c < 0) {
        return null;
      }
      while (c >= 0 && c != '\n' && c != '\r') {
        if (line.length() < MAX_LINE_LENGTH) {
          line.append((char) c);
        } else {
          cut = true;
        }
        c = read();
      }
      if (c == '\r' && peek() == '\n') {
        read();
      }
      number++;
      return line.toString();
    }

    /** The 1-based number of the line last returned. */
    int number() {
      return number;
    }

    /** Whether the line last returned was longer than {@link #MAX_LINE_LENGTH} and cut. */
    boolean cut() {
      return cut;
    }

    private int read() throws IOException {
      return fill() ? buffer[position++] : -1;
    }

    private int peek() throws IOException {
      return fill() ? buffer[position] : -1;
    }

    private boolean fill() throws IOException {
      while (position == limit) {
        int n = reader.read(buffer, 0, buffer.length);
        if (n < 0) {
          return false;
        }
        position = 0;
        limit = n;
      }
      return true;
    }
  }
}
