package app.omniy.core.alert;

/**
 * How an aggregated value is compared with a rule's threshold. ALERT-1: "share > X%" is {@link
 * #ABOVE} (exactly X% does not fire); "down 20% or more" is {@link #AT_MOST} −20% on a change.
 */
public enum Comparison {
  ABOVE(">"),
  AT_LEAST("≥"),
  BELOW("<"),
  AT_MOST("≤");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  /** The mathematical symbol, for condition texts. */
  public String symbol() {
    return symbol;
  }

  /** Whether a value comparing to the threshold as {@code signum} (of {@code compareTo}) holds. */
  public boolean holds(int signum) {
    return switch (this) {
      case ABOVE -> signum > 0;
      case AT_LEAST -> signum >= 0;
      case BELOW -> signum < 0;
      case AT_MOST -> signum <= 0;
    };
  }
}
