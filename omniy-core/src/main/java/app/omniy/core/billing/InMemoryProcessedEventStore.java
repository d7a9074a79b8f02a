package app.omniy.core.billing;

import app.omniy.core.billing.spi.EventClaim;
import app.omniy.core.billing.spi.ProcessedEventStore;
import app.omniy.core.internal.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link ProcessedEventStore} in this process's memory: right for tests and for a host that runs
 * one instance and accepts that a restart forgets processed events (Stripe then redelivers only
 * what it has not seen acknowledged). Thread-safe; claims are atomic per event id.
 */
public final class InMemoryProcessedEventStore implements ProcessedEventStore {
  /** An event's state: processed, or claimed at {@code at} until {@code until}. */
  private record Entry(boolean processed, Instant at, Instant until) {}

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryProcessedEventStore() {}

  @Override
  public EventClaim claim(String eventId, Instant now, Duration lease) {
    Require.nonBlank(eventId, "eventId");
    Require.nonNull(now, "now");
    Require.positive(lease, "lease");
    var outcome = new AtomicReference<EventClaim>();
    entries.compute(
        eventId,
        (id, entry) -> {
          if (entry != null && entry.processed()) {
            outcome.set(EventClaim.ALREADY_PROCESSED);
            return entry;
          }
          if (entry != null && now.isBefore(entry.until())) {
            outcome.set(EventClaim.IN_PROGRESS);
            return entry;
          }
          outcome.set(EventClaim.CLAIMED);
          return new Entry(false, now, now.plus(lease));
        });
    return outcome.get();
  }

  @Override
  public void markProcessed(String eventId, Instant now) {
    Require.nonBlank(eventId, "eventId");
    Require.nonNull(now, "now");
    entries.put(eventId, new Entry(true, now, now));
  }

  @Override
  public void release(String eventId, Instant claimedAt) {
    Require.nonBlank(eventId, "eventId");
    Require.nonNull(claimedAt, "claimedAt");
    entries.computeIfPresent(
        eventId, (id, entry) -> !entry.processed() && entry.at().equals(claimedAt) ? null : entry);
  }

  @Override
  public boolean isProcessed(String eventId) {
    Require.nonBlank(eventId, "eventId");
    Entry entry = entries.get(eventId);
    return entry != null && entry.processed();
  }
}
