package app.omniy.core.post.spi;

/**
 * The class of an attempt's outcome (POST-5), which decides what happens next. The Instagram
 * adapter maps Meta's error codes to these ({@code reference/instagram-graph-api.md}, "Errors").
 */
public enum OutcomeClass {
  /** It worked. */
  SUCCESS,
  /** A server error or timeout: try again after a backoff. */
  TRANSIENT,
  /** Throttled: try again after the wait the API stated, or a backoff; never exhausts attempts. */
  RATE_LIMITED,
  /** The account's publishing quota is used up (POST-3): defer; never exhausts attempts. */
  QUOTA,
  /** The container is still processing: poll again. */
  NOT_READY,
  /** The container expired or broke: try again with a new container. */
  NEW_CONTAINER,
  /** The token expired or was revoked: the account needs re-authorisation. */
  AUTH,
  /** Will never work and is not the user's doing (counts against the service, POST-9). */
  PERMANENT,
  /** Will never work because of the user's media or account (excluded from POST-9). */
  USER_CAUSED,
  /**
   * Instagram could not fetch the media from the user's URL (Meta's "media could not be fetched",
   * 9004 / 2207052): the user's doing, excluded from POST-9, but a URL may be briefly unreachable,
   * so it is retried a limited number of times ({@code RetryPolicy#mediaFetchRetries}) before the
   * post fails with {@code MEDIA_UNFETCHABLE}.
   */
  MEDIA_UNFETCHABLE;

  /** Whether another attempt can help. */
  public boolean isRetryable() {
    return switch (this) {
      case TRANSIENT, RATE_LIMITED, QUOTA, NOT_READY, NEW_CONTAINER, MEDIA_UNFETCHABLE -> true;
      case SUCCESS, AUTH, PERMANENT, USER_CAUSED -> false;
    };
  }
}
