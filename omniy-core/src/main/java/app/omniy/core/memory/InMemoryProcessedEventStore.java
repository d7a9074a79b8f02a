package app.omniy.core.memory;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.billing.spi.EventClaim;
import app.omniy.core.billing.spi.ProcessedEventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link ProcessedEventStore} in this process's memory: right for tests and for a host that runs
 * one instance and accepts that a restart forgets processed events (Stripe then redelivers only
 * what it has not seen acknowledged). Thread-safe; claims are atomic per event id.
 *
 * <p>So that a long-running process does not grow for ever, every {@value #PRUNE_EVERY}th {@link
 * #markProcessed} forgets events processed longer than the retention ago (30 days unless given).
 */
public final class InMemoryProcessedEventStore implements ProcessedEventStore {
  /** An event's state: processed, or claimed at {@code at} until {@code until}. */
  private record Entry(boolean processed, Instant at, Instant until) {}

  static final int PRUNE_EVERY = 1024;

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Duration retention;
  private final AtomicInteger marksSincePrune = new AtomicInteger();

  /** An empty store keeping processed events for 30 days. */
  public InMemoryProcessedEventStore() {
    this(Duration.ofDays(30));
  }

  /**
   * An empty store keeping processed events for {@code retention}.
   *
   * @throws InvalidValueException unless {@code retention} is at least 3 days, Stripe's retry
   *     window
   */
  public InMemoryProcessedEventStore(Duration retention) {
    if (Require.nonNull(retention, "retention").compareTo(Duration.ofDays(3)) < 0) {
      throw new InvalidValueException(
          "retention", retention, "must cover Stripe's 3-day retry window");
    }
    this.retention = retention;
  }

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
    if (marksSincePrune.incrementAndGet() >= PRUNE_EVERY) {
      marksSincePrune.set(0);
      forgetProcessedBefore(now.minus(retention));
    }
  }

  @Override
  public void release(String eventId, Instant claimedAt) {
    Require.nonBlank(eventId, "eventId");
    Require.nonNull(claimedAt, "claimedAt");
    entries.computeIfPresent(
        eventId, (id, entry) -> !entry.processed() && entry.at().equals(claimedAt) ? null : entry);
  }

  @Override
  public int forgetProcessedBefore(Instant cutoff) {
    Require.nonNull(cutoff, "cutoff");
    int before = entries.size();
    entries.values().removeIf(entry -> entry.processed() && entry.at().isBefore(cutoff));
    return Math.max(0, before - entries.size());
  }

  /** The retention this store was made with: 30 days unless given. */
  @Override
  public Duration retention() {
    return retention;
  }

  @Override
  public boolean isProcessed(String eventId) {
    Require.nonBlank(eventId, "eventId");
    Entry entry = entries.get(eventId);
    return entry != null && entry.processed();
  }
}
