package app.omniy.stripe;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one webhook delivery. The endpoint returns {@link #httpStatus()} with an empty body
 * or {@link #detail()}; the detail never contains the payload or a secret.
 *
 * @param outcome what happened
 * @param eventId the event's id, when the payload was verified and parsed
 * @param eventType the event's type, when the payload was verified and parsed
 * @param detail a short reason, for logs and the response body
 */
public record WebhookResult(
    WebhookOutcome outcome, @Nullable String eventId, @Nullable String eventType, String detail) {

  /** The HTTP status the endpoint answers Stripe with. */
  public int httpStatus() {
    return outcome.httpStatus();
  }

  /** The event's id, when the payload was verified and parsed. */
  public Optional<String> id() {
    return Optional.ofNullable(eventId);
  }
}
