package app.omniy.core.post;

/**
 * Why a post was rejected (POST-2). The names are stable: hosts may map them to their own texts.
 */
public enum ViolationCode {
  CAPTION_TOO_LONG,
  TOO_MANY_HASHTAGS,
  TOO_MANY_MENTIONS,
  TOO_MANY_USER_TAGS,
  FIRST_COMMENT_TOO_LONG,
  CAROUSEL_TOO_FEW_ITEMS,
  CAROUSEL_TOO_MANY_ITEMS,
  MEDIA_TYPE_MISMATCH,
  IMAGE_FORMAT_NOT_ALLOWED,
  IMAGE_TOO_LARGE,
  ASPECT_RATIO_TOO_TALL,
  ASPECT_RATIO_TOO_WIDE,
  VIDEO_FORMAT_NOT_ALLOWED,
  VIDEO_TOO_SHORT,
  VIDEO_TOO_LONG,
  VIDEO_TOO_LARGE,
  PUBLISH_TIME_TOO_SOON,
  PUBLISH_TIME_TOO_FAR,
  /**
   * The account's publishing limit for the rolling 24 h around the publish time is already taken
   * (POST-3); only when scheduling refuses such posts ({@code ScheduleQuotaMode.REFUSE}).
   */
  QUOTA_FULL
}
