package app.omniy.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads Omniy's YAML and JSON files into validated values, strictly: unknown keys, duplicate keys,
 * missing required values and wrong types (a fraction where a whole number belongs included) are
 * errors, each reported as an {@link InvalidFileException} with the file, line and field, and a
 * reason in words rather than Java types (ALERT-4). Nothing is half-applied: the caller gets a
 * whole value or an exception.
 *
 * <p>Every file is bounded before it is parsed: at most {@link #MAX_BYTES} bytes, checked from its
 * size before a byte is read and again while it is read; UTF-8 throughout, a bad byte reported with
 * its line, column and offset; and, for YAML, lines of at most {@link #MAX_LINE_BYTES} bytes, which
 * keeps the YAML parser linear in the size of the file.
 */
public final class ConfigFiles {
  /**
   * The largest file read, in bytes: 3 MiB, also the YAML parser's own limit in characters, which
   * it would otherwise check only after the whole file was buffered.
   */
  public static final int MAX_BYTES = 3 * 1024 * 1024;

  /**
   * The longest line of a YAML file, in bytes (16 KiB): far beyond any rule, note or setting, and
   * short enough that the YAML parser's look-ahead stays linear (see {@link #parse}).
   */
  public static final int MAX_LINE_BYTES = 16 * 1024;

  private static final ObjectMapper YAML = strict(YAMLMapper.builder(new YAMLFactory())).build();
  private static final ObjectMapper JSON = strict(JsonMapper.builder()).build();

  private ConfigFiles() {}

  /** Reads a YAML file into {@code type}, a record or other Jackson-mappable class. */
  public static <T> T readYaml(Path file, Class<T> type) {
    return read(YAML, file, type);
  }

  /** Reads a JSON file into {@code type}, a record or other Jackson-mappable class. */
  public static <T> T readJson(Path file, Class<T> type) {
    return read(JSON, file, type);
  }

  /** The strict JSON mapper these files are read with, for formats that need their own. */
  public static ObjectMapper jsonMapper() {
    return JSON.copy();
  }

  /** The strict YAML mapper these files are read with, for callers that parse text directly. */
  public static ObjectMapper yamlMapper() {
    return YAML.copy();
  }

  /**
   * Reads {@code file} into {@code type} with {@code mapper}, for formats that need a mapper of
   * their own (one derived from {@link #yamlMapper()}); errors are reported as by {@link
   * #readYaml}.
   */
  public static <T> T read(ObjectMapper mapper, Path file, Class<T> type) {
    return parse(mapper, file, readBytes(file), type);
  }

  /**
   * Parses {@code content} into {@code type} with {@code mapper} as if it had been read from {@code
   * file} (which names the source in errors and is not opened), for hosts that keep their
   * configuration somewhere other than a file.
   *
   * <p>The content is bounded first: over {@link #MAX_BYTES} bytes, not UTF-8, or (when {@code
   * mapper} reads YAML) with a line over {@link #MAX_LINE_BYTES} bytes, it is refused unparsed.
   *
   * @throws InvalidFileException with the line and field of the first mistake
   */
  public static <T> T parse(ObjectMapper mapper, Path file, byte[] content, Class<T> type) {
    if (content.length == 0) {
      throw new InvalidFileException(file, 0, 0, "", "is empty");
    }
    FileLimits.check(file, content, mapper.getFactory() instanceof YAMLFactory);
    try {
      T value = mapper.readValue(content, type);
      if (value == null) {
        throw new InvalidFileException(file, 1, 1, "", "holds no document");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw FileErrors.describe(mapper, file, content, e);
    } catch (CharConversionException e) {
      // Bytes in no Unicode encoding: there is no line to point at, and "cannot be read" would
      // send the operator to the file system.
      throw FileErrors.notText(file, e);
    } catch (IOException e) {
      throw new InvalidFileException(file, 0, 0, "", "cannot be read: " + e.getMessage());
    }
  }

  /**
   * The bytes of {@code file}, or an {@link InvalidFileException} saying why there are none. A file
   * of more than {@link #MAX_BYTES} bytes is refused from its size, before it is opened; one that
   * grows past the limit while it is read is refused after {@link #MAX_BYTES} + 1 bytes.
   */
  public static byte[] readBytes(Path file) {
    try {
      FileLimits.size(file, Files.size(file));
      try (InputStream in = Files.newInputStream(file)) {
        byte[] content = in.readNBytes(MAX_BYTES + 1);
        if (content.length > MAX_BYTES) {
          throw new InvalidFileException(file, 0, 0, "", FileLimits.overLimit());
        }
        return content;
      }
    } catch (NoSuchFileException e) {
      throw new InvalidFileException(file, 0, 0, "", "no such file");
    } catch (IOException e) {
      throw new InvalidFileException(file, 0, 0, "", "cannot be read: " + e.getMessage());
    }
  }

  private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strict(B builder) {
    return builder
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // A fraction where a whole number belongs is a mistake to report, not to cut off.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  }
}
