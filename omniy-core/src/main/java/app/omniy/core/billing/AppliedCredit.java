package app.omniy.core.billing;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.Require;
import app.omniy.core.sla.ExactRatio;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A service credit that was applied to a customer for one month (SLA-6, SLA-7): the record that
 * stops the same month from being credited twice, also long after the payment provider forgot its
 * idempotency key.
 *
 * @param customerId the payment provider's customer id (e.g. {@code cus_…})
 * @param month the month whose availability earned the credit
 * @param amount the credit, positive, in the fee's currency
 * @param availabilityPercent the month's availability in percent as the SLA report shows it
 *     (truncated, never rounded up), for the record: the credit was assessed from the exact ratio;
 *     at most 3 digits before the decimal point and 10 after it, as every percentage
 * @param reference the provider's id of the applied credit (e.g. a {@code cbtxn_…} balance
 *     transaction)
 * @param appliedAt when it was applied
 */
public record AppliedCredit(
    String customerId,
    YearMonth month,
    Money amount,
    BigDecimal availabilityPercent,
    String reference,
    Instant appliedAt) {

  /**
   * @throws InvalidValueException naming the missing or invalid field
   */
  public AppliedCredit {
    if (customerId == null || customerId.isBlank()) {
      throw new InvalidValueException("customerId", customerId, "is required");
    }
    Require.nonNull(month, "month");
    if (amount == null || amount.amount().signum() <= 0) {
      throw new InvalidValueException("amount", amount, "must be a positive amount");
    }
    availabilityPercent =
        Require.decimal(
            availabilityPercent,
            ExactRatio.PERCENT_INTEGER_DIGITS,
            ExactRatio.PERCENT_DECIMAL_PLACES,
            "availabilityPercent");
    if (reference == null || reference.isBlank()) {
      throw new InvalidValueException("reference", reference, "is required");
    }
    Require.nonNull(appliedAt, "appliedAt");
  }
}
