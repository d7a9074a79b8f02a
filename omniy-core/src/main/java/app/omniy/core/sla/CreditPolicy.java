package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.Require;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Which share of the monthly fee an availability earns back, and how much that is (SLA-6, SLA-7).
 * The availability is compared exactly, never rounded first: 99.8999…% is below 99.9% and earns a
 * credit; exactly 99.9% earns none.
 *
 * @param tiers non-overlapping tiers; availability in no tier earns nothing
 */
public record CreditPolicy(List<CreditTier> tiers) {
  private static final BigDecimal ZERO_PERCENT = BigDecimal.ZERO;

  /**
   * The guide's table (SLA-6): below 99.9% and at least 99.0% → 10%; below 99.0% and at least 95.0%
   * → 25%; below 95.0% → 50%.
   */
  public static final CreditPolicy GUIDE =
      new CreditPolicy(
          List.of(
              new CreditTier(new BigDecimal("99.0"), new BigDecimal("99.9"), 10),
              new CreditTier(new BigDecimal("95.0"), new BigDecimal("99.0"), 25),
              new CreditTier(ZERO_PERCENT, new BigDecimal("95.0"), 50)));

  /**
   * @throws InvalidValueException if tiers are missing or overlap
   */
  public CreditPolicy {
    Require.nonNull(tiers, "tiers");
    tiers = List.copyOf(tiers);
    List<CreditTier> ordered =
        tiers.stream().sorted(Comparator.comparing(CreditTier::atLeast)).toList();
    for (int i = 1; i < ordered.size(); i++) {
      if (ordered.get(i).atLeast().compareTo(ordered.get(i - 1).below()) < 0) {
        throw new InvalidValueException(
            "tiers[" + i + "]", ordered.get(i), "overlaps " + ordered.get(i - 1));
      }
    }
  }

  /**
   * The credit, in percent of the fee, that {@code availabilityPercent} earns.
   *
   * @throws InvalidValueException if the availability is missing, outside 0–100% or has more than
   *     {@value ExactRatio#PERCENT_DECIMAL_PLACES} decimal places
   */
  public int creditPercent(BigDecimal availabilityPercent) {
    BigDecimal percent = ExactRatio.percent(availabilityPercent, "availabilityPercent");
    if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new InvalidValueException("availabilityPercent", percent, "must be between 0 and 100");
    }
    return tiers.stream()
        .filter(tier -> tier.contains(percent))
        .mapToInt(CreditTier::creditPercent)
        .findFirst()
        .orElse(0);
  }

  /** The credit amount: {@link #creditPercent} of {@code monthlyFee}, half-up to the minor unit. */
  public Money credit(BigDecimal availabilityPercent, Money monthlyFee) {
    Require.nonNull(monthlyFee, "monthlyFee");
    if (monthlyFee.amount().signum() < 0) {
      throw new InvalidValueException("monthlyFee", monthlyFee, "must not be negative");
    }
    return monthlyFee.percent(BigDecimal.valueOf(creditPercent(availabilityPercent)));
  }

  /**
   * The credit, in percent of the fee, that the exact {@code availability} earns; use this with a
   * measured availability, so that 99.89999…% is never rounded up to 99.9% first.
   *
   * @throws InvalidValueException if the availability is missing or above 100%
   */
  public int creditPercent(ExactRatio availability) {
    Require.nonNull(availability, "availability");
    if (availability.numerator() > availability.denominator()) {
      throw new InvalidValueException("availability", availability, "must not exceed 100%");
    }
    for (CreditTier tier : tiers) {
      if (tier.contains(availability)) {
        return tier.creditPercent();
      }
    }
    return 0;
  }

  /** The credit amount: {@link #creditPercent(ExactRatio)} of {@code monthlyFee}, half-up. */
  public Money credit(ExactRatio availability, Money monthlyFee) {
    Require.nonNull(monthlyFee, "monthlyFee");
    if (monthlyFee.amount().signum() < 0) {
      throw new InvalidValueException("monthlyFee", monthlyFee, "must not be negative");
    }
    return monthlyFee.percent(BigDecimal.valueOf(creditPercent(availability)));
  }
}
