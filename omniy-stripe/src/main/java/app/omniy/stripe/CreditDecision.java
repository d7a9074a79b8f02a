package app.omniy.stripe;

import app.omniy.core.Money;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of one {@link CreditRequest}.
 *
 * @param request what was asked, with the assessed credit (its tier in {@code
 *     request().credit().creditPercent()})
 * @param outcome what was done (or, in a dry run, would be)
 * @param credit the credit applied, found, or that would be applied, in Stripe's unit of the
 *     currency
 * @param idempotencyKey the key the credit is (or would be) created with
 * @param reference Stripe's balance transaction id ({@code cbtxn_…}) of an applied or found credit
 * @param detail a short explanation for reports and logs
 */
public record CreditDecision(
    CreditRequest request,
    CreditOutcome outcome,
    @Nullable Money credit,
    String idempotencyKey,
    @Nullable String reference,
    String detail) {

  /** The credit applied, found, or that would be applied. */
  public Optional<Money> creditAmount() {
    return Optional.ofNullable(credit);
  }
}
