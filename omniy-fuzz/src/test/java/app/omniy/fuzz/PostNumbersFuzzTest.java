package app.omniy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostValidator;
import app.omniy.core.post.UserTag;
import app.omniy.core.post.Violation;
import app.omniy.files.PostFile;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The numbers of a post file (POST-1, POST-2): the media's width, height and size in bytes, a
 * reel's duration, and a user tag's position, written in every way JSON allows — signs, fractions,
 * exponents, far beyond {@code int} and {@code long}, quoted, or no number at all — inside an
 * otherwise valid post. Each is either read as exactly the number written or refused with a
 * documented error naming its field; a post that comes out goes through the POST-2 validator
 * without an exception.
 */
class PostNumbersFuzzTest {
  private static final Path FILE = Path.of("post.json");
  private static final Instant NOW = Instant.parse("2026-03-31T00:00:00Z");

  /** Hand-picked edges the fuzzer would take long to build byte by byte. */
  private static final String[] EDGES = {
    "0",
    "-0",
    "0.0",
    "1",
    "1.0",
    "0.5",
    "1.0000000000000000000001",
    "-1",
    "2147483647",
    "2147483648",
    "-2147483648",
    "9223372036854775807",
    "9223372036854775808",
    "1e3",
    "1E+3",
    "1e-400",
    "1e400",
    "1e999999999",
    "-1e-999999999",
    "0e999999999",
    "5e-1",
    "1080.9",
    "NaN",
    "Infinity",
    "\"1080\"",
    "\"0.5\"",
    "null",
    "true",
    "[]",
    "{}"
  };

  private static final String[] DURATIONS = {
    "PT30S",
    "PT0S",
    "PT-1S",
    "P1D",
    "PT90.000000001S",
    "PT9223372036854775807S",
    "PT2562047788015215H",
    "PT153722867280912930M",
    "-PT30S",
    "PT1.5S"
  };

  @FuzzTest(maxDuration = "10s")
  void numbers_in_a_post_file_are_read_as_written_or_refused_naming_their_field(
      FuzzedDataProvider data) {
    boolean reel = data.consumeBoolean();
    String width = number(data);
    String height = number(data);
    String bytes = number(data);
    String x = number(data);
    String y = number(data);
    String duration = data.consumeBoolean() ? data.pickValue(DURATIONS) : data.consumeString(40);
    String json =
        """
        {"id": "fuzz-1", "accountId": "17841400000000001",
         "media": {"type": "%s", "url": "https://cdn.example/a.jpg", "format": "%s",
                   "width": %s, "height": %s, "bytes": %s%s},
         "caption": "numbers",
         "userTags": [{"username": "omniy.cafe", "x": %s, "y": %s}],
         "publishAt": "2026-04-01T09:00:00+09:00"}
        """
            .formatted(
                reel ? "reel" : "image",
                reel ? "MP4" : "JPEG",
                width,
                height,
                bytes,
                reel ? ", \"duration\": " + quoted(duration) : "",
                x,
                y);

    AtomicReference<Post> post = new AtomicReference<>();
    if (!Documented.accepts(
        () -> post.set(PostFile.parse(FILE, json.getBytes(StandardCharsets.UTF_8))))) {
      return;
    }
    MediaItem item = post.get().media().items().get(0);
    assertThat(exact(width)).as("width %s", width).isEqualByComparingTo(bd(item.width()));
    assertThat(exact(height)).as("height %s", height).isEqualByComparingTo(bd(item.height()));
    assertThat(exact(bytes)).as("bytes %s", bytes).isEqualByComparingTo(bd(item.bytes()));
    UserTag tag = post.get().userTags().get(0);
    assertThat(exact(x)).as("x %s", x).isEqualByComparingTo(tag.x());
    assertThat(exact(y)).as("y %s", y).isEqualByComparingTo(tag.y());
    if (reel) {
      assertThat(item.duration()).as("duration %s", duration).isEqualTo(Duration.parse(duration));
    }
    List<Violation> violations = PostValidator.withDefaults().check(post.get(), NOW);
    assertThat(violations)
        .allSatisfy(v -> assertThat(v.code()).isNotNull())
        .allSatisfy(v -> assertThat(v.field()).isNotBlank())
        .allSatisfy(v -> assertThat(v.message()).isNotBlank());
  }

  /** A JSON value for a number field: mostly numbers of every shape, sometimes none. */
  private static String number(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 6)) {
      case 0 -> Integer.toString(data.consumeInt());
      case 1 -> Long.toString(data.consumeLong());
      case 2 -> data.consumeLong() + "." + Math.abs(data.consumeLong());
      case 3 ->
          data.consumeInt(-9, 9)
              + (data.consumeBoolean() ? "e" : "E")
              + (data.consumeBoolean() ? "-" : "+")
              + data.consumeInt(0, Integer.MAX_VALUE);
      case 4 -> Double.toString(data.consumeDouble());
      case 5 -> data.pickValue(EDGES);
      default -> data.consumeString(24);
    };
  }

  /**
   * The value a JSON number literal stands for, or a quoted one; {@code null} for anything that is
   * not a number (a word, a list), which must then have been refused, not read.
   */
  private static @Nullable BigDecimal exact(String literal) {
    String text = literal.strip();
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      text = text.substring(1, text.length() - 1).strip();
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static BigDecimal bd(long value) {
    return BigDecimal.valueOf(value);
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
