package app.omniy.testkit.graph;

import org.jspecify.annotations.Nullable;

/**
 * A Graph API error response: HTTP status plus the error object exactly as Meta shapes it, so the
 * adapter under test parses the real thing.
 */
record GraphError(
    int httpStatus,
    String type,
    int code,
    @Nullable Integer subcode,
    boolean transientError,
    String message,
    @Nullable String userTitle,
    @Nullable String userMessage) {

  GraphError(
      int httpStatus,
      String type,
      int code,
      @Nullable Integer subcode,
      boolean transientError,
      String message) {
    this(httpStatus, type, code, subcode, transientError, message, null, null);
  }

  static GraphError invalidParameter(String message) {
    return new GraphError(400, "OAuthException", 100, null, false, message);
  }

  /** A POST to an object or edge that only reads, as the Graph API answers it. */
  static GraphError unsupportedPost(String object) {
    return new GraphError(
        400,
        "GraphMethodException",
        100,
        33,
        false,
        "Unsupported post request. Object with ID '"
            + object
            + "' does not exist, cannot be loaded due to missing permissions, or does not support"
            + " this operation.");
  }

  /** A token exchange whose {@code client_secret} is missing or wrong, as Meta answers it. */
  static GraphError clientSecretInvalid() {
    return new GraphError(400, "OAuthException", 1, null, false, "Error validating client secret.");
  }

  /** A token exchange whose {@code client_id} is missing or not the app's. */
  static GraphError applicationInvalid() {
    return new GraphError(
        400,
        "OAuthException",
        101,
        null,
        false,
        "Error validating application. Invalid application ID.");
  }

  static GraphError expiredToken() {
    return new GraphError(
        400,
        "OAuthException",
        190,
        463,
        false,
        "Error validating access token: Session has expired.");
  }

  static GraphError invalidToken() {
    return new GraphError(
        400,
        "OAuthException",
        190,
        467,
        false,
        "Invalid OAuth access token - Cannot parse access token");
  }

  /** Instagram could not download the media from the URL it was given, as Meta answers it. */
  static GraphError mediaNotFetchable() {
    return new GraphError(
        400,
        "OAuthException",
        9004,
        2207052,
        false,
        "Only photo or video can be accepted as media type.",
        "Media download has failed.",
        "The media could not be fetched from the URI provided. Make sure the URI is valid and"
            + " publicly accessible.");
  }

  static GraphError serverError() {
    return new GraphError(
        500,
        "OAuthException",
        2,
        null,
        true,
        "An unexpected error has occurred. Please retry your request later.");
  }

  static GraphError throttled() {
    return new GraphError(
        429,
        "OAuthException",
        80002,
        null,
        true,
        "There have been too many calls to this Instagram account. Wait a bit and try again.");
  }

  static GraphError quotaReached() {
    return new GraphError(
        400,
        "OAuthException",
        9,
        2207042,
        false,
        "Application request limit reached: the account reached its publishing limit.");
  }

  static GraphError notReady() {
    return new GraphError(
        400,
        "OAuthException",
        9007,
        2207027,
        false,
        "The media is not ready for publishing, please wait for a moment");
  }

  static GraphError containerExpired() {
    return new GraphError(
        400,
        "OAuthException",
        100,
        2207020,
        false,
        "The media you are trying to publish has expired. Please try to upload it again.");
  }

  static GraphError containerFailed() {
    return new GraphError(
        400,
        "OAuthException",
        100,
        2207053,
        false,
        "An unknown error occurred during upload. Please create a new container.");
  }

  static GraphError containerLimit() {
    return new GraphError(
        400,
        "OAuthException",
        4,
        2207051,
        false,
        "Too many containers created in the last 24 hours.");
  }

  /** The response body: {@code {"error": {...}}}. */
  String toJson(String fbtraceId) {
    Json.Object error =
        Json.object()
            .put("message", message)
            .put("type", type)
            .put("code", code)
            .put("is_transient", transientError)
            .put("fbtrace_id", fbtraceId);
    if (subcode != null) {
      error.put("error_subcode", subcode);
    }
    if (userTitle != null) {
      error.put("error_user_title", userTitle);
    }
    if (userMessage != null) {
      error.put("error_user_msg", userMessage);
    }
    return Json.object().put("error", error).toString();
  }
}
