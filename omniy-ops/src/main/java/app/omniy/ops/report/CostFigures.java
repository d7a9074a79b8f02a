package app.omniy.ops.report;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.sla.ExactRatio;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The month's money and work figures behind KPI-1's cost ratios, as the host supplies them:
 * infrastructure cost at most 10% of revenue, support cost at most 5%, at least 90% of operational
 * tasks automated. Ratios are exact, from the amounts' minor units.
 *
 * @param revenue the month's revenue, positive
 * @param infrastructureCost what the infrastructure cost, in the revenue's currency
 * @param supportCost what support cost, in the revenue's currency
 * @param operationalTasks operational tasks done in the month
 * @param automatedTasks of those, tasks that ran without a person
 */
public record CostFigures(
    Money revenue,
    Money infrastructureCost,
    Money supportCost,
    long operationalTasks,
    long automatedTasks) {

  /** Infrastructure cost objective: at most 10% of revenue (KPI-1). */
  public static final BigDecimal INFRASTRUCTURE_MAX_PERCENT = new BigDecimal("10");

  /** Support cost objective: at most 5% of revenue (KPI-1). */
  public static final BigDecimal SUPPORT_MAX_PERCENT = new BigDecimal("5");

  /** Automation objective: at least 90% of operational tasks (KPI-1). */
  public static final BigDecimal AUTOMATION_MIN_PERCENT = new BigDecimal("90");

  /**
   * @throws InvalidValueException if a value is missing or negative, the revenue is not positive,
   *     the currencies differ, or more tasks are automated than done
   */
  public CostFigures {
    if (revenue == null || revenue.amount().signum() <= 0) {
      throw new InvalidValueException("revenue", revenue, "must be positive");
    }
    requireCost("infrastructureCost", infrastructureCost, revenue);
    requireCost("supportCost", supportCost, revenue);
    if (operationalTasks < 0) {
      throw new InvalidValueException("operationalTasks", operationalTasks, "must not be negative");
    }
    if (automatedTasks < 0 || automatedTasks > operationalTasks) {
      throw new InvalidValueException(
          "automatedTasks", automatedTasks, "must be between 0 and " + operationalTasks);
    }
  }

  /** Infrastructure cost over revenue, exactly. */
  public ExactRatio infrastructureShare() {
    return ExactRatio.of(infrastructureCost.minorUnits(), revenue.minorUnits());
  }

  /** Support cost over revenue, exactly. */
  public ExactRatio supportShare() {
    return ExactRatio.of(supportCost.minorUnits(), revenue.minorUnits());
  }

  /** Automated over all operational tasks; empty when none were done. */
  public Optional<ExactRatio> automation() {
    return operationalTasks == 0
        ? Optional.empty()
        : Optional.of(ExactRatio.of(automatedTasks, operationalTasks));
  }

  /** Whether infrastructure cost is at most 10% of revenue; exactly 10% is met. */
  public boolean infrastructureMet() {
    return infrastructureShare().compareToPercent(INFRASTRUCTURE_MAX_PERCENT) <= 0;
  }

  /** Whether support cost is at most 5% of revenue; exactly 5% is met. */
  public boolean supportMet() {
    return supportShare().compareToPercent(SUPPORT_MAX_PERCENT) <= 0;
  }

  /** Whether at least 90% of tasks were automated; a month without tasks misses nothing. */
  public boolean automationMet() {
    return automation().map(a -> a.isAtLeastPercent(AUTOMATION_MIN_PERCENT)).orElse(true);
  }

  private static void requireCost(String field, Money cost, Money revenue) {
    if (cost == null || cost.amount().signum() < 0) {
      throw new InvalidValueException(field, cost, "must be zero or positive");
    }
    if (!cost.currency().equals(revenue.currency())) {
      throw new InvalidValueException(
          field,
          cost,
          "must be in the revenue's currency (" + revenue.currency().getCurrencyCode() + ")");
    }
  }
}
