package app.omniy.testkit.graph;

import org.jspecify.annotations.Nullable;

/** A Graph API path resolved to the call it makes and the id it names. */
record Route(GraphCall call, String id) {

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
    if (first.equals("refresh_access_token")
        || (n == 2 && first.equals("oauth") && parts[start + 1].equals("access_token"))) {
      return new Route(GraphCall.REFRESH_TOKEN, "");
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
