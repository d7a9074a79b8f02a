package app.omniy.stripe;

import app.omniy.core.InvalidValueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A customer's request for the service credit of one month (SLA-6, SLA-7), with the month's SLA
 * result.
 *
 * @param customerId Stripe's customer id ({@code cus_…})
 * @param month the month whose availability is credited
 * @param availabilityPercent the month's exact system availability in percent (SLA-2), from the SLA
 *     report; never rounded before the tiers are applied
 * @param requestedAt when the customer asked for the credit (SLA-7: by the end of the next month)
 */
public record CreditRequest(
    String customerId, YearMonth month, BigDecimal availabilityPercent, Instant requestedAt) {

  /**
   * @throws InvalidValueException naming the field that is missing or out of range
   */
  public CreditRequest {
    if (customerId == null || !customerId.matches("\\S+")) {
      throw new InvalidValueException("customerId", customerId, "must be a Stripe customer id");
    }
    if (month == null) {
      throw new InvalidValueException("month", null, "is required");
    }
    if (availabilityPercent == null
        || availabilityPercent.signum() < 0
        || availabilityPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new InvalidValueException(
          "availabilityPercent", availabilityPercent, "must be between 0 and 100");
    }
    if (requestedAt == null) {
      throw new InvalidValueException("requestedAt", null, "is required");
    }
  }
}
