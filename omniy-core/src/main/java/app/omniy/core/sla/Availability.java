package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A target's availability over a measured span, usually a calendar month (SLA-1, SLA-2): uptime =
 * (seconds in the span − downtime not excluded) / seconds in the span, as an exact ratio, with the
 * objective it is held to and the error budget.
 *
 * @param target what was measured
 * @param objectivePercent the objective in percent, above 0 and below 100 (99.9 for the system)
 * @param measuredSeconds seconds in the span, at least 1
 * @param downtimeSeconds seconds of downtime in it, merged and net of exclusions
 */
public record Availability(
    SlaTarget target, BigDecimal objectivePercent, long measuredSeconds, long downtimeSeconds) {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * @throws InvalidValueException if a value is missing or out of range
   */
  public Availability {
    Require.nonNull(target, "target");
    objectivePercent = requireObjective(objectivePercent);
    if (measuredSeconds < 1) {
      throw new InvalidValueException("measuredSeconds", measuredSeconds, "must be positive");
    }
    if (downtimeSeconds < 0 || downtimeSeconds > measuredSeconds) {
      throw new InvalidValueException(
          "downtimeSeconds", downtimeSeconds, "must be between 0 and " + measuredSeconds);
    }
  }

  /** The availability of {@code target} against its own objective (SLA-1). */
  public static Availability of(SlaTarget target, long measuredSeconds, long downtimeSeconds) {
    return new Availability(target, target.objectivePercent(), measuredSeconds, downtimeSeconds);
  }

  /** The exact uptime ratio. */
  public ExactRatio uptime() {
    return ExactRatio.of(measuredSeconds - downtimeSeconds, measuredSeconds);
  }

  /** Whether the uptime is at least the objective, compared exactly. */
  public boolean met() {
    return uptime().isAtLeastPercent(objectivePercent);
  }

  /**
   * The downtime the objective allows, in seconds, exactly: 2,592 in a 30-day month at 99.9%,
   * 2,678.4 in a 31-day month.
   */
  public BigDecimal errorBudgetSeconds() {
    return errorBudgetSeconds(measuredSeconds, objectivePercent);
  }

  /** The share of the error budget the downtime used; above 1 when the objective was missed. */
  public ExactRatio errorBudgetUsed() {
    return budgetShare(downtimeSeconds, measuredSeconds, objectivePercent);
  }

  /** The budget {@code objectivePercent} allows over {@code seconds}, exactly. */
  static BigDecimal errorBudgetSeconds(long seconds, BigDecimal objectivePercent) {
    return BigDecimal.valueOf(seconds)
        .multiply(HUNDRED.subtract(objectivePercent))
        .divide(HUNDRED)
        .stripTrailingZeros();
  }

  /**
   * {@code downSeconds} as a share of the budget over {@code seconds}; over a window this is the
   * burn rate (1 spends the budget exactly by the window's end).
   */
  static ExactRatio budgetShare(long downSeconds, long seconds, BigDecimal objectivePercent) {
    BigDecimal budget = errorBudgetSeconds(seconds, objectivePercent);
    // down / (unscaled × 10^-scale) = down × 10^scale / unscaled
    int scale = Math.max(budget.scale(), 0);
    BigInteger unscaled = budget.setScale(scale).unscaledValue();
    return ExactRatio.of(
        BigInteger.valueOf(downSeconds).multiply(BigInteger.TEN.pow(scale)),
        unscaled,
        "errorBudget",
        budget);
  }

  static BigDecimal requireObjective(BigDecimal objectivePercent) {
    BigDecimal objective = ExactRatio.percent(objectivePercent, "objectivePercent");
    if (objective.signum() <= 0 || objective.compareTo(HUNDRED) >= 0) {
      throw new InvalidValueException(
          "objectivePercent", objective, "must be above 0 and below 100");
    }
    return objective;
  }
}
