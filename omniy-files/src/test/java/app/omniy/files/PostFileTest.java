package app.omniy.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostFileTest {
  @TempDir Path dir;

  @Test
  void an_image_post_mirrors_the_core_model() throws IOException {
    Path file =
        write(
            """
            {"id": "spring-sale-1", "accountId": "17841400000000001",
             "media": {"type": "image", "url": "https://cdn.example/a.jpg", "format": "JPEG",
                       "width": 1080, "height": 1350, "bytes": 512000},
             "caption": "Spring sale #spring",
             "userTags": [{"username": "omniy.cafe", "x": 0.25, "y": 0.75}],
             "firstComment": "Open 9-18",
             "publishAt": "2026-04-01T09:00:00+09:00", "zone": "Asia/Tokyo"}
            """);

    var post = PostFile.read(file);

    assertThat(post.id()).isEqualTo("spring-sale-1");
    assertThat(post.media())
        .isEqualTo(
            Media.image(MediaItem.image("https://cdn.example/a.jpg", "JPEG", 1080, 1350, 512_000)));
    assertThat(post.userTags())
        .singleElement()
        .satisfies(t -> assertThat(t.username()).isEqualTo("omniy.cafe"));
    assertThat(post.firstCommentText()).contains("Open 9-18");
    assertThat(post.publishAt()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    assertThat(post.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
  }

  @Test
  void reels_and_carousels_and_the_optional_parts() throws IOException {
    Path reel =
        write(
            """
            {"id": "r", "accountId": "a",
             "media": {"type": "reel", "url": "https://cdn.example/v.mp4", "format": "MP4",
                       "width": 1080, "height": 1920, "bytes": 9000000, "duration": "PT30S"},
             "publishAt": "2026-04-01T09:00:00Z"}
            """);
    Path carousel =
        write(
            """
            {"id": "c", "accountId": "a",
             "media": {"type": "carousel", "items": [
               {"type": "image", "url": "https://cdn.example/1.jpg", "format": "JPEG", "width": 1080, "height": 1080, "bytes": 1},
               {"type": "video", "url": "https://cdn.example/2.mp4", "format": "MP4", "width": 1080, "height": 1080, "bytes": 2, "duration": "PT5S"}]},
             "publishAt": "2026-04-01T09:00:00-05:00"}
            """);

    assertThat(PostFile.read(reel).media()).isInstanceOf(Media.Reel.class);
    assertThat(PostFile.read(reel).media().items().get(0).duration())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(PostFile.read(reel).caption()).isEmpty();
    assertThat(PostFile.read(reel).zone())
        .as("never guessed from the offset")
        .isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(PostFile.read(carousel).media().items()).hasSize(2);
  }

  @Test
  void a_bad_part_is_reported_with_its_line_and_field() throws IOException {
    Path badDuration =
        write(
            """
            {"id": "c", "accountId": "a",
             "media": {"type": "carousel", "items": [
               {"type": "image", "url": "https://cdn.example/1.jpg", "format": "JPEG", "width": 1080, "height": 1080, "bytes": 1},
               {"type": "video", "url": "https://cdn.example/2.mp4", "format": "MP4", "width": 1080, "height": 1080, "bytes": 2, "duration": "5s"}]},
             "publishAt": "2026-04-01T09:00:00Z"}
            """);
    Path noOffset =
        write(
            """
            {"id": "c", "accountId": "a",
             "media": {"type": "image", "url": "https://cdn.example/1.jpg", "format": "JPEG", "width": 1080, "height": 1080, "bytes": 1},
             "publishAt": "2026-04-01T09:00:00"}
            """);
    Path unknownKey =
        write(
            """
            {"id": "c", "accountId": "a",
             "media": {"type": "image", "url": "https://cdn.example/1.jpg", "format": "JPEG", "width": 1080, "height": 1080, "bytes": 1},
             "firstComent": "typo", "publishAt": "2026-04-01T09:00:00Z"}
            """);
    Path misspeltRequired = write("{\"id\": \"c\", \"acountId\": \"a\"}");

    assertThatThrownBy(() -> PostFile.read(badDuration))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.field()).isEqualTo("media.items[1].duration");
            });
    assertThatThrownBy(() -> PostFile.read(noOffset))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.field()).isEqualTo("publishAt");
              assertThat(e.reason()).contains("offset");
            });
    assertThatThrownBy(() -> PostFile.read(unknownKey))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("unknown key 'firstComent'");
              assertThat(e.line()).isEqualTo(3);
            });
    assertThatThrownBy(() -> PostFile.read(misspeltRequired))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("is required");
  }

  private static final String IMAGE =
      "\"media\": {\"type\": \"image\", \"url\": \"https://cdn.example/1.jpg\", \"format\": \"JPEG\","
          + " \"width\": 1080, \"height\": 1080, \"bytes\": 1}";

  private static InvalidFileException rejection(String json) {
    try {
      PostFile.parse(Path.of("post.json"), json.getBytes(StandardCharsets.UTF_8));
    } catch (InvalidFileException e) {
      return e;
    }
    throw new AssertionError("the post was accepted:\n" + json);
  }

  @Test
  void a_user_tag_far_below_or_above_the_precision_of_a_position_is_refused_in_short_form() {
    // 1e-999999999 lies within 0-1 and passed; sending it built a billion-character string.
    InvalidFileException tiny =
        rejection(
            "{\"id\": \"p\", \"accountId\": \"a\", "
                + IMAGE
                + ",\n"
                + " \"userTags\": [{\"username\": \"u\", \"x\": 1e-999999999, \"y\": 0}],"
                + " \"publishAt\": \"2026-04-01T09:00:00Z\"}");
    // 1e999999999 ran out of memory while the message was built.
    InvalidFileException huge =
        rejection(
            "{\"id\": \"p\", \"accountId\": \"a\", "
                + IMAGE
                + ",\n"
                + " \"userTags\": [{\"username\": \"u\", \"x\": 0, \"y\": 1e999999999}],"
                + " \"publishAt\": \"2026-04-01T09:00:00Z\"}");

    assertThat(tiny.field()).isEqualTo("userTags[0].x");
    assertThat(tiny.reason()).isEqualTo("'1e-999999999' has more than 4 decimal places");
    assertThat(tiny.line()).isEqualTo(2);
    assertThat(huge.field()).isEqualTo("userTags[0].y");
    assertThat(huge.reason())
        .isEqualTo("'1e999999999' has more than 1 digit before the decimal point");
  }

  @Test
  void a_video_beyond_a_year_and_a_time_beyond_the_year_10000_are_refused() {
    InvalidFileException longVideo =
        rejection(
            "{\"id\": \"r\", \"accountId\": \"a\", \"media\": {\"type\": \"reel\","
                + " \"url\": \"https://cdn.example/v.mp4\", \"format\": \"MP4\", \"width\": 1080,"
                + " \"height\": 1920, \"bytes\": 1, \"duration\": \"PT9999999999999H\"},"
                + " \"publishAt\": \"2026-04-01T09:00:00Z\"}");
    InvalidFileException farFuture =
        rejection(
            "{\"id\": \"p\", \"accountId\": \"a\", "
                + IMAGE
                + ","
                + " \"publishAt\": \"+999999999-04-01T09:00:00+09:00\"}");

    assertThat(longVideo.field()).isEqualTo("media.duration");
    assertThat(longVideo.reason()).isEqualTo("'PT9999999999999H' must be at most 366 days");
    assertThat(farFuture.field()).isEqualTo("publishAt");
    assertThat(farFuture.reason()).endsWith("must lie between the years -10000 and 10000");
  }

  @Test
  void a_null_carousel_item_is_required_by_its_path_not_a_null_pointer_exception() {
    InvalidFileException e =
        rejection(
            "{\"id\": \"c\", \"accountId\": \"a\",\n \"media\": {\"type\": \"carousel\","
                + " \"items\": [null]},\n \"publishAt\": \"2026-04-01T09:00:00Z\"}");

    assertThat(e.field()).isEqualTo("media.items[0]");
    assertThat(e.reason()).isEqualTo("is required");
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void bytes_that_are_not_utf_8_are_reported_where_they_are() {
    byte[] content =
        "{\"id\": \"p\",\n \"accountId\": \"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> PostFile.parse(Path.of("post.json"), content))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage("post.json:2:16: not valid UTF-8: byte 0xFF at offset 27");
  }

  @Test
  void content_from_elsewhere_is_parsed_as_if_from_the_named_file() {
    Path source = Path.of("posts/spring.json");
    byte[] valid =
        """
        {"id": "r", "accountId": "a",
         "media": {"type": "image", "url": "https://cdn.example/a.jpg", "format": "JPEG",
                   "width": 1080, "height": 1080, "bytes": 1},
         "publishAt": "2026-04-01T09:00:00Z"}
        """
            .getBytes(StandardCharsets.UTF_8);

    assertThat(PostFile.parse(source, valid).id()).isEqualTo("r");
    assertThatThrownBy(() -> PostFile.parse(source, "{\"id\": 1,".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            InvalidFileException.class, e -> assertThat(e.file()).isEqualTo(source));
    assertThatThrownBy(() -> PostFile.parse(source, new byte[0]))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("is empty");
  }

  private int files;

  private Path write(String json) throws IOException {
    return Files.writeString(dir.resolve("post-" + files++ + ".json"), json);
  }
}
