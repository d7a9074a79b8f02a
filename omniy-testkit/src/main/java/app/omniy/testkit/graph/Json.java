package app.omniy.testkit.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few JSON shapes the fake answers with, written without a JSON library so that the test kit
 * adds no dependency to the host's tests.
 */
final class Json {
  private Json() {}

  static Object object() {
    return new Object();
  }

  static final class Object {
    private final Map<String, java.lang.Object> fields = new LinkedHashMap<>();

    Object put(String name, java.lang.Object value) {
      fields.put(name, value);
      return this;
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("{");
      fields.forEach(
          (name, value) -> {
            if (out.length() > 1) {
              out.append(',');
            }
            out.append(quote(name)).append(':').append(write(value));
          });
      return out.append('}').toString();
    }
  }

  static String array(List<?> values) {
    List<String> items = new ArrayList<>();
    values.forEach(v -> items.add(write(v)));
    return "[" + String.join(",", items) + "]";
  }

  private static String write(java.lang.Object value) {
    if (value instanceof String text) {
      return quote(text);
    }
    if (value instanceof List<?> list) {
      return array(list);
    }
    return String.valueOf(value);
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
