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
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads Omniy's YAML and JSON files into validated values, strictly: unknown keys, duplicate keys,
 * missing required values and wrong types (a fraction where a whole number belongs included) are
 * errors, each reported as an {@link InvalidFileException} with the file, line and field, and a
 * reason in words rather than Java types (ALERT-4). Nothing is half-applied: the caller gets a
 * whole value or an exception.
 */
public final class ConfigFiles {
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
   * @throws InvalidFileException with the line and field of the first mistake
   */
  public static <T> T parse(ObjectMapper mapper, Path file, byte[] content, Class<T> type) {
    if (content.length == 0) {
      throw new InvalidFileException(file, 0, 0, "", "is empty");
    }
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

  /** The bytes of {@code file}, or an {@link InvalidFileException} saying why there are none. */
  public static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
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
