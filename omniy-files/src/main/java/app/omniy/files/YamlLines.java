package app.omniy.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line of every key and value of a YAML or JSON document, by path, so that problems found in
 * its tree can be reported with a line (Jackson's tree keeps none).
 */
public final class YamlLines {
  private final Map<String, Integer> lines = new HashMap<>();

  /** Streams {@code content} once; a syntax error leaves the lines found up to it. */
  public YamlLines(ObjectMapper mapper, byte[] content) {
    try (JsonParser parser = mapper.createParser(content)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        String path = parser.getParsingContext().pathAsPointer().toString();
        lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
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
