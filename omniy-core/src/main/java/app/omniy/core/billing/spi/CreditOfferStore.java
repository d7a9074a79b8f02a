package app.omniy.core.billing.spi;

import app.omniy.core.billing.ClaimState;
import app.omniy.core.billing.CreditClaim;
import app.omniy.core.billing.CreditOffer;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The service credits offered per customer and month, and their claims (SLA-7): one {@link
 * CreditOffer} per customer and month, with at most one {@link CreditClaim}.
 *
 * <p>Implementations must be safe for concurrent use from several threads and, for a shared
 * backend, several processes: of any number of concurrent {@link #startClaim} calls for one
 * customer and month, at most one starts its claim. Times are passed in; implementations never read
 * a clock.
 */
public interface CreditOfferStore {

  /**
   * Stores {@code offer} (which must carry no claim). An earlier offer for the same customer and
   * month is replaced while it is unclaimed (a re-run after the ledger was corrected); once claimed
   * it is kept as it is, figures and claim.
   *
   * @return the stored offer: {@code offer}, or the claimed one that was kept
   * @throws app.omniy.core.InvalidValueException if {@code offer} is missing or carries a claim
   */
  CreditOffer offer(CreditOffer offer);

  /** The offer to {@code customerId} for {@code month}, with its claim, if one was made. */
  Optional<CreditOffer> find(String customerId, YearMonth month);

  /** Every offer for {@code month}, in no particular order. */
  List<CreditOffer> findByMonth(YearMonth month);

  /**
   * Starts {@code claim} (pending) on the offer, if {@link CreditClaim#mayStart} allows it at the
   * claim's {@code startedAt}: no claim yet, or a pending one that lapsed. The caller holds the
   * claim when the returned offer's claim has its {@code attempt}.
   *
   * @return the offer as stored afterwards; empty when there is no offer for the customer and month
   * @throws app.omniy.core.InvalidValueException if {@code claim} is missing or not pending
   */
  Optional<CreditOffer> startClaim(String customerId, YearMonth month, CreditClaim claim);

  /**
   * Settles the pending claim held by {@code attempt}: applied (with the provider's {@code
   * reference}) or recorded.
   *
   * @return false, changing nothing, if {@code attempt} does not hold a pending claim there (it
   *     lapsed and another attempt took it over)
   * @throws app.omniy.core.InvalidValueException if {@code state} is not settled
   */
  boolean settleClaim(
      String customerId,
      YearMonth month,
      String attempt,
      ClaimState state,
      @Nullable String reference,
      Instant settledAt);

  /**
   * Drops the pending claim held by {@code attempt}, after applying it failed, so the next claim
   * can start at once.
   *
   * @return false, changing nothing, if {@code attempt} does not hold a pending claim there
   */
  boolean releaseClaim(String customerId, YearMonth month, String attempt);
}
