package app.omniy.core.memory;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.billing.ClaimState;
import app.omniy.core.billing.CreditClaim;
import app.omniy.core.billing.CreditOffer;
import app.omniy.core.billing.spi.CreditOfferStore;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CreditOfferStore} in this process's memory (SLA-7), for tests and single-process hosts;
 * every change to one customer's month is atomic ({@link ConcurrentMap#compute}). A restart forgets
 * the offers and claims; the applied credits themselves are also kept by the payment provider.
 */
public final class InMemoryCreditOfferStore implements CreditOfferStore {
  private record Key(String customerId, YearMonth month) {}

  private final ConcurrentMap<Key, CreditOffer> offers = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryCreditOfferStore() {}

  @Override
  public CreditOffer offer(CreditOffer offer) {
    Require.nonNull(offer, "offer");
    if (offer.claim() != null) {
      throw new InvalidValueException("offer.claim", offer.claim(), "must be null");
    }
    return offers.compute(
        new Key(offer.customerId(), offer.month()),
        (key, held) -> held != null && held.claim() != null ? held : offer);
  }

  @Override
  public Optional<CreditOffer> find(String customerId, YearMonth month) {
    return Optional.ofNullable(offers.get(key(customerId, month)));
  }

  @Override
  public List<CreditOffer> findByMonth(YearMonth month) {
    Require.nonNull(month, "month");
    return offers.values().stream().filter(o -> o.month().equals(month)).toList();
  }

  @Override
  public Optional<CreditOffer> startClaim(String customerId, YearMonth month, CreditClaim claim) {
    Require.nonNull(claim, "claim");
    if (claim.settled()) {
      throw new InvalidValueException("claim.state", claim.state(), "must be PENDING");
    }
    return Optional.ofNullable(
        offers.computeIfPresent(
            key(customerId, month),
            (key, held) ->
                CreditClaim.mayStart(held.claim(), claim.startedAt())
                    ? held.withClaim(claim)
                    : held));
  }

  @Override
  public boolean settleClaim(
      String customerId,
      YearMonth month,
      String attempt,
      ClaimState state,
      @Nullable String reference,
      Instant settledAt) {
    Require.nonNull(state, "state");
    Require.nonNull(settledAt, "settledAt");
    if (!state.settled()) {
      throw new InvalidValueException("state", state, "must be APPLIED or RECORDED");
    }
    AtomicBoolean done = new AtomicBoolean();
    offers.computeIfPresent(
        key(customerId, month),
        (key, held) -> {
          if (!heldBy(held, attempt)) {
            return held;
          }
          done.set(true);
          return held.withClaim(held.claim().settle(state, reference, settledAt));
        });
    return done.get();
  }

  @Override
  public boolean releaseClaim(String customerId, YearMonth month, String attempt) {
    AtomicBoolean done = new AtomicBoolean();
    offers.computeIfPresent(
        key(customerId, month),
        (key, held) -> {
          if (!heldBy(held, attempt)) {
            return held;
          }
          done.set(true);
          return held.withClaim(null);
        });
    return done.get();
  }

  private static boolean heldBy(CreditOffer offer, String attempt) {
    CreditClaim claim = offer.claim();
    return claim != null && !claim.settled() && claim.attempt().equals(attempt);
  }

  private static Key key(String customerId, YearMonth month) {
    return new Key(Require.nonBlank(customerId, "customerId"), Require.nonNull(month, "month"));
  }
}
