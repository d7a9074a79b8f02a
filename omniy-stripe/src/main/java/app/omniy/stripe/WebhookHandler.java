package app.omniy.stripe;

import app.omniy.core.Require;
import com.stripe.model.Event;

/**
 * Handles one type of Stripe event. Called at most once per successful processing of an event, but
 * an event whose handler failed is delivered again, and a handler that succeeded but whose success
 * could not be recorded may run again: make it idempotent. Stripe does not deliver events in order;
 * see {@link SubscriptionStatuses} for state that stays right whatever the order.
 *
 * <p>{@code event.getDataObjectDeserializer().getObject()} is present only when the event's {@code
 * api_version} is the one this SDK was built for ({@link com.stripe.Stripe#API_VERSION}); set the
 * webhook endpoint to that version.
 */
@FunctionalInterface
public interface WebhookHandler {

  /**
   * Applies the event. Throwing makes the delivery fail with a 500, so Stripe retries it.
   *
   * @throws Exception anything that should make Stripe retry the event
   */
  void handle(Event event) throws Exception;

  /**
   * This handler, then {@code next} if this one succeeded. If {@code next} fails, the event is
   * retried and this handler runs again: both must be idempotent.
   */
  default WebhookHandler andThen(WebhookHandler next) {
    Require.nonNull(next, "next");
    return event -> {
      handle(event);
      next.handle(event);
    };
  }
}
