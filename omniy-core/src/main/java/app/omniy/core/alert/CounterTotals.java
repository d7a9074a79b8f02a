package app.omniy.core.alert;

/**
 * Turns a counter's cumulative totals into increments, handling resets: a total lower than the
 * previous one means the counter restarted from zero, so the whole new total is the increment (the
 * same rule as Prometheus' {@code rate()}, without its extrapolation, so counts stay exact).
 */
public final class CounterTotals {
  private long previous;

  /**
   * @param initial the total already counted before the first {@link #increment}; 0 counts the
   *     first total in full, which is right for a counter created when its process started
   */
  public CounterTotals(long initial) {
    this.previous = initial;
  }

  /** The increment since the previous total; the new total after a reset. */
  public long increment(long total) {
    long increment = total >= previous ? total - previous : total;
    previous = total;
    return Math.max(increment, 0);
  }
}
