package app.omniy.firestore;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.Require;
import app.omniy.core.billing.AppliedCredit;
import app.omniy.core.billing.spi.AppliedCreditStore;
import app.omniy.firestore.internal.FirestoreCallException;
import app.omniy.firestore.internal.FirestoreCalls;
import app.omniy.firestore.internal.Times;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link AppliedCreditStore} on Firestore (SLA-6, SLA-7): one document per customer and month in
 * {@code omniy/{namespace}/appliedCredits}, id {@code {yyyy-MM}~{customerId}}, with {@code
 * customerId}, {@code month} ({@code yyyy-MM}), {@code amount} (a plain decimal string, exact),
 * {@code currency} (ISO 4217), {@code availabilityPercent} (a decimal string, exact), {@code
 * reference} and {@code appliedAt}.
 *
 * <p>First record wins through {@code create}: of concurrent records exactly one creates the
 * document, the others read it back. Money and percentages are strings because Firestore numbers
 * are doubles.
 */
public final class FirestoreAppliedCreditStore implements AppliedCreditStore {
  static final String COLLECTION = FirestoreCollections.APPLIED_CREDITS;

  private final CollectionReference credits;
  private final FirestoreCalls calls;

  /** A store on {@code options}' database and namespace. */
  public FirestoreAppliedCreditStore(FirestoreStoreOptions options) {
    this.credits = options.collection(COLLECTION);
    this.calls = new FirestoreCalls(options.meters());
  }

  @Override
  public Optional<AppliedCredit> find(String customerId, YearMonth month) {
    DocumentSnapshot doc = calls.get(doc(customerId, month).get());
    return doc.exists() ? Optional.of(read(doc)) : Optional.empty();
  }

  @Override
  public AppliedCredit recordIfAbsent(AppliedCredit credit) {
    Require.nonNull(credit, "credit");
    DocumentReference doc = doc(credit.customerId(), credit.month());
    try {
      calls.get(doc.create(write(credit)));
      return credit;
    } catch (FirestoreCallException e) {
      if (!e.alreadyExists()) {
        throw e;
      }
      return read(calls.get(doc.get()));
    }
  }

  @Override
  public List<AppliedCredit> findByMonth(YearMonth month) {
    Require.nonNull(month, "month");
    return calls.get(credits.whereEqualTo("month", month.toString()).get()).getDocuments().stream()
        .map(FirestoreAppliedCreditStore::read)
        .toList();
  }

  private DocumentReference doc(String customerId, YearMonth month) {
    if (customerId == null || customerId.isBlank()) {
      throw new InvalidValueException("customerId", customerId, "is required");
    }
    Require.nonNull(month, "month");
    return credits.document(month + "~" + DocumentIds.encode(customerId));
  }

  private static Map<String, Object> write(AppliedCredit credit) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("customerId", credit.customerId());
    fields.put("month", credit.month().toString());
    fields.put("amount", credit.amount().amount().toPlainString());
    fields.put("currency", credit.amount().currency().getCurrencyCode());
    fields.put("availabilityPercent", credit.availabilityPercent().toPlainString());
    fields.put("reference", credit.reference());
    fields.put("appliedAt", Times.ts(credit.appliedAt()));
    return fields;
  }

  private static AppliedCredit read(DocumentSnapshot doc) {
    return new AppliedCredit(
        doc.getString("customerId"),
        YearMonth.parse(doc.getString("month")),
        Money.of(doc.getString("amount"), doc.getString("currency")),
        new BigDecimal(doc.getString("availabilityPercent")),
        doc.getString("reference"),
        Times.instant(doc.getTimestamp("appliedAt")));
  }
}
