package app.omniy.files;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.post.Media;
import app.omniy.core.post.MediaItem;
import app.omniy.core.post.Post;
import app.omniy.core.post.UserTag;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One scheduled post as JSON, mirroring the core model (POST-1). Every part is turned into the
 * core's value while the file is read, so a malformed part is reported with its line and field:
 *
 * <pre>{@code
 * {
 *   "id": "spring-sale-1",
 *   "accountId": "17841400000000001",
 *   "media": {"type": "image", "url": "https://cdn.example/sale.jpg", "format": "JPEG",
 *             "width": 1080, "height": 1350, "bytes": 512000},
 *   "caption": "Spring sale #spring",
 *   "userTags": [{"username": "omniy.cafe", "x": 0.5, "y": 0.5}],
 *   "firstComment": "Open 9-18",
 *   "publishAt": "2026-04-01T09:00:00+09:00",
 *   "zone": "Asia/Tokyo"
 * }
 * }</pre>
 *
 * <p>{@code media.type} is {@code image} (the fields above), {@code reel} (the same plus {@code
 * duration}, ISO-8601 such as {@code PT30S}) or {@code carousel} ({@code items}: a list of image or
 * video items, each with {@code type} {@code image} or {@code video}). {@code caption}, {@code
 * userTags} and {@code firstComment} are optional; {@code zone} (the account's zone, kept for
 * display) defaults to {@code Asia/Tokyo}, the home zone, and is never guessed from the offset.
 * {@code publishAt} must carry an offset.
 *
 * <p>The file is bounded as {@link ConfigFiles} bounds every file (3 MiB, UTF-8), and every value
 * as the core bounds it: a user tag position has at most 4 decimal places ({@link
 * UserTag#DECIMAL_PLACES}), a duration is at most 366 days and {@code publishAt} lies within the
 * years −10000 to 10000 ({@link app.omniy.core.Require}).
 *
 * @param post the post the file describes
 */
public record PostFile(Post post) {
  private static final ObjectMapper JSON =
      ConfigFiles.jsonMapper()
          .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, false);

  /**
   * Reads {@code file}.
   *
   * @throws InvalidFileException with the line and field of the first mistake
   */
  public static Post read(Path file) {
    return ConfigFiles.read(JSON, file, Json.class).post();
  }

  /**
   * Parses {@code content} as if read from {@code file}.
   *
   * @throws InvalidFileException with the line and field of the first mistake
   */
  public static Post parse(Path file, byte[] content) {
    return ConfigFiles.parse(JSON, file, content, Json.class).post();
  }

  /** The file's top level as written; its constructor builds the core {@link Post}. */
  public record Json(
      @Nullable String id,
      @Nullable String accountId,
      @Nullable MediaJson media,
      @Nullable String caption,
      @Nullable List<TagJson> userTags,
      @Nullable String firstComment,
      @Nullable String publishAt,
      @Nullable String zone) {

    public Json {
      // A compact constructor sees its parameters, not yet its fields.
      build(id, accountId, media, caption, userTags, firstComment, publishAt, zone);
    }

    Post post() {
      return build(id, accountId, media, caption, userTags, firstComment, publishAt, zone);
    }

    private static Post build(
        @Nullable String id,
        @Nullable String accountId,
        @Nullable MediaJson media,
        @Nullable String caption,
        @Nullable List<TagJson> userTags,
        @Nullable String firstComment,
        @Nullable String publishAt,
        @Nullable String zone) {
      Require.nonNull(media, "media");
      Post.Builder builder =
          Post.builder(Require.nonNull(id, "id"), Require.nonNull(accountId, "accountId"))
              .media(media.media())
              .caption(caption == null ? "" : caption)
              .firstComment(firstComment)
              .publishAt(parseInstant(publishAt))
              .zone(parseZone(zone));
      if (userTags != null) {
        for (int i = 0; i < userTags.size(); i++) {
          TagJson tag = userTags.get(i);
          if (tag == null) {
            throw new InvalidValueException("userTags[" + i + "]", null, "is required");
          }
          builder.userTag(tag.tag());
        }
      }
      return builder.build();
    }
  }

  /** {@code media}: an image, a reel or a carousel. */
  public record MediaJson(
      @Nullable String type,
      @Nullable String url,
      @Nullable String format,
      @Nullable Integer width,
      @Nullable Integer height,
      @Nullable Long bytes,
      @Nullable String duration,
      @Nullable List<MediaJson> items) {

    public MediaJson {
      if (type == null) {
        throw new InvalidValueException("type", null, "is required: image, reel, carousel, video");
      }
      if (items != null) {
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i) == null) {
            throw new InvalidValueException("items[" + i + "]", null, "is required");
          }
        }
      }
      // Built here, where an error still knows its place in the file; carousel items check
      // themselves the same way.
      if (!type.equals("carousel")) {
        item(type, url, format, width, height, bytes, duration);
      }
    }

    Media media() {
      return switch (type == null ? "" : type) {
        case "image" -> Media.image(item());
        case "reel" -> Media.reel(item());
        case "carousel" -> {
          if (items == null) {
            throw new InvalidValueException("items", null, "is required for a carousel");
          }
          yield Media.carousel(items.stream().map(MediaJson::item).toList());
        }
        default -> throw new InvalidValueException("type", type, "must be image, reel or carousel");
      };
    }

    MediaItem item() {
      return item(type, url, format, width, height, bytes, duration);
    }

    private static MediaItem item(
        @Nullable String type,
        @Nullable String url,
        @Nullable String format,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Long bytes,
        @Nullable String duration) {
      return switch (type == null ? "" : type) {
        case "image" ->
            MediaItem.image(
                Require.nonNull(url, "url"),
                Require.nonNull(format, "format"),
                Require.nonNull(width, "width"),
                Require.nonNull(height, "height"),
                Require.nonNull(bytes, "bytes"));
        case "video", "reel" ->
            MediaItem.video(
                Require.nonNull(url, "url"),
                Require.nonNull(format, "format"),
                Require.nonNull(width, "width"),
                Require.nonNull(height, "height"),
                Require.nonNull(bytes, "bytes"),
                parseDuration(duration));
        default ->
            throw new InvalidValueException("type", type, "must be image, video, reel or carousel");
      };
    }
  }

  /** One of {@code userTags}. */
  public record TagJson(@Nullable String username, @Nullable BigDecimal x, @Nullable BigDecimal y) {
    public TagJson {
      tag(username, x, y);
    }

    UserTag tag() {
      return tag(username, x, y);
    }

    private static UserTag tag(
        @Nullable String username, @Nullable BigDecimal x, @Nullable BigDecimal y) {
      return new UserTag(
          Require.nonNull(username, "username"), Require.nonNull(x, "x"), Require.nonNull(y, "y"));
    }
  }

  private static Duration parseDuration(@Nullable String text) {
    try {
      return Duration.parse(Require.nonNull(text, "duration"));
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(
          "duration", text, "must be an ISO-8601 duration such as PT30S");
    }
  }

  private static java.time.Instant parseInstant(@Nullable String text) {
    try {
      return OffsetDateTime.parse(Require.nonNull(text, "publishAt")).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(
          "publishAt", text, "must be a time with an offset, such as 2026-04-01T09:00:00+09:00");
    }
  }

  private static ZoneId parseZone(@Nullable String text) {
    if (text == null) {
      return ZoneId.of("Asia/Tokyo");
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new InvalidValueException("zone", text, "is not a time zone such as Asia/Tokyo");
    }
  }
}
