package app.omniy.core.post;

/**
 * The stable reason codes Omniy records on transitions (POST-4). {@link
 * app.omniy.core.sla.PostSuccessRate} reads them to tell failures that count against the service
 * from the user's own doing (POST-9).
 */
public final class Reasons {
  private Reasons() {}

  /** A worker started an attempt. */
  public static final String ATTEMPT_STARTED = "ATTEMPT_STARTED";

  /** The container was published. */
  public static final String PUBLISHED = "PUBLISHED";

  /** Deferred by the publishing or container quota (POST-3). */
  public static final String QUOTA_DEFERRED = "QUOTA_DEFERRED";

  /** Not published within the grace after its publish time (POST-6): counts against us. */
  public static final String MISSED_WINDOW = "MISSED_WINDOW";

  /** The retry policy's attempts ran out (POST-5): counts against us. */
  public static final String RETRIES_EXHAUSTED = "RETRIES_EXHAUSTED";

  /**
   * The attempt threw something unexpected (a publisher's or store's bug: an {@code
   * AssertionError}, a {@code LinkageError}, an {@code OutOfMemoryError}…; see {@code
   * app.omniy.core.dispatch.Survivable}): the post goes on the retry path (POST-5) and, once its
   * attempts run out, fails with this reason, which counts against us.
   */
  public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

  /** A permanent error that is not the user's doing: counts against us. */
  public static final String PERMANENT_ERROR = "PERMANENT_ERROR";

  /** Rejected for the user's own doing (bad media, restricted account): excluded (POST-9). */
  public static final String USER_CAUSED = "USER_CAUSED";

  /**
   * Instagram could not fetch the post's media from the user's URL (9004 / 2207052), still after
   * the retries the retry policy allows ({@code RetryPolicy#mediaFetchRetries}): the URL is not
   * public, gone, or blocks Meta's crawler. The user's doing: excluded (POST-9).
   */
  public static final String MEDIA_UNFETCHABLE = "MEDIA_UNFETCHABLE";

  /** The account needs re-authorisation: excluded (POST-9). */
  public static final String NEEDS_REAUTH = "NEEDS_REAUTH";

  /** The host cancelled the post: excluded (POST-9). */
  public static final String CANCELLED = "CANCELLED";

  /** The host moved the publish time. */
  public static final String RESCHEDULED = "RESCHEDULED";

  /** The host changed the post's content. */
  public static final String EDITED = "EDITED";

  /** The host asked to retry a FAILED post; a fresh attempt with a new container (POST-7). */
  public static final String RETRY_REQUESTED = "RETRY_REQUESTED";

  /** Reconciliation found the container published after all (POST-7). */
  public static final String RECONCILED_PUBLISHED = "RECONCILED_PUBLISHED";

  /** The account was reconnected after NEEDS_REAUTH. */
  public static final String REAUTHORISED = "REAUTHORISED";

  /**
   * Whether a FAILED post whose last move has reason code {@code reasonCode} failed through the
   * user's own doing ({@link #USER_CAUSED}, {@link #MEDIA_UNFETCHABLE}), so POST-9 excludes it.
   */
  public static boolean isUserCausedFailure(String reasonCode) {
    return USER_CAUSED.equals(reasonCode) || MEDIA_UNFETCHABLE.equals(reasonCode);
  }

  /** {@code code}, or {@code code: detail} when there is a detail. */
  public static String of(String code, String detail) {
    return detail.isBlank() ? code : code + ": " + detail;
  }
}
