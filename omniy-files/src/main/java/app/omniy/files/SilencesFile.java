package app.omniy.files;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.silence.Silence;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The silences file (ALERT-2): a list of {@code silences:}, each matching alerts on {@code id} (the
 * rule id) and any labels, from {@code start} until {@code end}, with who set it ({@code by}) and
 * why ({@code comment}, optional).
 *
 * <pre>{@code
 * silences:
 *   - match: {id: ALERT-C1}
 *     start: 2026-04-01T01:00:00+09:00
 *     end: 2026-04-01T03:00:00+09:00
 *     by: owner
 *     comment: planned database migration
 * }</pre>
 *
 * <p>Read strictly: an unknown key, a missing or empty {@code match}, a matcher without a value, a
 * time without an offset, an end not after its start or a missing {@code by} rejects the whole file
 * with its line and field. The file is bounded as {@link ConfigFiles} bounds YAML. The silences get
 * the ids {@code file-1}, {@code file-2}, … in file order ({@link #toSilences()}).
 *
 * @param silences the silences, in file order
 */
public record SilencesFile(List<Entry> silences) {
  // Optional keys must be allowed to be absent; everything else stays as strict as ConfigFiles.
  private static final ObjectMapper YAML =
      ConfigFiles.yamlMapper()
          .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, false);

  /** The prefix of a file silence's id, before its position in the file (from 1). */
  public static final String ID_PREFIX = "file-";

  /**
   * @throws InvalidValueException naming {@code silences} when missing or holding a null entry
   */
  public SilencesFile {
    if (silences == null) {
      throw new InvalidValueException("silences", null, "is required (use [] for none)");
    }
    for (int i = 0; i < silences.size(); i++) {
      if (silences.get(i) == null) {
        throw new InvalidValueException("silences[" + i + "]", null, "is required");
      }
    }
    silences = List.copyOf(silences);
  }

  /**
   * Reads and validates {@code file}.
   *
   * @throws InvalidFileException with the line and field of the first mistake
   */
  public static SilencesFile read(Path file) {
    return ConfigFiles.read(YAML, file, SilencesFile.class);
  }

  /**
   * Parses and validates {@code content} as if read from {@code file}.
   *
   * @throws InvalidFileException with the line and field of the first mistake
   */
  public static SilencesFile parse(Path file, byte[] content) {
    return ConfigFiles.parse(YAML, file, content, SilencesFile.class);
  }

  /** The silences as values of the core, with the ids {@code file-1}, {@code file-2}, …. */
  public List<Silence> toSilences() {
    List<Silence> out = new ArrayList<>();
    for (int i = 0; i < silences.size(); i++) {
      out.add(silences.get(i).silence(ID_PREFIX + (i + 1)));
    }
    return List.copyOf(out);
  }

  /**
   * One silence as written in the file.
   *
   * @param match the matchers: {@code id} on the rule id, any other name on the label of that name;
   *     at least one
   * @param start an ISO-8601 time with an offset: {@code 2026-04-01T01:00:00+09:00} or {@code …Z}
   * @param end the same, after {@code start}
   * @param by who set the silence
   * @param comment why, or absent
   */
  public record Entry(
      Map<String, String> match, String start, String end, String by, @Nullable String comment) {

    /**
     * @throws InvalidValueException naming the first field that is missing or invalid
     */
    public Entry {
      silence(match, start, end, by, comment, "check");
      match = Map.copyOf(match);
    }

    /** The entry as a core value with {@code id}. */
    public Silence silence(String id) {
      return silence(match, start, end, by, comment, id);
    }

    private static Silence silence(
        @Nullable Map<String, String> match,
        @Nullable String start,
        @Nullable String end,
        @Nullable String by,
        @Nullable String comment,
        String id) {
      if (match == null || match.isEmpty()) {
        throw new InvalidValueException(
            "match", match, "is required: at least one matcher, such as {id: ALERT-C1}");
      }
      for (Map.Entry<String, String> m : match.entrySet()) {
        if (m.getValue() == null || m.getValue().isBlank()) {
          throw new InvalidValueException("match." + m.getKey(), m.getValue(), "is required");
        }
      }
      Instant from = time("start", start);
      Instant to = time("end", end);
      if (!to.isAfter(from)) {
        throw new InvalidValueException("end", end, "must be after start " + start);
      }
      if (by == null || by.isBlank()) {
        throw new InvalidValueException("by", by, "is required: who set the silence");
      }
      return new Silence(id, match, from, to, by.strip(), comment == null ? "" : comment.strip());
    }

    private static Instant time(String field, @Nullable String text) {
      if (text == null || text.isBlank()) {
        throw new InvalidValueException(field, null, "is required");
      }
      try {
        return OffsetDateTime.parse(text.strip()).toInstant();
      } catch (DateTimeException e) {
        throw new InvalidValueException(
            field, text, "must be a time with an offset, such as 2026-04-01T01:00:00+09:00 or …Z");
      }
    }
  }
}
