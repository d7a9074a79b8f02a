package app.omniy.core.post;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One image or video as the host knows it from its upload (POST-1): where Instagram fetches it and
 * the metadata validation needs. The values are taken as given; whether they are acceptable to
 * Instagram is {@link PostValidator}'s job, so that every problem is reported at once (POST-2).
 *
 * @param type image or video
 * @param url the public URL Instagram downloads the media from
 * @param format the file format as the host detected it, e.g. {@code JPEG}, {@code MP4}
 * @param width width in pixels, positive
 * @param height height in pixels, positive
 * @param bytes file size in bytes, zero or more
 * @param duration the video's length, at most {@link Require#MAX_DURATION}; {@code null} for images
 */
public record MediaItem(
    Type type,
    String url,
    String format,
    int width,
    int height,
    long bytes,
    @Nullable Duration duration) {

  /** Whether the item is a still image or a video. */
  public enum Type {
    IMAGE,
    VIDEO
  }

  /**
   * @throws InvalidValueException naming the field if one is missing, a dimension is not positive,
   *     the size or duration is negative, a video has no duration or one beyond {@link
   *     Require#MAX_DURATION}
   */
  public MediaItem {
    Require.nonNull(type, "type");
    Require.nonBlank(url, "url");
    Require.nonBlank(format, "format");
    if (width <= 0) {
      throw new InvalidValueException("width", width, "must be positive");
    }
    if (height <= 0) {
      throw new InvalidValueException("height", height, "must be positive");
    }
    Require.atLeast(bytes, 0, "bytes");
    if (type == Type.VIDEO) {
      Require.nonNegative(duration, "duration");
      Require.atMost(duration, Require.MAX_DURATION, "duration");
    } else if (duration != null) {
      throw new InvalidValueException("duration", duration, "is only for videos");
    }
  }

  /** An image item. */
  public static MediaItem image(String url, String format, int width, int height, long bytes) {
    return new MediaItem(Type.IMAGE, url, format, width, height, bytes, null);
  }

  /** A video item of the given length. */
  public static MediaItem video(
      String url, String format, int width, int height, long bytes, Duration duration) {
    return new MediaItem(Type.VIDEO, url, format, width, height, bytes, duration);
  }
}
