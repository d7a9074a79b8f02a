package app.omniy.core.billing;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.Require;
import app.omniy.core.sla.CreditRequests;
import app.omniy.core.sla.ExactRatio;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * The service credit a customer could claim for a month (SLA-6, SLA-7), as the month-end job offers
 * it: the tier the month's exact system availability earns, its amount from the customer's fee, and
 * the last day to ask. A credit is paid only on the customer's request by {@code deadline}; {@code
 * claim} records that request once it is made.
 *
 * @param customerId the customer, as the host's customer list names them
 * @param month the month it is for
 * @param availability the month's exact system availability
 * @param creditPercent the tier's share of the fee (SLA-6): 0, 10, 25 or 50 with the guide's policy
 * @param amount {@code creditPercent} of the fee, half-up to the currency's minor unit; zero when
 *     the SLA was met
 * @param deadline the last day to ask, in the SLA zone: the last day of the following month
 * @param offeredAt when the offer was made
 * @param claim the customer's claim, or {@code null} while none was made
 */
public record CreditOffer(
    String customerId,
    YearMonth month,
    ExactRatio availability,
    int creditPercent,
    Money amount,
    LocalDate deadline,
    Instant offeredAt,
    @Nullable CreditClaim claim) {

  /**
   * @throws InvalidValueException naming the field that is missing or invalid
   */
  public CreditOffer {
    Require.nonBlank(customerId, "customerId");
    Require.nonNull(month, "month");
    Require.nonNull(availability, "availability");
    if (creditPercent < 0 || creditPercent > 100) {
      throw new InvalidValueException("creditPercent", creditPercent, "must be 0–100");
    }
    Require.nonNull(amount, "amount");
    if (amount.amount().signum() < 0) {
      throw new InvalidValueException("amount", amount, "must not be negative");
    }
    Require.nonNull(deadline, "deadline");
    Require.nonNull(offeredAt, "offeredAt");
  }

  /** An unclaimed offer with SLA-7's deadline: the last day of the month after {@code month}. */
  public static CreditOffer of(
      String customerId,
      YearMonth month,
      ExactRatio availability,
      int creditPercent,
      Money amount,
      Instant offeredAt) {
    return new CreditOffer(
        customerId,
        month,
        availability,
        creditPercent,
        amount,
        CreditRequests.deadline(Require.nonNull(month, "month")),
        offeredAt,
        null);
  }

  /** Whether there is anything to claim: the amount is above zero. */
  public boolean owed() {
    return amount.amount().signum() > 0;
  }

  /** This offer with {@code value} as its claim ({@code null}: unclaimed). */
  public CreditOffer withClaim(@Nullable CreditClaim value) {
    return new CreditOffer(
        customerId, month, availability, creditPercent, amount, deadline, offeredAt, value);
  }

  /** The idempotency key a payment provider applies this credit with. */
  public String idempotencyKey() {
    return CreditClaim.idempotencyKey(customerId, month);
  }
}
