package app.omniy.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The line of every key and value of a YAML or JSON document, by path, so that problems found in
 * its tree can be reported with a line (Jackson's tree keeps none), and the text of every
 * floating-point number as written: the tree holds it as a {@code double}, in which {@code 1e999}
 * is {@code Infinity} and {@code 1e-999} is {@code 0}.
 */
public final class YamlLines {
  private final Map<String, Integer> lines = new HashMap<>();
  private final Map<String, String> written = new HashMap<>();

  /** Streams {@code content} once; a syntax error leaves the lines found up to it. */
  public YamlLines(ObjectMapper mapper, byte[] content) {
    try (JsonParser parser = mapper.createParser(content)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        String path = parser.getParsingContext().pathAsPointer().toString();
        lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
          written.putIfAbsent(path, parser.getText());
        }
      }
    } catch (IOException unreadable) {
      // The tree reader reports the syntax error itself.
    }
  }

  /** The line of {@code path}, or of its nearest ancestor found; 0 if none. */
  public int line(List<String> path) {
    for (int n = path.size(); n >= 0; n--) {
      Integer line = lines.get(pointer(path.subList(0, n)));
      if (line != null && line > 0) {
        return line;
      }
    }
    return 0;
  }

  /**
   * The floating-point number at {@code path} as the file wrote it ({@code 1e-999}, {@code 1.50}),
   * or {@code null} when there is no floating-point number there.
   */
  public @Nullable String writtenNumber(List<String> path) {
    return written.get(pointer(path));
  }

  private static String pointer(List<String> path) {
    // An array index and a property of the same digits print as the same pointer ("/3"), so
    // every segment is appended as a property: no number parsing, which a key of 100 digits (found
    // by AlertRuleFileFuzzTest) overflowed.
    JsonPointer pointer = JsonPointer.empty();
    for (String segment : path) {
      pointer = pointer.appendProperty(segment);
    }
    return pointer.toString();
  }
}
