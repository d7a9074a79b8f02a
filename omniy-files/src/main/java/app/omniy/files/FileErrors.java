package app.omniy.files;

import app.omniy.core.InvalidValueException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.CharConversionException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns Jackson's exceptions into the file, line, field and reason an operator needs.
 *
 * <p>Jackson buffers a record's properties before calling its constructor, so the location it
 * reports for a rejected or unknown property is often the end of the object. The line is therefore
 * looked up again: the file is streamed once more and the line of the field's path (or of its
 * nearest ancestor, for a missing field) is taken.
 */
public final class FileErrors {
  private FileErrors() {}

  /** The reason for bytes in no Unicode encoding, followed by the parser's detail. */
  static final String NOT_TEXT = "is not text in UTF-8, UTF-16 or UTF-32: ";

  public static InvalidFileException describe(
      ObjectMapper mapper, Path file, byte[] content, JsonProcessingException e) {
    CharConversionException notText = notText(e);
    if (notText != null) {
      // The YAML parser wraps it in a mapping error whose message is the Java exception's name.
      return notText(file, notText);
    }
    String field = "";
    JsonPointer pointer = JsonPointer.empty();
    if (e instanceof JsonMappingException mapping) {
      field = dotted(mapping.getPath());
      pointer = pointer(mapping.getPath());
    }
    InvalidValueException rejected = rejectedValue(e);
    String reason;
    if (rejected != null) {
      field = field.isEmpty() ? rejected.field() : field + "." + rejected.field();
      pointer = pointer.appendProperty(rejected.field());
      reason =
          rejected.value() == null
              ? rejected.reason()
              : "'" + rejected.value() + "' " + rejected.reason();
    } else if (e instanceof UnrecognizedPropertyException unknown) {
      reason = "unknown key '" + InvalidValueException.shown(unknown.getPropertyName()) + "'";
    } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      reason = expected(mismatch);
    } else {
      reason = e.getOriginalMessage();
    }
    StreamReadException syntax = syntaxError(e);
    JsonLocation at;
    if (syntax != null) {
      reason = syntaxReason(syntax.getOriginalMessage());
      at = syntaxLocation(syntax);
      if (field.isEmpty()) {
        field = syntaxField(syntax);
      }
    } else {
      at = pointer.matches() ? e.getLocation() : locate(mapper, content, pointer);
    }
    if (at == null) {
      at = e.getLocation();
    }
    int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
    int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
    return new InvalidFileException(file, line, column, field, reason);
  }

  /**
   * What a value of the wrong type should have been, in words (ALERT-4): Jackson's own message
   * names Java types ({@code java.lang.Integer}), which mean nothing to whoever edits the file.
   */
  private static String expected(MismatchedInputException e) {
    String expected = kind(e.getTargetType());
    if (e instanceof InvalidFormatException format && format.getValue() != null) {
      return "'" + format.getValue() + "' " + expected;
    }
    return expected;
  }

  private static String kind(Class<?> type) {
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class
        || type == Byte.class
        || type == byte.class
        || type == BigInteger.class) {
      return "must be a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (CharSequence.class.isAssignableFrom(type)
        || type == Character.class
        || type == char.class) {
      return "must be text";
    }
    if (type.isEnum()) {
      return "must be one of "
          + Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "must be a list";
    }
    return "must be a mapping of keys to values";
  }

  /**
   * The dotted path of the value the parser was reading when the syntax broke; empty at the top.
   */
  private static String syntaxField(StreamReadException e) {
    JsonParser parser = e.getProcessor();
    if (parser == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = parser.getParsingContext();
        c != null && !c.inRoot();
        c = c.getParent()) {
      if (c.inArray()) {
        parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        parts.add(c.getCurrentName());
      }
    }
    Collections.reverse(parts);
    StringBuilder text = new StringBuilder();
    for (String part : parts) {
      if (!part.startsWith("[") && text.length() > 0) {
        text.append('.');
      }
      text.append(part);
    }
    return text.toString();
  }

  /** Where the parser stood: the token it could not accept. */
  private static @Nullable JsonLocation syntaxLocation(StreamReadException e) {
    JsonParser parser = e.getProcessor();
    return parser != null ? parser.currentTokenLocation() : e.getLocation();
  }

  /** The location of {@code target}, or of its deepest ancestor present in the file. */
  private static @Nullable JsonLocation locate(
      ObjectMapper mapper, byte[] content, JsonPointer target) {
    JsonLocation best = null;
    int bestDepth = -1;
    try (JsonParser parser = mapper.createParser(content)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        JsonPointer here = parser.getParsingContext().pathAsPointer();
        int depth = commonDepth(here, target);
        if (depth == depth(here) && depth > bestDepth) {
          best = parser.currentTokenLocation();
          bestDepth = depth;
          if (depth == depth(target)) {
            return best;
          }
        }
      }
    } catch (IOException unreadable) {
      // The syntax error itself is reported from Jackson's own location.
    }
    return best;
  }

  private static int depth(JsonPointer pointer) {
    int depth = 0;
    for (JsonPointer p = pointer; !p.matches(); p = p.tail()) {
      depth++;
    }
    return depth;
  }

  private static int commonDepth(JsonPointer a, JsonPointer b) {
    int depth = 0;
    for (JsonPointer x = a, y = b; !x.matches() && !y.matches(); x = x.tail(), y = y.tail()) {
      if (!x.getMatchingProperty().equals(y.getMatchingProperty())) {
        break;
      }
      depth++;
    }
    return depth;
  }

  private static JsonPointer pointer(List<JsonMappingException.Reference> path) {
    JsonPointer pointer = JsonPointer.empty();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        pointer = pointer.appendProperty(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        pointer = pointer.appendIndex(ref.getIndex());
      }
    }
    return pointer;
  }

  private static String dotted(List<JsonMappingException.Reference> path) {
    StringBuilder text = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        text.append('[').append(ref.getIndex()).append(']');
      }
    }
    return text.toString();
  }

  private static final Pattern YAML_EVENT =
      Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+)Event\\([^>]*\\)>");

  /**
   * A parser's syntax message in the file's terms: its first line only (the YAML parser goes on
   * with {@code in 'reader', line 3, column 27:} and the source line, which the file, line and
   * column already say), and the YAML parser's event classes named as what they are.
   */
  private static String syntaxReason(@Nullable String original) {
    if (original == null || original.isBlank()) {
      return "is not valid here";
    }
    String first = original.strip().lines().findFirst().orElse("").strip();
    if (first.startsWith("Expected a field name")) {
      return "a key must be plain text, not a mapping or a list";
    }
    Matcher event = YAML_EVENT.matcher(first);
    StringBuilder text = new StringBuilder();
    while (event.find()) {
      String what =
          switch (event.group(1)) {
            case "MappingStart" -> "a mapping";
            case "SequenceStart" -> "a list";
            case "Scalar" -> "a value";
            case "Alias" -> "an alias";
            default -> "something else";
          };
      event.appendReplacement(text, what);
    }
    event.appendTail(text);
    return text.toString();
  }

  /** Bytes in no Unicode encoding: the whole file is refused, there is no line to point at. */
  static InvalidFileException notText(Path file, CharConversionException e) {
    return new InvalidFileException(file, 0, 0, "", NOT_TEXT + e.getMessage());
  }

  private static @Nullable CharConversionException notText(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharConversionException notText) {
        return notText;
      }
    }
    return null;
  }

  /** A syntax error (malformed text, a duplicate key), possibly wrapped by a mapping error. */
  private static @Nullable StreamReadException syntaxError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException syntax) {
        return syntax;
      }
    }
    return null;
  }

  private static @Nullable InvalidValueException rejectedValue(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidValueException invalid) {
        return invalid;
      }
    }
    return null;
  }
}
