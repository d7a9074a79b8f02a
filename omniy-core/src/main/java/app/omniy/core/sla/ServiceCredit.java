package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.Require;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * The credit a month's system availability earns (SLA-6) and whether it is payable (SLA-7).
 *
 * @param month the month it is for
 * @param availability the exact system availability the tier was chosen from
 * @param creditPercent the tier's share of the fee: 0, 10, 25 or 50 with the guide's policy
 * @param amount {@code creditPercent} of the fee, half-up to the minor unit; {@code null} when no
 *     fee was given
 * @param eligible whether a request was made in time; {@code null} when no request date was given
 * @param reason why it is or is not eligible, or that no request date was given; {@link #assess}
 *     always gives one
 */
public record ServiceCredit(
    YearMonth month,
    ExactRatio availability,
    int creditPercent,
    @Nullable Money amount,
    @Nullable Boolean eligible,
    @Nullable String reason) {

  /** The reason given while no request date is known. */
  public static final String NO_REQUEST = "no request date given";

  /**
   * @throws InvalidValueException if the month or availability is missing or the percent is outside
   *     0–100
   */
  public ServiceCredit {
    Require.nonNull(month, "month");
    Require.nonNull(availability, "availability");
    if (creditPercent < 0 || creditPercent > 100) {
      throw new InvalidValueException("creditPercent", creditPercent, "must be 0–100");
    }
  }

  /**
   * Assesses the credit for {@code month}.
   *
   * @param policy the tiers, usually {@link CreditPolicy#GUIDE}
   * @param availability the exact system availability of the month
   * @param fee the monthly fee, or {@code null} to state the percentage only
   * @param requestedOn the request's date in the SLA zone, or {@code null} when none was made yet
   */
  public static ServiceCredit assess(
      CreditPolicy policy,
      YearMonth month,
      ExactRatio availability,
      @Nullable Money fee,
      @Nullable LocalDate requestedOn) {
    Require.nonNull(policy, "policy");
    int percent = policy.creditPercent(availability);
    Money amount = fee == null ? null : amount(fee, percent);
    if (requestedOn == null) {
      return new ServiceCredit(month, availability, percent, amount, null, NO_REQUEST);
    }
    CreditRequests.Eligibility decision = CreditRequests.decide(month, requestedOn);
    return new ServiceCredit(
        month, availability, percent, amount, decision.eligible(), decision.reason());
  }

  private static Money amount(Money fee, int percent) {
    if (fee.amount().signum() < 0) {
      throw new InvalidValueException("fee", fee, "must not be negative");
    }
    return fee.percent(BigDecimal.valueOf(percent));
  }

  /** What to pay now: the amount when the request was on time, otherwise zero. */
  public @Nullable Money payable() {
    if (amount == null) {
      return null;
    }
    return Boolean.TRUE.equals(eligible) ? amount : Money.zero(amount.currency());
  }
}
