package app.omniy.core.billing;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * A customer's claim for the service credit of one month (SLA-7), kept with the month's {@link
 * CreditOffer}: at most one per customer and month. While {@link ClaimState#PENDING} it is held by
 * one attempt until {@code until}, so two concurrent claims never both apply the credit; a claim
 * whose holder died lapses then and the next claim takes it over (the payment provider's
 * idempotency key, {@link #idempotencyKey}, keeps that from crediting twice).
 *
 * @param requestedOn the date the customer asked, in the SLA zone (JST)
 * @param state pending, applied or recorded
 * @param attempt the id of the attempt that holds (or settled) the claim
 * @param startedAt when that attempt started
 * @param until when a pending claim lapses unless settled
 * @param reference the payment provider's id of the applied credit (a {@code cbtxn_…}); {@code
 *     null} while pending and when only recorded
 * @param settledAt when it was applied or recorded; {@code null} while pending
 */
public record CreditClaim(
    LocalDate requestedOn,
    ClaimState state,
    String attempt,
    Instant startedAt,
    Instant until,
    @Nullable String reference,
    @Nullable Instant settledAt) {

  /**
   * @throws InvalidValueException naming the field that is missing, a lease ending before it
   *     started, a settled claim without its time or a pending one with one
   */
  public CreditClaim {
    Require.nonNull(requestedOn, "requestedOn");
    Require.nonNull(state, "state");
    Require.nonBlank(attempt, "attempt");
    Require.nonNull(startedAt, "startedAt");
    Require.nonNull(until, "until");
    if (until.isBefore(startedAt)) {
      throw new InvalidValueException("until", until, "must not be before startedAt " + startedAt);
    }
    if (state.settled() != (settledAt != null)) {
      throw new InvalidValueException(
          "settledAt", settledAt, state.settled() ? "is required once settled" : "must be null");
    }
    if (reference != null && reference.isBlank()) {
      throw new InvalidValueException("reference", reference, "must not be blank");
    }
  }

  /** A pending claim by {@code attempt}, started at {@code startedAt}, held until {@code until}. */
  public static CreditClaim pending(
      LocalDate requestedOn, String attempt, Instant startedAt, Instant until) {
    return new CreditClaim(requestedOn, ClaimState.PENDING, attempt, startedAt, until, null, null);
  }

  /** This claim settled as {@code settled} at {@code at}, with the provider's reference if any. */
  public CreditClaim settle(ClaimState settled, @Nullable String providerReference, Instant at) {
    if (!Require.nonNull(settled, "state").settled()) {
      throw new InvalidValueException("state", settled, "must be APPLIED or RECORDED");
    }
    return new CreditClaim(requestedOn, settled, attempt, startedAt, until, providerReference, at);
  }

  /** Whether the claim is settled: applied or recorded. */
  public boolean settled() {
    return state.settled();
  }

  /**
   * The rule every {@code CreditOfferStore} applies: whether a new claim may start at {@code now}
   * while {@code held} is stored. Yes when there is none, or a pending one lapsed (its {@code
   * until} is at or before {@code now}); never over a settled claim or a live pending one.
   */
  public static boolean mayStart(@Nullable CreditClaim held, Instant now) {
    Require.nonNull(now, "now");
    return held == null || (!held.settled() && !held.until().isAfter(now));
  }

  /**
   * The idempotency key of the credit for {@code customerId} and {@code month}: the same for every
   * claim, retry and process, so the payment provider creates the credit once. omniy-stripe's
   * {@code ServiceCredits} sends it as Stripe's {@code Idempotency-Key}.
   */
  public static String idempotencyKey(String customerId, YearMonth month) {
    Require.nonBlank(customerId, "customerId");
    Require.nonNull(month, "month");
    return "omniy-sla-credit:" + customerId + ":" + month;
  }
}
