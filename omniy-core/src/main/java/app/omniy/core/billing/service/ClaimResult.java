package app.omniy.core.billing.service;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.Require;
import app.omniy.core.billing.CreditClaim;
import app.omniy.core.billing.CreditOffer;
import app.omniy.core.sla.CreditRequests;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a customer's claim (SLA-7): what was applied, or why not.
 *
 * @param customerId who claimed
 * @param month the month claimed for
 * @param outcome what was done
 * @param credited the amount applied or recorded, by this claim or an earlier one; {@code null}
 *     when nothing was
 * @param reference the payment provider's id of the applied credit (a {@code cbtxn_…}); {@code
 *     null} when none
 * @param offer the month's offer the claim was judged against, with its tier, amount and deadline;
 *     {@code null} when the month is not over or the customer is unknown
 * @param idempotencyKey the key the credit is (or would be) applied with at the provider
 * @param reason why, in words for the customer and the operator
 */
public record ClaimResult(
    String customerId,
    YearMonth month,
    ClaimOutcome outcome,
    @Nullable Money credited,
    @Nullable String reference,
    @Nullable CreditOffer offer,
    String idempotencyKey,
    String reason) {

  /**
   * @throws InvalidValueException naming the field that is missing
   */
  public ClaimResult {
    Require.nonBlank(customerId, "customerId");
    Require.nonNull(month, "month");
    Require.nonNull(outcome, "outcome");
    Require.nonBlank(idempotencyKey, "idempotencyKey");
    Require.nonBlank(reason, "reason");
    if (outcome.credited() && credited == null) {
      throw new InvalidValueException("credited", null, "is required when " + outcome);
    }
  }

  /** The amount applied or recorded, by this claim or an earlier one. */
  public Optional<Money> creditedAmount() {
    return Optional.ofNullable(credited);
  }

  /** The last day to claim this month (SLA-7). */
  public LocalDate deadline() {
    return CreditRequests.deadline(month);
  }

  static String key(String customerId, YearMonth month) {
    return CreditClaim.idempotencyKey(customerId, month);
  }
}
