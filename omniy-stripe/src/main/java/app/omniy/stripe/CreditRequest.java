package app.omniy.stripe;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.sla.ServiceCredit;

/**
 * A customer's request for the service credit of one month: whom to credit, and the credit the core
 * assessed for them (SLA-6, SLA-7) with {@link ServiceCredit#assess}, given the month's exact
 * availability, the customer's monthly fee and the date they asked. {@link ServiceCredits} applies
 * that credit as it is; it never re-derives the tier, the amount or the eligibility.
 *
 * @param customerId Stripe's customer id ({@code cus_…})
 * @param credit the assessed credit: month, tier, amount and whether it was asked for in time
 */
public record CreditRequest(String customerId, ServiceCredit credit) {

  /**
   * @throws InvalidValueException naming the field that is missing or invalid: the credit must have
   *     been assessed with a fee ({@code credit.amount}) and a request date ({@code
   *     credit.eligible}, SLA-7: a credit is paid only on request)
   */
  public CreditRequest {
    if (customerId == null || !customerId.matches("\\S+")) {
      throw new InvalidValueException("customerId", customerId, "must be a Stripe customer id");
    }
    Require.nonNull(credit, "credit");
    if (credit.amount() == null) {
      throw new InvalidValueException(
          "credit.amount", null, "is required: assess the credit with the monthly fee");
    }
    if (credit.amount().amount().signum() < 0) {
      throw new InvalidValueException("credit.amount", credit.amount(), "must not be negative");
    }
    if (credit.eligible() == null) {
      throw new InvalidValueException(
          "credit.eligible", null, "is required: assess the credit with the request date (SLA-7)");
    }
  }
}
