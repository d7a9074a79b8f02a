package app.omniy.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFilesTest {
  @TempDir Path dir;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("samples.csv"), text);
  }

  @Test
  void a_byte_order_mark_before_the_header_or_the_first_sample_is_ignored() throws IOException {
    Path withHeader =
        write("\uFEFFtime,metric,tags,kind,value\n2026-03-02T09:00:00Z,m,a=1,count,2\n");
    assertThat(SampleFiles.read(withHeader))
        .containsExactly(
            new Sample(
                Instant.parse("2026-03-02T09:00:00Z"),
                "m",
                Map.of("a", "1"),
                Sample.Kind.COUNT,
                2));

    Path withoutHeader = write("\uFEFF2026-03-02T09:00:00Z,m,,value,2.5\r\n");
    assertThat(SampleFiles.check(withoutHeader).samples()).isOne();
  }

  @Test
  void check_tells_the_count_the_first_and_last_time_and_whether_the_file_is_in_time_order()
      throws IOException {
    Path inOrder =
        write(
            "# comment\n\n2026-03-02T09:00:00Z,m,,value,1\n2026-03-02T09:00:00Z,m,,value,2\r"
                + "2026-03-02T09:05:00Z,m,,value,3");
    assertThat(SampleFiles.check(inOrder))
        .isEqualTo(
            new SampleFiles.Summary(
                3,
                Instant.parse("2026-03-02T09:00:00Z"),
                Instant.parse("2026-03-02T09:05:00Z"),
                true));

    Path outOfOrder = write("2026-03-02T09:05:00Z,m,,value,3\n2026-03-02T09:00:00Z,m,,value,1\n");
    assertThat(SampleFiles.check(outOfOrder))
        .isEqualTo(
            new SampleFiles.Summary(
                2,
                Instant.parse("2026-03-02T09:00:00Z"),
                Instant.parse("2026-03-02T09:05:00Z"),
                false));
    assertThat(SampleFiles.read(outOfOrder)).extracting(Sample::value).containsExactly(1.0, 3.0);
  }

  @Test
  void for_each_hands_the_samples_over_in_file_order() throws IOException {
    Path file = write("2026-03-02T09:05:00Z,m,,value,3\n2026-03-02T09:00:00Z,m,,value,1\n");
    List<Double> values = new ArrayList<>();

    SampleFiles.forEach(file, sample -> values.add(sample.value()));

    assertThat(values).containsExactly(3.0, 1.0);
  }

  @Test
  void a_line_without_end_is_cut_and_reported_not_read_whole() throws IOException {
    Path file = dir.resolve("one-line.csv");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("2026-03-02T09:00:00Z,m,,value,1\n");
      for (int i = 0; i < 1_000_000; i++) {
        out.write("x,");
      }
      out.write("\n2026-03-02T09:01:00Z,m,,value,2\n");
    }

    assertThatThrownBy(() -> SampleFiles.check(file))
        .isInstanceOf(FileProblemsException.class)
        .hasMessage(
            file
                + ": 1 problem"
                + System.lineSeparator()
                + file
                + ":2: is longer than 4096 characters");
  }

  @Test
  void problems_stop_at_100_so_a_file_of_garbage_is_not_held_in_memory() throws IOException {
    Path file = write("garbage\n".repeat(100_000));

    assertThatThrownBy(() -> SampleFiles.check(file))
        .isInstanceOfSatisfying(
            FileProblemsException.class,
            e -> {
              assertThat(e.problems()).hasSize(SampleFiles.MAX_PROBLEMS + 1);
              assertThat(e.problems().get(SampleFiles.MAX_PROBLEMS).getMessage())
                  .isEqualTo(file + ":100: stopped after 100 problems; fix these first");
            });
  }

  @Test
  void times_outside_1970_to_9999_and_huge_counts_are_problems_not_overflows() throws IOException {
    Path file =
        write(
            "+1000000000-12-31T23:59:59Z,m,,value,1\n"
                + "1969-12-31T23:59:59Z,m,,value,1\n"
                + "2026-03-02T09:00:00Z,m,,count,1e300\n");

    assertThatThrownBy(() -> SampleFiles.check(file))
        .hasMessageContaining(file + ":1: time: '+1000000000-12-31T23:59:59Z' must be from 1970")
        .hasMessageContaining(file + ":2: time: '1969-12-31T23:59:59Z' must be from 1970 to 9999")
        .hasMessageContaining(file + ":3: value: '1e300' must be a whole number >= 0");
  }

  @Test
  void a_file_that_is_not_utf_8_is_rejected_naming_the_file() throws IOException {
    Path file = Files.write(dir.resolve("latin1.csv"), new byte[] {'a', (byte) 0xff, '\n'});

    assertThatThrownBy(() -> SampleFiles.check(file)).hasMessage(file + ": is not UTF-8 text");
    assertThatThrownBy(() -> SampleFiles.check(dir.resolve("missing.csv")))
        .hasMessage(dir.resolve("missing.csv") + ": no such file");
  }
}
