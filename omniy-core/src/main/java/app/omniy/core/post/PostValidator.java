package app.omniy.core.post;

import app.omniy.core.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a post against {@link PostLimits} (POST-2) and reports every violation at once, so a user
 * fixes a post in one round. Pure: the current instant is an argument.
 *
 * @param limits the limits to check against
 */
public record PostValidator(PostLimits limits) {

  /** A validator with the catalogue's limits. */
  public static PostValidator withDefaults() {
    return new PostValidator(PostLimits.DEFAULTS);
  }

  /** Checks the limits are present. */
  public PostValidator {
    Require.nonNull(limits, "limits");
  }

  /** Every rule {@code post} breaks when scheduled at {@code now}; empty when it is acceptable. */
  public List<Violation> check(Post post, Instant now) {
    Require.nonNull(post, "post");
    Require.nonNull(now, "now");
    List<Violation> out = new ArrayList<>();
    checkText(post, out);
    checkMedia(post.media(), out);
    checkPublishTime(post.publishAt(), now, out);
    return List.copyOf(out);
  }

  /**
   * Throws when {@code post} breaks a rule.
   *
   * @throws PostRejectedException listing every violation
   */
  public void require(Post post, Instant now) {
    List<Violation> violations = check(post, now);
    if (!violations.isEmpty()) {
      throw new PostRejectedException(violations);
    }
  }

  /** Only the publish-time rules, for a reschedule. */
  public List<Violation> checkPublishTime(Instant publishAt, Instant now) {
    List<Violation> out = new ArrayList<>();
    checkPublishTime(Require.nonNull(publishAt, "publishAt"), Require.nonNull(now, "now"), out);
    return List.copyOf(out);
  }

  private void checkText(Post post, List<Violation> out) {
    String caption = post.caption();
    atMost(
        out,
        "caption",
        caption,
        Captions.length(caption),
        limits.captionMaxChars(),
        ViolationCode.CAPTION_TOO_LONG,
        "characters");
    atMost(
        out,
        "caption",
        caption,
        Captions.hashtags(caption),
        limits.maxHashtags(),
        ViolationCode.TOO_MANY_HASHTAGS,
        "hashtags");
    atMost(
        out,
        "caption",
        caption,
        Captions.mentions(caption),
        limits.maxMentions(),
        ViolationCode.TOO_MANY_MENTIONS,
        "@-mentions");
    atMost(
        out,
        "userTags",
        String.valueOf(post.userTags().size()),
        post.userTags().size(),
        limits.maxUserTags(),
        ViolationCode.TOO_MANY_USER_TAGS,
        "user tags");
    String comment = post.firstComment();
    if (comment != null) {
      atMost(
          out,
          "firstComment",
          comment,
          Captions.length(comment),
          limits.captionMaxChars(),
          ViolationCode.FIRST_COMMENT_TOO_LONG,
          "characters");
    }
  }

  private void checkMedia(Media media, List<Violation> out) {
    if (media instanceof Media.Image image) {
      checkImage(image.item(), "media.item", out);
    } else if (media instanceof Media.Reel reel) {
      checkVideo(reel.video(), "media.video", out);
    } else {
      List<MediaItem> items = media.items();
      int n = items.size();
      String count = String.valueOf(n);
      if (n < limits.carouselMinItems()) {
        out.add(
            new Violation(
                "media.items",
                count,
                ViolationCode.CAROUSEL_TOO_FEW_ITEMS,
                "a carousel needs at least " + limits.carouselMinItems() + " items, has " + n));
      }
      if (n > limits.carouselMaxItems()) {
        out.add(
            new Violation(
                "media.items",
                count,
                ViolationCode.CAROUSEL_TOO_MANY_ITEMS,
                "a carousel takes at most " + limits.carouselMaxItems() + " items, has " + n));
      }
      for (int i = 0; i < n; i++) {
        MediaItem item = items.get(i);
        String field = "media.items[" + i + "]";
        if (item.type() == MediaItem.Type.IMAGE) {
          checkImage(item, field, out);
        } else {
          checkVideo(item, field, out);
        }
      }
    }
  }

  private void checkImage(MediaItem item, String field, List<Violation> out) {
    if (item.type() != MediaItem.Type.IMAGE) {
      out.add(
          new Violation(
              field + ".type",
              item.type().name(),
              ViolationCode.MEDIA_TYPE_MISMATCH,
              "must be an image"));
      return;
    }
    String format = item.format().toUpperCase(Locale.ROOT);
    if (!limits.imageFormats().contains(format)) {
      out.add(
          new Violation(
              field + ".format",
              item.format(),
              ViolationCode.IMAGE_FORMAT_NOT_ALLOWED,
              "must be one of " + limits.imageFormats()));
    }
    if (item.bytes() > limits.imageMaxBytes()) {
      out.add(
          new Violation(
              field + ".bytes",
              String.valueOf(item.bytes()),
              ViolationCode.IMAGE_TOO_LARGE,
              "must be at most " + limits.imageMaxBytes() + " bytes"));
    }
    String shape = item.width() + "x" + item.height();
    if (limits.narrowestImage().compareShape(item.width(), item.height()) < 0) {
      out.add(
          new Violation(
              field + ".aspectRatio",
              shape,
              ViolationCode.ASPECT_RATIO_TOO_TALL,
              "must not be taller than " + limits.narrowestImage()));
    }
    if (limits.widestImage().compareShape(item.width(), item.height()) > 0) {
      out.add(
          new Violation(
              field + ".aspectRatio",
              shape,
              ViolationCode.ASPECT_RATIO_TOO_WIDE,
              "must not be wider than " + limits.widestImage()));
    }
  }

  private void checkVideo(MediaItem item, String field, List<Violation> out) {
    if (item.type() != MediaItem.Type.VIDEO) {
      out.add(
          new Violation(
              field + ".type",
              item.type().name(),
              ViolationCode.MEDIA_TYPE_MISMATCH,
              "must be a video"));
      return;
    }
    String format = item.format().toUpperCase(Locale.ROOT);
    if (!limits.videoFormats().contains(format)) {
      out.add(
          new Violation(
              field + ".format",
              item.format(),
              ViolationCode.VIDEO_FORMAT_NOT_ALLOWED,
              "must be one of " + limits.videoFormats()));
    }
    Duration duration = Require.nonNull(item.duration(), field + ".duration");
    if (duration.compareTo(limits.videoMinDuration()) < 0) {
      out.add(
          new Violation(
              field + ".duration",
              duration.toString(),
              ViolationCode.VIDEO_TOO_SHORT,
              "must be at least " + limits.videoMinDuration()));
    }
    if (duration.compareTo(limits.videoMaxDuration()) > 0) {
      out.add(
          new Violation(
              field + ".duration",
              duration.toString(),
              ViolationCode.VIDEO_TOO_LONG,
              "must be at most " + limits.videoMaxDuration()));
    }
    if (item.bytes() > limits.videoMaxBytes()) {
      out.add(
          new Violation(
              field + ".bytes",
              String.valueOf(item.bytes()),
              ViolationCode.VIDEO_TOO_LARGE,
              "must be at most " + limits.videoMaxBytes() + " bytes"));
    }
  }

  private void checkPublishTime(Instant publishAt, Instant now, List<Violation> out) {
    Instant earliest = now.plus(limits.minLead());
    Instant latest = now.plus(limits.horizon());
    if (publishAt.isBefore(earliest)) {
      out.add(
          new Violation(
              "publishAt",
              publishAt.toString(),
              ViolationCode.PUBLISH_TIME_TOO_SOON,
              "must be at least " + limits.minLead() + " after now (" + now + ")"));
    }
    if (publishAt.isAfter(latest)) {
      out.add(
          new Violation(
              "publishAt",
              publishAt.toString(),
              ViolationCode.PUBLISH_TIME_TOO_FAR,
              "must be at most " + limits.horizon() + " after now (" + now + ")"));
    }
  }

  private static void atMost(
      List<Violation> out,
      String field,
      String value,
      int actual,
      int max,
      ViolationCode code,
      String unit) {
    if (actual > max) {
      out.add(
          new Violation(
              field, value, code, "must have at most " + max + " " + unit + ", has " + actual));
    }
  }
}
