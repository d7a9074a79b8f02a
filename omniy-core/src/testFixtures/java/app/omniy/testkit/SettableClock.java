package app.omniy.testkit;

import app.omniy.core.InvalidValueException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it. Thread-safe; views made with {@link
 * #withZone} share this clock's instant, so advancing one advances them all.
 *
 * <pre>{@code
 * var clock = SettableClock.at(Instant.parse("2026-04-01T00:00:00Z"));
 * clock.advance(Duration.ofMinutes(5));
 * }</pre>
 */
public final class SettableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock standing at {@code instant}, in UTC. */
  public static SettableClock at(Instant instant) {
    return at(instant, ZoneId.of("UTC"));
  }

  /** A clock standing at {@code instant}, reporting {@code zone}. */
  public static SettableClock at(Instant instant, ZoneId zone) {
    if (instant == null) {
      throw new InvalidValueException("instant", null, "is required");
    }
    if (zone == null) {
      throw new InvalidValueException("zone", null, "is required");
    }
    return new SettableClock(new AtomicReference<>(instant), zone);
  }

  /** Moves the clock to {@code instant}; moving it backwards is allowed, to test clock steps. */
  public void set(Instant instant) {
    if (instant == null) {
      throw new InvalidValueException("instant", null, "is required");
    }
    now.set(instant);
  }

  /**
   * Moves the clock forward by {@code amount} and returns the new instant.
   *
   * @throws InvalidValueException if {@code amount} is missing or negative
   */
  public Instant advance(Duration amount) {
    if (amount == null || amount.isNegative()) {
      throw new InvalidValueException("amount", amount, "must be zero or positive");
    }
    return now.updateAndGet(current -> current.plus(amount));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new SettableClock(now, Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public String toString() {
    return "SettableClock[" + now.get() + ", " + zone + "]";
  }
}
