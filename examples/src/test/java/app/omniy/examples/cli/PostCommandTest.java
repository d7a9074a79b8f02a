package app.omniy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostCommandTest {
  private static final String NOW = "2026-03-31T00:00:00Z";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return OmniyCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private Path post(String caption, String publishAt) throws IOException {
    return Files.writeString(
        dir.resolve("post.json"),
        """
        {"id": "spring-sale-1", "accountId": "17841400000000001",
         "media": {"type": "image", "url": "https://cdn.example/a.jpg", "format": "JPEG",
                   "width": 1080, "height": 1350, "bytes": 512000},
         "caption": "%s", "publishAt": "%s"}
        """
            .formatted(caption, publishAt));
  }

  @Test
  void a_valid_post_is_confirmed_with_exit_0() throws IOException {
    Path file = post("Spring sale #spring", "2026-04-01T09:00:00+09:00");

    assertThat(run("post", "check", file.toString(), "--now", NOW)).isZero();
    assertThat(out.toString()).startsWith("valid: post spring-sale-1");
  }

  @Test
  void every_violation_is_printed_with_code_and_field_and_exit_1() throws IOException {
    String tooManyTags = "#a ".repeat(31) + "x".repeat(2_200);
    Path file = post(tooManyTags, "2026-03-30T09:00:00+09:00");

    assertThat(run("post", "check", file.toString(), "--now", NOW)).isEqualTo(1);
    assertThat(out.toString())
        .contains("CAPTION_TOO_LONG caption = '#a #a", "TOO_MANY_HASHTAGS caption", "publishAt")
        .contains("3 violations");
  }

  @Test
  void a_malformed_file_is_rejected_with_file_line_and_field_on_stderr() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("bad.json"), "{\"id\": \"x\",\n \"accountId\": \"a\",\n \"publishAt\": 5}");

    assertThat(run("post", "check", file.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(file + ":").contains("media");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void a_missing_file_argument_is_a_usage_error() {
    assertThat(run("post", "check")).isEqualTo(2);
    assertThat(run("post", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: omniy post");
  }

  @Test
  void control_characters_of_the_post_are_escaped_on_the_terminal() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("post.json"),
            """
            {"id": "x\\u001b[2J\\u001b]0;pwned\\u0007", "accountId": "17841400000000001",
             "media": {"type": "image", "url": "https://cdn.example/a.jpg", "format": "JPEG",
                       "width": 1080, "height": 1350, "bytes": 512000},
             "caption": "hi", "publishAt": "2026-04-01T09:00:00+09:00"}
            """);

    assertThat(run("post", "check", file.toString(), "--now", NOW)).isZero();
    Path bad = post("#a #b\\r#c\\u009b " + "#x ".repeat(30), "2026-04-01T09:00:00+09:00");
    assertThat(run("post", "check", bad.toString(), "--now", NOW)).isOne();

    assertThat(out.toString())
        .startsWith("valid: post x\\u001b[2J\\u001b]0;pwned\\u0007 for account")
        .contains("TOO_MANY_HASHTAGS caption = '#a #b\\u000d#c\\u009b #x")
        .doesNotContain("\u001b", "\u0007", "\r", "\u009b");
  }

  @Test
  void a_now_beyond_year_9999_is_a_usage_error_not_an_overflow() throws IOException {
    Path file = post("Spring sale #spring", "2026-04-01T09:00:00+09:00");

    assertThat(run("post", "check", file.toString(), "--now", "+1000000000-12-31T23:59:59Z"))
        .isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "Invalid value for option '--now': '+1000000000-12-31T23:59:59Z' is not an instant"
                + " from 1970 to 9999 such as 2026-03-02T10:00:00Z");
  }
}
