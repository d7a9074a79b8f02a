package app.omniy.core.billing.spi;

import app.omniy.core.billing.AppliedCredit;
import app.omniy.core.sla.ServiceCredit;
import java.util.Optional;

/**
 * Applies a claimed service credit at the payment provider (SLA-6, SLA-7): omniy-stripe's {@code
 * ServiceCredits} adds it to the customer's Stripe balance.
 *
 * <p>Implementations apply at most one credit per customer and month however often they are called,
 * also concurrently, after a retry or after a crash between the provider's answer and their own
 * record: they send the credit with the idempotency key {@link
 * app.omniy.core.billing.CreditClaim#idempotencyKey} and look for an earlier credit of the month
 * before sending.
 */
@FunctionalInterface
public interface CreditApplier {

  /**
   * Applies {@code credit} to {@code customerId}, unless the month's credit was applied before.
   *
   * @param credit the assessed credit, eligible (asked for in time) and with its amount
   * @return the credit applied now or found applied before; empty when the amount is zero in the
   *     provider's unit of the currency, so nothing was sent
   * @throws RuntimeException if the provider failed; nothing was applied that a retry would repeat
   */
  Optional<AppliedCredit> applyCredit(String customerId, ServiceCredit credit);
}
