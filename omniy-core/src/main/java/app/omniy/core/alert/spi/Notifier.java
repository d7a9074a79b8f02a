package app.omniy.core.alert.spi;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.Digest;
import java.util.List;

/**
 * Sends one alert notification somewhere: Slack, SMS, e-mail, a webhook. Implementations make one
 * attempt and throw when it fails; retrying with backoff, reporting and isolating channels from
 * each other is the {@code NotificationDispatcher}'s job. Must be thread-safe: channels are sent in
 * parallel.
 */
public interface Notifier {

  /**
   * Sends {@code event} once.
   *
   * @throws DeliveryException when it was not delivered; {@link DeliveryException#retryable()} says
   *     whether trying again may help
   */
  void send(AlertEvent event);

  /**
   * Sends {@code events}, alerts that fired within the dispatcher's group wait, as one message
   * listing them all, once. By default each is sent on its own, in order (so a failure part-way
   * sends the first ones again on a retry); Omniy's notifiers override it.
   *
   * @throws DeliveryException when it was not delivered
   */
  default void sendGroup(List<AlertEvent> events) {
    for (AlertEvent event : events) {
      send(event);
    }
  }

  /**
   * Sends the morning digest ({@link Digest}: the notifications held during the quiet hours and the
   * day's figures) as one message. By default the held notifications as a group, nothing when none
   * was held (the figures need a notifier that formats them); Omniy's notifiers override it.
   *
   * @throws DeliveryException when it was not delivered
   */
  default void sendDigest(Digest digest) {
    if (digest.held().size() == 1) {
      send(digest.held().get(0));
    } else if (!digest.held().isEmpty()) {
      sendGroup(digest.held());
    }
  }
}
