package app.omniy.testkit.graph;

import org.jspecify.annotations.Nullable;

/**
 * A Graph API path resolved to the call it makes and the id it names; for a token refresh, the id
 * is the endpoint: {@link #IG_REFRESH} or {@link #FB_EXCHANGE}.
 */
record Route(GraphCall call, String id) {
  /** Instagram Login's {@code refresh_access_token}. */
  static final String IG_REFRESH = "refresh_access_token";

  /** Facebook Login's {@code oauth/access_token} exchange. */
  static final String FB_EXCHANGE = "oauth/access_token";

  /**
   * Resolves {@code /v26.0/{id}/media}, {@code /v26.0/{id}/media_publish}, {@code
   * /v26.0/{id}/content_publishing_limit}, {@code /v26.0/{id}/comments}, {@code /v26.0/{id}} and
   * the token refresh endpoints; the version segment is optional.
   */
  static @Nullable Route of(String method, String path) {
    String[] parts = path.replaceAll("^/+|/+$", "").split("/");
    int start = parts.length > 0 && parts[0].matches("v\\d+\\.\\d+") ? 1 : 0;
    int n = parts.length - start;
    if (n <= 0) {
      return null;
    }
    String first = parts[start];
    if (n == 1 && first.equals(IG_REFRESH)) {
      return new Route(GraphCall.REFRESH_TOKEN, IG_REFRESH);
    }
    if (n == 2 && first.equals("oauth") && parts[start + 1].equals("access_token")) {
      return new Route(GraphCall.REFRESH_TOKEN, FB_EXCHANGE);
    }
    if (n == 1 && method.equals("GET")) {
      return new Route(GraphCall.CONTAINER_STATUS, first);
    }
    if (n != 2) {
      return null;
    }
    return switch (method + " " + parts[start + 1]) {
      case "POST media" -> new Route(GraphCall.CREATE_CONTAINER, first);
      case "POST media_publish" -> new Route(GraphCall.PUBLISH, first);
      case "GET content_publishing_limit" -> new Route(GraphCall.PUBLISHING_LIMIT, first);
      case "POST comments" -> new Route(GraphCall.COMMENT, first);
      default -> null;
    };
  }
}
