package app.omniy.testkit.graph;

/** The kinds of Graph API call the {@link FakeGraphApi} serves, for targeting faults. */
public enum GraphCall {
  /** {@code POST /{ig-user-id}/media}: create a container. */
  CREATE_CONTAINER,
  /** {@code GET /{container-id}?fields=status_code}: a container's status. */
  CONTAINER_STATUS,
  /** {@code POST /{ig-user-id}/media_publish}: publish a container. */
  PUBLISH,
  /** {@code GET /{ig-user-id}/content_publishing_limit}: the rolling 24 h quota. */
  PUBLISHING_LIMIT,
  /** {@code POST /{media-id}/comments}: the first comment. */
  COMMENT,
  /**
   * Refreshing a long-lived token: Instagram Login's {@code GET /refresh_access_token} or Facebook
   * Login's {@code oauth/access_token} exchange ({@code POST} with a form body, or {@code GET}).
   */
  REFRESH_TOKEN
}
