package app.omniy.core.billing.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers which events (e.g. Stripe webhook events, by their {@code evt_…} id) were processed, so
 * a redelivered event is not applied twice, and hands out claims so that two concurrent deliveries
 * of one event are processed once: providers such as Stripe deliver an event at least once, retry
 * it, and may deliver it twice at the same time.
 *
 * <p>Lifecycle of an event id: unknown → {@link #claim claimed} → {@link #markProcessed processed};
 * or claimed → {@link #release released} (unknown again) when its handler failed, so the provider's
 * retry can process it. A claim older than its lease counts as abandoned (its worker died mid-way)
 * and may be taken over by the next delivery.
 *
 * <p>Implementations must be safe for concurrent use from several threads and, for a shared
 * backend, several processes: of any number of concurrent {@code claim} calls for one id, at most
 * one returns {@link EventClaim#CLAIMED}. Times are passed in; implementations never read a clock.
 */
public interface ProcessedEventStore {

  /**
   * Tries to claim {@code eventId} for processing.
   *
   * @param eventId the provider's event id
   * @param now the caller's current time; it also identifies this claim in {@link #release}
   * @param lease how long the claim protects the event before another worker may take it over
   * @return {@link EventClaim#CLAIMED} to the single caller that may process the event
   */
  EventClaim claim(String eventId, Instant now, Duration lease);

  /**
   * Records that the event was processed; later claims answer {@link EventClaim#ALREADY_PROCESSED}.
   * Called by the claim holder after its handler succeeded.
   */
  void markProcessed(String eventId, Instant now);

  /**
   * Drops the claim made at {@code claimedAt}, so the next delivery can process the event. Does
   * nothing if the event was processed meanwhile or another worker has taken the claim over.
   *
   * @param claimedAt the {@code now} that was passed to the {@link #claim} being released
   */
  void release(String eventId, Instant claimedAt);

  /** Whether {@code eventId} was marked processed. */
  boolean isProcessed(String eventId);

  /**
   * Forgets events marked processed before {@code cutoff}, so the store does not grow for ever.
   * Live claims are kept. Keep well beyond the sender's retry window (Stripe retries for up to
   * three days): an event redelivered after being forgotten would be processed again. A caller
   * passes a cutoff no later than its current time minus {@link #retention()}.
   *
   * @return how many processed events were forgotten
   */
  int forgetProcessedBefore(Instant cutoff);

  /**
   * How long this store remembers an event after it was {@link #markProcessed marked processed}, at
   * least: it never forgets one by itself sooner. A webhook endpoint must not accept a signed
   * delivery older than this, or a captured delivery could be replayed once its event id is
   * forgotten and be processed a second time; {@code StripeWebhooks} refuses a signature tolerance
   * longer than this when it is built.
   *
   * @return a positive duration, the same on every call
   */
  Duration retention();
}
