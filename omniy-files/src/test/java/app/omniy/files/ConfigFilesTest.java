package app.omniy.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
  @TempDir Path dir;

  record Rule(String id, int threshold) {
    Rule {
      if (threshold < 0) {
        throw new InvalidValueException("threshold", threshold, "must not be negative");
      }
    }
  }

  record Rules(List<Rule> rules) {}

  @Test
  void reads_a_valid_yaml_file_into_records() throws IOException {
    Path file =
        write(
            "rules.yaml", "rules:\n  - id: c1\n    threshold: 10\n  - id: c2\n    threshold: 5\n");

    Rules rules = ConfigFiles.readYaml(file, Rules.class);

    assertThat(rules.rules()).containsExactly(new Rule("c1", 10), new Rule("c2", 5));
  }

  @Test
  void an_unknown_key_is_rejected_with_its_line_and_field() throws IOException {
    Path file = write("rules.yaml", "rules:\n  - id: c1\n    treshold: 10\n    threshold: 10\n");

    assertThatThrownBy(() -> ConfigFiles.readYaml(file, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file);
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.field()).isEqualTo("rules[0].treshold");
              assertThat(e.reason()).isEqualTo("unknown key 'treshold'");
            });
  }

  @Test
  void a_value_the_record_rejects_names_the_nested_field() throws IOException {
    Path file =
        write(
            "rules.yaml", "rules:\n  - id: c1\n    threshold: 1\n  - id: c2\n    threshold: -3\n");

    assertThatThrownBy(() -> ConfigFiles.readYaml(file, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.field()).isEqualTo("rules[1].threshold");
              assertThat(e.reason()).isEqualTo("'-3' must not be negative");
              assertThat(e.line()).isEqualTo(5);
            });
  }

  @Test
  void a_wrong_type_a_missing_value_and_a_duplicate_key_are_each_rejected() throws IOException {
    Path wrongType = write("a.yaml", "rules:\n  - id: c1\n    threshold: lots\n");
    Path missing = write("b.yaml", "rules:\n  - id: c1\n");
    Path duplicate = write("c.yaml", "rules:\n  - id: c1\n    id: c2\n    threshold: 1\n");

    assertThatThrownBy(() -> ConfigFiles.readYaml(wrongType, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.field()).isEqualTo("rules[0].threshold");
            });
    assertThatThrownBy(() -> ConfigFiles.readYaml(missing, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.field()).isEqualTo("rules[0].threshold");
              assertThat(e.line()).as("the object that lacks it").isEqualTo(2);
            });
    assertThatThrownBy(() -> ConfigFiles.readYaml(duplicate, Rules.class))
        .isInstanceOfSatisfying(InvalidFileException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageContaining("id");
  }

  @Test
  void a_value_of_the_wrong_type_is_refused_in_words_not_java_types() throws IOException {
    Path word = write("w.json", "{\"rules\": [{\"id\": \"c1\", \"threshold\": \"lots\"}]}");
    Path list = write("l.json", "{\"rules\": [{\"id\": \"c1\", \"threshold\": [1]}]}");
    Path notAList = write("n.yaml", "rules: 7\n");

    assertThatThrownBy(() -> ConfigFiles.readJson(word, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.field()).isEqualTo("rules[0].threshold");
              assertThat(e.reason()).isEqualTo("'lots' must be a whole number");
            });
    assertThatThrownBy(() -> ConfigFiles.readJson(list, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> assertThat(e.reason()).isEqualTo("must be a whole number"));
    assertThatThrownBy(() -> ConfigFiles.readYaml(notAList, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.field()).isEqualTo("rules");
              assertThat(e.reason()).isEqualTo("must be a list");
            });
  }

  @Test
  void a_fraction_where_a_whole_number_belongs_is_refused_not_cut_off() throws IOException {
    Path fraction = write("f.json", "{\"rules\": [{\"id\": \"c1\", \"threshold\": 10.9}]}");

    assertThatThrownBy(() -> ConfigFiles.readJson(fraction, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.field()).isEqualTo("rules[0].threshold");
              assertThat(e.reason()).isEqualTo("'10.9' must be a whole number");
              assertThat(e.getMessage()).doesNotContain("java.", "Exception");
            });
  }

  @Test
  void a_syntax_error_names_where_it_broke() throws IOException {
    Path broken = write("b.json", "{\"rules\": [{\"id\": \"c1\", \"threshold\": 1x}]}");
    Path huge = write("h.json", "{\"rules\": [{\"id\": \"c1\", \"threshold\": 4294967296}]}");

    assertThatThrownBy(() -> ConfigFiles.readJson(broken, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.field()).as("the object being read").isEqualTo("rules[0]");
              assertThat(e.line()).isEqualTo(1);
            });
    assertThatThrownBy(() -> ConfigFiles.readJson(huge, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.field()).isEqualTo("rules[0].threshold");
              assertThat(e.reason()).contains("out of range");
            });
  }

  @Test
  void bytes_in_no_unicode_encoding_are_refused_as_not_text() {
    byte[] utf32Garbage = {0, 0, 0, '{', 0x69, 0x71, 0x70, 0x73, 0, 0, 0, '}'};

    assertThatThrownBy(
            () ->
                ConfigFiles.parse(
                    ConfigFiles.jsonMapper(), Path.of("x.json"), utf32Garbage, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.reason()).startsWith("is not text in UTF-8, UTF-16 or UTF-32: ");
              assertThat(e.line()).isZero();
            });
  }

  @Test
  void yaml_that_is_not_utf8_is_refused_as_not_text_without_naming_a_java_exception() {
    byte[] broken = "rules:\n  - id: c\n".getBytes(StandardCharsets.UTF_8);
    broken[14] = (byte) 0xCF; // a lead byte followed by an ASCII letter: no UTF-8
    broken[15] = 'x';

    assertThatThrownBy(
            () ->
                ConfigFiles.parse(ConfigFiles.yamlMapper(), Path.of("r.yaml"), broken, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("not valid UTF-8: byte 0xCF at offset 14");
              assertThat(e.getMessage()).doesNotContain("java.", "Exception");
            });
  }

  @Test
  void a_yaml_syntax_error_says_what_is_wrong_in_the_files_terms() throws IOException {
    Path colon = write("c.yaml", "rules:\n  - id: c1    threshold: 2\n");
    Path mappingKey = write("k.yaml", "rules:\n  - ? {a: 1}\n    : 2\n");

    assertThatThrownBy(() -> ConfigFiles.readYaml(colon, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.reason()).isEqualTo("mapping values are not allowed here");
            });
    assertThatThrownBy(() -> ConfigFiles.readYaml(mappingKey, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("a key must be plain text, not a mapping or a list");
              assertThat(e.getMessage()).doesNotContain("snakeyaml", "Event");
            });
  }

  @Test
  void malformed_missing_and_empty_files_are_rejected_with_the_file_named() throws IOException {
    Path malformed = write("m.json", "{\"rules\": [\n  {\"id\": \"c1\",, }\n]}");
    Path empty = write("e.yaml", "");

    assertThatThrownBy(() -> ConfigFiles.readJson(malformed, Rules.class))
        .isInstanceOfSatisfying(InvalidFileException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessageStartingWith(malformed.toString());
    assertThatThrownBy(() -> ConfigFiles.readYaml(dir.resolve("nope.yaml"), Rules.class))
        .hasMessageEndingWith("no such file");
    assertThatThrownBy(() -> ConfigFiles.readYaml(empty, Rules.class))
        .hasMessageEndingWith("is empty");
  }

  @Test
  void a_file_over_the_size_limit_is_refused_from_its_size_before_it_is_read() throws IOException {
    // A sparse 4 GiB file: reading it whole would fail with OutOfMemoryError, not this message.
    Path huge = dir.resolve("huge.yaml");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(4L << 30);
    }

    assertThatThrownBy(() -> ConfigFiles.readYaml(huge, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(
                        "is 4294967296 bytes; a file may have at most 3145728 bytes (3 MiB)"));
    assertThatThrownBy(() -> ConfigFiles.readBytes(huge))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("at most 3145728 bytes");
  }

  @Test
  void content_over_the_size_limit_is_refused_unparsed() {
    byte[] content = new byte[ConfigFiles.MAX_BYTES + 1];

    assertThatThrownBy(
            () ->
                ConfigFiles.parse(
                    ConfigFiles.yamlMapper(), Path.of("big.yaml"), content, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> assertThat(e.reason()).startsWith("is 3145729 bytes; a file may have at most"));
  }

  @Test
  void a_yaml_line_of_3_mb_is_refused_before_the_yaml_parser_sees_it() {
    // The YAML parser copies its look-ahead window for every 1024 characters of an unbroken
    // run, so a 3 MB value took it about 20 s. The line is refused first: the unterminated quote
    // at its end would be a syntax error if the parser had read it.
    byte[] content =
        ("rules:\n  - id: \"" + "a".repeat(3_000_000) + "\n").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                ConfigFiles.parse(
                    ConfigFiles.yamlMapper(), Path.of("long.yaml"), content, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.reason())
                  .isEqualTo(
                      "line is 3000009 bytes long; a YAML line may have at most 16384 bytes");
            });
  }

  @Test
  void a_long_line_within_the_limit_and_a_long_json_line_are_read() throws IOException {
    String value = "a".repeat(ConfigFiles.MAX_LINE_BYTES - 20);
    Path yaml = write("ok.yaml", "rules:\n  - id: " + value + "\n    threshold: 1\n");
    Path json =
        write(
            "ok.json",
            "{\"rules\": [{\"id\": \"" + "b".repeat(1_000_000) + "\", \"threshold\": 1}]}");

    assertThat(ConfigFiles.readYaml(yaml, Rules.class).rules().get(0).id()).isEqualTo(value);
    assertThat(ConfigFiles.readJson(json, Rules.class).rules().get(0).id()).hasSize(1_000_000);
  }

  @Test
  void bytes_that_are_not_utf_8_are_reported_at_their_line_and_offset() throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "rules:\n  - id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> ConfigFiles.readYaml(file, Rules.class))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(12);
              assertThat(e.reason()).isEqualTo("not valid UTF-8: byte 0xE9 at offset 18");
            })
        .hasMessage(file + ":2:12: not valid UTF-8: byte 0xE9 at offset 18");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
