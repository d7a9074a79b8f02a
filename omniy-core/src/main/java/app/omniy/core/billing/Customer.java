package app.omniy.core.billing;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.Require;

/**
 * A customer billed for a month, as the host's customer list gives it: whom a service credit goes
 * to and the fee it is a share of (SLA-6, SLA-7).
 *
 * @param id the customer's id at the payment provider (Stripe's {@code cus_…}), or the host's own
 *     id when credits are only recorded
 * @param monthlyFee the month's fee, in its currency; credits are a share of it
 */
public record Customer(String id, Money monthlyFee) {

  /**
   * @throws InvalidValueException if the id is blank or contains whitespace, or the fee is missing
   *     or negative
   */
  public Customer {
    if (id == null || !id.matches("\\S+")) {
      throw new InvalidValueException("id", id, "must be a customer id without whitespace");
    }
    Require.nonNull(monthlyFee, "monthlyFee");
    if (monthlyFee.amount().signum() < 0) {
      throw new InvalidValueException("monthlyFee", monthlyFee, "must not be negative");
    }
  }
}
