package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import java.math.BigDecimal;

/**
 * One row of a credit table: availability below {@code below} and at least {@code atLeast} earns
 * {@code creditPercent}% of the monthly fee. The lower bound is inclusive and the upper bound
 * exclusive, as every cloud provider writes its tiers (SLA-6).
 *
 * @param atLeast inclusive lower bound of availability, in percent
 * @param below exclusive upper bound of availability, in percent
 * @param creditPercent share of the monthly fee credited, in percent (0–100)
 */
public record CreditTier(BigDecimal atLeast, BigDecimal below, int creditPercent) {

  /**
   * @throws InvalidValueException if a bound is missing, has more digits than a percentage (see
   *     {@link ExactRatio#PERCENT_DECIMAL_PLACES}), the bounds are reversed or the credit is
   *     outside 0–100
   */
  public CreditTier {
    atLeast = ExactRatio.percent(atLeast, "atLeast");
    below = ExactRatio.percent(below, "below");
    if (atLeast.compareTo(below) >= 0) {
      throw new InvalidValueException("atLeast", atLeast, "must be below " + below);
    }
    if (creditPercent < 0 || creditPercent > 100) {
      throw new InvalidValueException("creditPercent", creditPercent, "must be 0–100");
    }
  }

  /** Whether {@code availabilityPercent} falls in {@code [atLeast, below)}. */
  public boolean contains(BigDecimal availabilityPercent) {
    return availabilityPercent.compareTo(atLeast) >= 0 && availabilityPercent.compareTo(below) < 0;
  }

  /** Whether the exact {@code availability} falls in {@code [atLeast, below)}, as a percentage. */
  public boolean contains(ExactRatio availability) {
    return availability.compareToPercent(atLeast) >= 0 && availability.compareToPercent(below) < 0;
  }
}
