package app.omniy.runtime.alert;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.Channel;
import app.omniy.core.alert.spi.DeliveryException;
import app.omniy.core.alert.spi.Notifier;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alert events on their channels: every channel in parallel, each retried with exponential
 * backoff (Failsafe) while its failure is temporary, every outcome reported — so one failing
 * channel never delays or stops the others, and the alert still arrives on the rest. Escalations
 * (ALERT-3) also go to the escalation contact.
 */
public final class NotificationDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final Map<Channel, Notifier> notifiers;
  private final @Nullable Notifier escalationContact;
  private final RetryPolicy<Object> retry;
  private final ExecutorService executor;

  /**
   * @param notifiers one notifier per channel; a channel without one is reported as undelivered
   * @param escalationContact who else hears of escalations, or null
   * @param maxRetries retries after the first attempt
   * @param firstDelay the first backoff delay, doubled on each retry up to {@code maxDelay}
   * @param maxDelay the longest backoff delay
   * @param executor runs the deliveries; the caller owns and shuts it down
   */
  public NotificationDispatcher(
      Map<Channel, Notifier> notifiers,
      @Nullable Notifier escalationContact,
      int maxRetries,
      Duration firstDelay,
      Duration maxDelay,
      ExecutorService executor) {
    this.notifiers = new EnumMap<>(Channel.class);
    if (notifiers == null || executor == null) {
      throw new InvalidValueException(
          notifiers == null ? "notifiers" : "executor", null, "is required");
    }
    this.notifiers.putAll(notifiers);
    this.escalationContact = escalationContact;
    this.retry =
        RetryPolicy.builder()
            .handleIf(NotificationDispatcher::temporary)
            .withBackoff(firstDelay, maxDelay)
            .withMaxRetries(maxRetries)
            .build();
    this.executor = executor;
  }

  private static boolean temporary(@Nullable Object result, @Nullable Throwable failure) {
    return failure instanceof UncheckedIOException
        || (failure instanceof DeliveryException delivery && delivery.retryable());
  }

  /** Sends every event on every target, in parallel, and waits for all outcomes. */
  public List<Delivery> dispatch(List<AlertEvent> events) {
    List<CompletableFuture<Delivery>> pending = new ArrayList<>();
    for (AlertEvent event : events) {
      for (Channel channel : event.channels()) {
        pending.add(send(event, channel.name().toLowerCase(Locale.ROOT), notifiers.get(channel)));
      }
      if (event.toEscalationContact()) {
        pending.add(send(event, "escalation-contact", escalationContact));
      }
    }
    List<Delivery> deliveries = new ArrayList<>();
    for (CompletableFuture<Delivery> delivery : pending) {
      deliveries.add(delivery.join());
    }
    return deliveries;
  }

  private CompletableFuture<Delivery> send(
      AlertEvent event, String target, @Nullable Notifier notifier) {
    if (notifier == null) {
      Delivery missing = new Delivery(event, target, false, 0, "no notifier for " + target);
      LOG.warn("Alert {} {} not sent: {}", event.kind(), event.key(), missing.error());
      return CompletableFuture.completedFuture(missing);
    }
    AtomicInteger attempts = new AtomicInteger();
    return Failsafe.with(retry)
        .with(executor)
        .runAsync(
            () -> {
              attempts.incrementAndGet();
              notifier.send(event);
            })
        .handle(
            (ok, failure) -> {
              if (failure == null) {
                return new Delivery(event, target, true, attempts.get(), null);
              }
              Throwable cause =
                  failure instanceof FailsafeException && failure.getCause() != null
                      ? failure.getCause()
                      : failure;
              LOG.warn(
                  "Alert {} {} not delivered to {} after {} attempts: {}",
                  event.kind(),
                  event.key(),
                  target,
                  attempts.get(),
                  cause.toString());
              return new Delivery(event, target, false, attempts.get(), cause.getMessage());
            });
  }
}
