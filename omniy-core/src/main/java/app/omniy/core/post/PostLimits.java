package app.omniy.core.post;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Duration;
import java.util.Set;

/**
 * The limits {@link PostValidator} checks (POST-2), as configuration rather than literals; {@link
 * #DEFAULTS} holds the catalogue's values. Sizes are in bytes with MB meaning 2<sup>20</sup> bytes,
 * as Meta's pages give them ("8 MB", "300 MB") for file uploads.
 *
 * @param captionMaxChars caption length in Unicode code points (see {@link Captions})
 * @param maxHashtags hashtags in the caption
 * @param maxMentions {@code @}-mentions in the caption
 * @param maxUserTags user tags on the media
 * @param carouselMinItems fewest carousel items
 * @param carouselMaxItems most carousel items
 * @param imageFormats accepted image formats, upper case
 * @param videoFormats accepted video formats, upper case
 * @param narrowestImage the tallest accepted image shape
 * @param widestImage the widest accepted image shape
 * @param imageMaxBytes largest image file
 * @param videoMinDuration shortest reel or video
 * @param videoMaxDuration longest reel or video
 * @param videoMaxBytes largest reel or video file
 * @param minLead how far ahead of now a publish time must be at least
 * @param horizon how far ahead of now a publish time may be at most
 */
public record PostLimits(
    int captionMaxChars,
    int maxHashtags,
    int maxMentions,
    int maxUserTags,
    int carouselMinItems,
    int carouselMaxItems,
    Set<String> imageFormats,
    Set<String> videoFormats,
    AspectRatio narrowestImage,
    AspectRatio widestImage,
    long imageMaxBytes,
    Duration videoMinDuration,
    Duration videoMaxDuration,
    long videoMaxBytes,
    Duration minLead,
    Duration horizon) {

  /** One MB as the limits use it. */
  public static final long MB = 1024L * 1024L;

  /** The catalogue's limits (POST-2). */
  public static final PostLimits DEFAULTS =
      new PostLimits(
          2_200,
          30,
          20,
          20,
          2,
          10,
          Set.of("JPEG"),
          Set.of("MP4", "MOV"),
          AspectRatio.PORTRAIT_4_5,
          AspectRatio.LANDSCAPE_191_100,
          8 * MB,
          Duration.ofSeconds(3),
          Duration.ofMinutes(15),
          300 * MB,
          Duration.ofMinutes(10),
          Duration.ofDays(75));

  /**
   * @throws InvalidValueException naming the field if one is missing, negative, a duration is
   *     beyond {@link Require#MAX_DURATION}, or a range is inverted
   */
  public PostLimits {
    Require.atLeast(captionMaxChars, 0, "captionMaxChars");
    Require.atLeast(maxHashtags, 0, "maxHashtags");
    Require.atLeast(maxMentions, 0, "maxMentions");
    Require.atLeast(maxUserTags, 0, "maxUserTags");
    Require.atLeast(carouselMinItems, 1, "carouselMinItems");
    Require.atLeast(carouselMaxItems, carouselMinItems, "carouselMaxItems");
    imageFormats = Set.copyOf(Require.nonNull(imageFormats, "imageFormats"));
    videoFormats = Set.copyOf(Require.nonNull(videoFormats, "videoFormats"));
    Require.nonNull(narrowestImage, "narrowestImage");
    Require.nonNull(widestImage, "widestImage");
    if (widestImage.compareShape(narrowestImage.width(), narrowestImage.height()) > 0) {
      throw new InvalidValueException(
          "widestImage", widestImage, "must not be narrower than " + narrowestImage);
    }
    Require.atLeast(imageMaxBytes, 0, "imageMaxBytes");
    Require.nonNegative(videoMinDuration, "videoMinDuration");
    Require.atMost(videoMinDuration, Require.MAX_DURATION, "videoMinDuration");
    Require.nonNegative(videoMaxDuration, "videoMaxDuration");
    Require.atMost(videoMaxDuration, Require.MAX_DURATION, "videoMaxDuration");
    if (videoMaxDuration.compareTo(videoMinDuration) < 0) {
      throw new InvalidValueException(
          "videoMaxDuration", videoMaxDuration, "must not be below videoMinDuration");
    }
    Require.atLeast(videoMaxBytes, 0, "videoMaxBytes");
    Require.nonNegative(minLead, "minLead");
    Require.atMost(minLead, Require.MAX_DURATION, "minLead");
    Require.nonNegative(horizon, "horizon");
    Require.atMost(horizon, Require.MAX_DURATION, "horizon");
    if (horizon.compareTo(minLead) < 0) {
      throw new InvalidValueException("horizon", horizon, "must not be below minLead");
    }
  }

  /** These limits with another minimum lead. */
  public PostLimits withMinLead(Duration lead) {
    return new PostLimits(
        captionMaxChars,
        maxHashtags,
        maxMentions,
        maxUserTags,
        carouselMinItems,
        carouselMaxItems,
        imageFormats,
        videoFormats,
        narrowestImage,
        widestImage,
        imageMaxBytes,
        videoMinDuration,
        videoMaxDuration,
        videoMaxBytes,
        lead,
        horizon);
  }
}
