package app.omniy.instagram.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** What one Graph API call came to: a body, an error object, or no answer at all. */
public sealed interface GraphResponse {
  /** The usage headers of the answer; {@link RateLimitUsage#NONE} when there was none. */
  RateLimitUsage usage();

  /** A 2xx answer with its JSON body. */
  record Ok(JsonNode body, RateLimitUsage usage) implements GraphResponse {}

  /** An error answer with Meta's error object. */
  record Failed(GraphApiError error, RateLimitUsage usage) implements GraphResponse {}

  /**
   * No answer: a reset, a timeout, or the circuit breaker refusing the call. For a {@code
   * media_publish} this means the outcome is unknown (POST-7).
   *
   * @param reason what happened, never containing a token
   */
  record NoAnswer(String reason) implements GraphResponse {
    @Override
    public RateLimitUsage usage() {
      return RateLimitUsage.NONE;
    }
  }
}
