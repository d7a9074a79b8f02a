package app.omniy.core.quota;

import app.omniy.core.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether one more post of an account fits at {@link #at()} under its publishing limit (POST-3),
 * counting the account's other posts published, publishing or waiting to publish, as {@link
 * SchedulingQuota#forecast} works it out.
 *
 * @param at the requested publish time
 * @param limit the account's publishing limit per rolling window
 * @param window the rolling window (24 h)
 * @param taken the most of the other posts that one rolling window containing {@code at} holds
 * @param nextFreeSlot the earliest instant at or after {@code at} where the post fits, or {@code
 *     null} if none within the search span; {@code at} itself when it fits
 */
public record QuotaForecast(
    Instant at, int limit, Duration window, int taken, @Nullable Instant nextFreeSlot) {
  /** Checks the components. */
  public QuotaForecast {
    Require.nonNull(at, "at");
    Require.atLeast(limit, 1, "limit");
    Require.positive(window, "window");
    Require.atLeast(taken, 0, "taken");
  }

  /** Whether the post fits at {@link #at()}: every window containing it has a free slot. */
  public boolean fits() {
    return taken < limit;
  }

  /** The earliest instant at or after {@link #at()} where the post fits, if one was found. */
  public Optional<Instant> next() {
    return Optional.ofNullable(nextFreeSlot);
  }

  /**
   * The forecast in words, e.g. "50 of 50 posts already in a rolling PT24H around
   * 2026-04-01T10:00:00Z; next free slot at 2026-04-01T11:30:00Z".
   */
  public String describe() {
    return taken
        + " of "
        + limit
        + " posts already in a rolling "
        + window
        + " around "
        + at
        + (nextFreeSlot == null
            ? "; no free slot found"
            : fits() ? "" : "; next free slot at " + nextFreeSlot);
  }
}
