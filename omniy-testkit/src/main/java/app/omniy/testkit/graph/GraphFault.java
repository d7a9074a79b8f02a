package app.omniy.testkit.graph;

/**
 * A fault the {@link FakeGraphApi} can inject into a Graph API call, shaped as the real API answers
 * (`../shared/reference/instagram-graph-api.md`).
 */
public enum GraphFault {
  /** HTTP 500 with error code 2 and {@code is_transient: true}: retry later. */
  SERVER_ERROR,
  /**
   * HTTP 429 with error code 80002 (Instagram business use-case throttling) and an {@code
   * X-Business-Use-Case-Usage} header stating {@code estimated_time_to_regain_access}.
   */
  RATE_LIMITED,
  /** The connection is closed before any response: the client sees a reset or an EOF. */
  CONNECTION_RESET,
  /** The response comes after the fake's configured stall, longer than a sane client timeout. */
  STALL,
  /** HTTP 400 with error code 190, subcode 463: the access token has expired. */
  EXPIRED_TOKEN,
  /**
   * For container creation: HTTP 400 with error code 9004, subcode 2207052, "Media download has
   * failed": Instagram could not fetch the media from its URL (not public, gone, or blocking Meta's
   * crawler).
   */
  MEDIA_NOT_FETCHABLE,
  /**
   * Only for {@code media_publish}: the post goes out, then the connection is closed before the
   * response, so the caller cannot know the media id (POST-7's hardest case).
   */
  LOST_PUBLISH_RESPONSE
}
