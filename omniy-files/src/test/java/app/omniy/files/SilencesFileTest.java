package app.omniy.files;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.AlertKey;
import app.omniy.core.alert.silence.Silence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The silences file (ALERT-2): strict, times with offsets, errors with line and field. */
class SilencesFileTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("silences.yaml"), yaml);
  }

  private InvalidFileException rejection(String yaml) throws IOException {
    Path file = write(yaml);
    try {
      SilencesFile.read(file);
    } catch (InvalidFileException e) {
      return e;
    }
    throw new AssertionError("the file was accepted:\n" + yaml);
  }

  @Test
  void reads_the_documented_example_into_a_silence_of_alert_c1() throws IOException {
    Path file =
        write(
            """
            silences:
              - match: {id: ALERT-C1}
                start: 2026-04-01T01:00:00+09:00
                end: 2026-04-01T03:00:00+09:00
                by: owner
                comment: planned database migration
              - match: {id: ALERT-I2, account: 17841400000000001}
                start: 2026-04-01T00:00:00Z
                end: 2026-04-02T00:00:00Z
                by: yuki
            """);

    var silences = SilencesFile.read(file).toSilences();

    assertThat(silences)
        .containsExactly(
            new Silence(
                "file-1",
                Map.of("id", "ALERT-C1"),
                Instant.parse("2026-03-31T16:00:00Z"),
                Instant.parse("2026-03-31T18:00:00Z"),
                "owner",
                "planned database migration"),
            new Silence(
                "file-2",
                Map.of("id", "ALERT-I2", "account", "17841400000000001"),
                Instant.parse("2026-04-01T00:00:00Z"),
                Instant.parse("2026-04-02T00:00:00Z"),
                "yuki",
                ""));
    assertThat(
            silences
                .get(1)
                .silences(
                    new AlertKey("ALERT-I2", Map.of("account", "17841400000000001")),
                    Instant.parse("2026-04-01T12:00:00Z")))
        .isTrue();
  }

  @Test
  void a_time_without_an_offset_is_rejected_with_its_line_and_field() throws IOException {
    InvalidFileException e =
        rejection(
            """
            silences:
              - match: {id: ALERT-C1}
                start: 2026-04-01T01:00:00
                end: 2026-04-01T03:00:00+09:00
                by: owner
            """);

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.field()).isEqualTo("silences[0].start");
  }

  @Test
  void an_end_not_after_the_start_is_rejected() throws IOException {
    InvalidFileException e =
        rejection(
            """
            silences:
              - match: {id: ALERT-C1}
                start: 2026-04-01T03:00:00+09:00
                end: 2026-04-01T01:00:00+09:00
                by: owner
            """);

    assertThat(e.field()).isEqualTo("silences[0].end");
    assertThat(e.getMessage()).contains("must be after start");
  }

  @Test
  void a_silence_without_matchers_or_author_is_rejected() throws IOException {
    InvalidFileException noMatch =
        rejection(
            """
            silences:
              - match: {}
                start: 2026-04-01T01:00:00+09:00
                end: 2026-04-01T03:00:00+09:00
                by: owner
            """);
    InvalidFileException noBy =
        rejection(
            """
            silences:
              - match: {id: ALERT-C1}
                start: 2026-04-01T01:00:00+09:00
                end: 2026-04-01T03:00:00+09:00
            """);

    assertThat(noMatch.field()).isEqualTo("silences[0].match");
    assertThat(noBy.field()).isEqualTo("silences[0].by");
  }

  @Test
  void an_unknown_key_is_rejected_with_its_line() throws IOException {
    InvalidFileException e =
        rejection(
            """
            silences:
              - match: {id: ALERT-C1}
                start: 2026-04-01T01:00:00+09:00
                end: 2026-04-01T03:00:00+09:00
                by: owner
                reason: typo of comment
            """);

    assertThat(e.line()).isEqualTo(6);
    assertThat(e.field()).isEqualTo("silences[0].reason");
  }
}
