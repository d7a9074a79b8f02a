package app.omniy.firestore;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.Require;
import app.omniy.core.billing.ClaimState;
import app.omniy.core.billing.CreditClaim;
import app.omniy.core.billing.CreditOffer;
import app.omniy.core.billing.spi.CreditOfferStore;
import app.omniy.core.sla.ExactRatio;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.Times;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CreditOfferStore} on Firestore (SLA-7): one document per customer and month in {@code
 * omniy/{namespace}/creditOffers}, id {@code {yyyy-MM}~{customerId}}, with {@code customerId},
 * {@code month} ({@code yyyy-MM}), {@code availabilityNumerator} and {@code
 * availabilityDenominator} (the exact ratio, integers), {@code creditPercent}, {@code amount} (a
 * plain decimal string, exact), {@code currency} (ISO 4217), {@code deadline} ({@code yyyy-MM-dd}),
 * {@code offeredAt}, and {@code claim}: {@code null}, or a map with {@code requestedOn}, {@code
 * state}, {@code attempt}, {@code startedAt}, {@code until}, {@code reference} and {@code
 * settledAt}.
 *
 * <p>Every change reads and writes in a transaction, applying {@link CreditClaim#mayStart} for a
 * new claim, so of concurrent claims exactly one starts. A customer claims a month a handful of
 * times at most, far below Firestore's one write per second per document. Times are kept to the
 * microsecond, as every store here does; money is a string because Firestore numbers are doubles.
 */
public final class FirestoreCreditOfferStore implements CreditOfferStore {
  static final String COLLECTION = FirestoreCollections.CREDIT_OFFERS;

  private final CollectionReference offers;
  private final FirestoreCalls calls;

  /** A store on {@code options}' database and namespace. */
  public FirestoreCreditOfferStore(FirestoreStoreOptions options) {
    this.offers = options.collection(COLLECTION);
    this.calls = new FirestoreCalls(options.meters());
  }

  @Override
  public CreditOffer offer(CreditOffer offer) {
    Require.nonNull(offer, "offer");
    if (offer.claim() != null) {
      throw new InvalidValueException("offer.claim", offer.claim(), "must be null");
    }
    DocumentReference doc = doc(offer.customerId(), offer.month());
    return calls.get(
        offers
            .getFirestore()
            .runTransaction(
                tx -> {
                  CreditOffer held = read(tx.get(doc).get());
                  if (held != null && held.claim() != null) {
                    return held;
                  }
                  tx.set(doc, write(offer));
                  return offer;
                }));
  }

  @Override
  public Optional<CreditOffer> find(String customerId, YearMonth month) {
    return Optional.ofNullable(read(calls.get(doc(customerId, month).get())));
  }

  @Override
  public List<CreditOffer> findByMonth(YearMonth month) {
    Require.nonNull(month, "month");
    return calls.get(offers.whereEqualTo("month", month.toString()).get()).getDocuments().stream()
        .map(FirestoreCreditOfferStore::read)
        .toList();
  }

  @Override
  public Optional<CreditOffer> startClaim(String customerId, YearMonth month, CreditClaim claim) {
    Require.nonNull(claim, "claim");
    if (claim.settled()) {
      throw new InvalidValueException("claim.state", claim.state(), "must be PENDING");
    }
    DocumentReference doc = doc(customerId, month);
    return Optional.ofNullable(
        calls.get(
            offers
                .getFirestore()
                .runTransaction(
                    tx -> {
                      CreditOffer held = read(tx.get(doc).get());
                      if (held == null || !CreditClaim.mayStart(held.claim(), claim.startedAt())) {
                        return held;
                      }
                      CreditOffer claimed = held.withClaim(claim);
                      tx.set(doc, write(claimed));
                      return claimed;
                    })));
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
    return change(
        customerId, month, attempt, claim -> claim.settle(state, reference, micros(settledAt)));
  }

  @Override
  public boolean releaseClaim(String customerId, YearMonth month, String attempt) {
    return change(customerId, month, attempt, claim -> null);
  }

  /**
   * Replaces the pending claim {@code attempt} holds with {@code change} of it, if it holds one.
   */
  private boolean change(
      String customerId,
      YearMonth month,
      String attempt,
      Function<CreditClaim, @Nullable CreditClaim> change) {
    Require.nonBlank(attempt, "attempt");
    DocumentReference doc = doc(customerId, month);
    return calls.get(
        offers
            .getFirestore()
            .runTransaction(
                tx -> {
                  CreditOffer held = read(tx.get(doc).get());
                  CreditClaim claim = held == null ? null : held.claim();
                  if (held == null
                      || claim == null
                      || claim.settled()
                      || !claim.attempt().equals(attempt)) {
                    return false;
                  }
                  tx.set(doc, write(held.withClaim(change.apply(claim))));
                  return true;
                }));
  }

  private DocumentReference doc(String customerId, YearMonth month) {
    Require.nonBlank(customerId, "customerId");
    Require.nonNull(month, "month");
    return offers.document(month + "~" + DocumentIds.encode(customerId));
  }

  /** {@code instant} as it reads back from Firestore, so the stored claim equals the returned. */
  private static Instant micros(Instant instant) {
    return Times.instant(Times.ts(instant));
  }

  private static Map<String, Object> write(CreditOffer offer) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("customerId", offer.customerId());
    fields.put("month", offer.month().toString());
    fields.put("availabilityNumerator", offer.availability().numerator());
    fields.put("availabilityDenominator", offer.availability().denominator());
    fields.put("creditPercent", (long) offer.creditPercent());
    fields.put("amount", offer.amount().amount().toPlainString());
    fields.put("currency", offer.amount().currency().getCurrencyCode());
    fields.put("deadline", offer.deadline().toString());
    fields.put("offeredAt", Times.ts(offer.offeredAt()));
    CreditClaim claim = offer.claim();
    if (claim == null) {
      fields.put("claim", null);
    } else {
      Map<String, Object> c = new HashMap<>();
      c.put("requestedOn", claim.requestedOn().toString());
      c.put("state", claim.state().name());
      c.put("attempt", claim.attempt());
      c.put("startedAt", Times.ts(claim.startedAt()));
      c.put("until", Times.ts(claim.until()));
      c.put("reference", claim.reference());
      c.put("settledAt", Times.ts(claim.settledAt()));
      fields.put("claim", c);
    }
    return fields;
  }

  private static @Nullable CreditOffer read(DocumentSnapshot doc) {
    if (!doc.exists()) {
      return null;
    }
    return new CreditOffer(
        doc.getString("customerId"),
        YearMonth.parse(doc.getString("month")),
        ExactRatio.of(
            number(doc.getLong("availabilityNumerator")),
            number(doc.getLong("availabilityDenominator"))),
        (int) number(doc.getLong("creditPercent")),
        Money.of(doc.getString("amount"), doc.getString("currency")),
        LocalDate.parse(doc.getString("deadline")),
        Times.instant(doc.getTimestamp("offeredAt")),
        claim(doc));
  }

  private static @Nullable CreditClaim claim(DocumentSnapshot doc) {
    if (doc.get("claim") == null) {
      return null;
    }
    return new CreditClaim(
        LocalDate.parse(doc.getString("claim.requestedOn")),
        ClaimState.valueOf(doc.getString("claim.state")),
        doc.getString("claim.attempt"),
        Times.instant(doc.getTimestamp("claim.startedAt")),
        Times.instant(doc.getTimestamp("claim.until")),
        doc.getString("claim.reference"),
        Times.instant(doc.getTimestamp("claim.settledAt")));
  }

  private static long number(@Nullable Long value) {
    if (value == null) {
      throw new InvalidValueException("creditOffers", null, "a stored number is missing");
    }
    return value;
  }
}
