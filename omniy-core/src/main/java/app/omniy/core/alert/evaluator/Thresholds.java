package app.omniy.core.alert.evaluator;

import java.math.BigDecimal;

/**
 * Exact comparison of {@code double} samples with a decimal threshold, without a {@link BigDecimal}
 * per sample: the threshold is turned once into the double that splits the samples the same way. As
 * {@code t.doubleValue()} is the double nearest to {@code t}, no double lies strictly between them.
 */
final class Thresholds {
  private Thresholds() {}

  /** The double {@code b} with {@code v ≤ t ⇔ v ≤ b} for every double {@code v}. */
  static double atMostBound(BigDecimal t) {
    double d = t.doubleValue();
    return BigDecimal.valueOf(d).compareTo(t) > 0 ? Math.nextDown(d) : d;
  }

  /** The double {@code b} with {@code v < t ⇔ v < b} for every double {@code v}. */
  static double belowBound(BigDecimal t) {
    double d = t.doubleValue();
    return BigDecimal.valueOf(d).compareTo(t) < 0 ? Math.nextUp(d) : d;
  }
}
