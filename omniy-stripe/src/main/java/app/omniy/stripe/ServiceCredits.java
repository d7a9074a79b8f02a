package app.omniy.stripe;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.OmniyException;
import app.omniy.core.billing.AppliedCredit;
import app.omniy.core.billing.spi.AppliedCreditStore;
import app.omniy.core.memory.InMemoryAppliedCreditStore;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.CreditRequests;
import app.omniy.stripe.internal.StripeAmounts;
import app.omniy.stripe.internal.StripeBilling;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.CustomerBalanceTransaction;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays SLA service credits (SLA-6, SLA-7) into customers' Stripe balances, exactly once per
 * customer and month, however often a request is retried. For each {@link CreditRequest}:
 *
 * <ol>
 *   <li>the request must have come by the last day of the following month (SLA-7, in the claim
 *       zone, JST unless set) and the availability must earn a credit ({@link CreditPolicy});
 *   <li>the {@link AppliedCreditStore} and then the customer's Stripe balance transactions are
 *       searched for this month's credit (metadata {@value #METADATA_MONTH}): Stripe forgets
 *       idempotency keys after 24 hours, these records do not;
 *   <li>the monthly fee is the sum of price × quantity over the customer's active subscriptions;
 *       the credit is the policy's share of it, half-up to the currency's minor unit;
 *   <li>the credit is created as a negative customer balance transaction with the idempotency key
 *       {@code omniy-sla-credit:<customer>:<month>}, so a retried POST (the SDK retries 409 and 5xx
 *       answers and network errors) cannot apply it twice, and then recorded in the store.
 * </ol>
 *
 * <pre>{@code
 * ServiceCredits credits = ServiceCredits.builder(settings).appliedCredits(store).build();
 * CreditDecision preview = credits.preview(request); // dry run: reads only
 * CreditDecision applied = credits.apply(request);
 * }</pre>
 *
 * <p>Thread-safe. Two processes crediting the same customer and month at the same moment both find
 * nothing and both send the credit, but with the same idempotency key, so Stripe creates it once
 * and answers both with it; the store then keeps one record.
 */
public final class ServiceCredits {
  /** Metadata key on every credit Omniy creates, with the value {@value #KIND_SLA_CREDIT}. */
  public static final String METADATA_KIND = "omniy_kind";

  public static final String KIND_SLA_CREDIT = "sla_credit";

  /** Metadata key: the credited month, {@code yyyy-MM}. */
  public static final String METADATA_MONTH = "omniy_sla_month";

  /** Metadata key: the month's exact availability in percent. */
  public static final String METADATA_AVAILABILITY = "omniy_availability_percent";

  /** Metadata key: the share of the fee credited, in percent. */
  public static final String METADATA_CREDIT_PERCENT = "omniy_credit_percent";

  private static final Logger log = LoggerFactory.getLogger(ServiceCredits.class);

  private final StripeBilling stripe;
  private final AppliedCreditStore appliedCredits;
  private final CreditPolicy policy;
  private final Clock clock;
  private final ZoneId claimZone;

  private ServiceCredits(Builder builder, StripeClient client) {
    this.stripe = new StripeBilling(client);
    this.appliedCredits = builder.appliedCredits;
    this.policy = builder.policy;
    this.clock = builder.clock;
    this.claimZone = builder.claimZone;
  }

  /** A builder calling Stripe with {@code settings}' API key at its API base. */
  public static Builder builder(StripeSettings settings) {
    if (settings == null) {
      throw new InvalidValueException("settings", null, "is required");
    }
    return new Builder(settings);
  }

  /** The idempotency key of the credit for {@code customerId} and {@code month}. */
  public static String idempotencyKey(String customerId, YearMonth month) {
    return "omniy-sla-credit:" + customerId + ":" + month;
  }

  /**
   * Applies the credit for {@code request} unless it is not due or was applied before.
   *
   * @throws StripeCallException if Stripe failed after the retries; nothing was recorded, and
   *     running the request again is safe
   * @throws OmniyException if the customer's fee cannot be determined (e.g. a yearly price)
   */
  public CreditDecision apply(CreditRequest request) {
    return decide(request, false);
  }

  /** What {@link #apply} would do, reading from Stripe but changing nothing (a dry run). */
  public CreditDecision preview(CreditRequest request) {
    return decide(request, true);
  }

  /**
   * Applies (or, with {@code dryRun}, previews) every request; a request that fails becomes a
   * {@link CreditOutcome#FAILED} decision and the others go on.
   */
  public List<CreditDecision> run(List<CreditRequest> requests, boolean dryRun) {
    if (requests == null) {
      throw new InvalidValueException("requests", null, "is required");
    }
    List<CreditDecision> decisions = new ArrayList<>();
    for (CreditRequest request : requests) {
      if (request == null) {
        throw new InvalidValueException("requests[" + decisions.size() + "]", null, "is required");
      }
      try {
        decisions.add(decide(request, dryRun));
      } catch (RuntimeException e) { // Stripe, the store or the data: this customer only
        log.warn("Service credit for {} {} failed", request.customerId(), request.month(), e);
        decisions.add(
            decision(
                request,
                CreditOutcome.FAILED,
                null,
                0,
                null,
                null,
                String.valueOf(e.getMessage())));
      }
    }
    return List.copyOf(decisions);
  }

  private CreditDecision decide(CreditRequest request, boolean dryRun) {
    if (request == null) {
      throw new InvalidValueException("request", null, "is required");
    }
    CreditRequests.Eligibility eligibility =
        CreditRequests.decide(request.month(), request.requestedAt(), claimZone);
    if (!eligibility.eligible()) {
      return decision(
          request,
          CreditOutcome.REQUESTED_TOO_LATE,
          null,
          0,
          null,
          null,
          eligibility.reason() + " (SLA-7)");
    }
    int percent = policy.creditPercent(request.availabilityPercent());
    if (percent == 0) {
      return decision(request, CreditOutcome.NO_CREDIT_DUE, null, 0, null, null, "SLA met");
    }
    Optional<AppliedCredit> recorded = appliedCredits.find(request.customerId(), request.month());
    if (recorded.isPresent()) {
      AppliedCredit credit = recorded.get();
      return decision(
          request,
          CreditOutcome.ALREADY_APPLIED,
          null,
          percent,
          credit.amount(),
          credit.reference(),
          "applied " + credit.appliedAt());
    }
    try {
      return decideWithStripe(request, percent, dryRun);
    } catch (StripeException e) {
      throw new StripeCallException(
          "Service credit for " + request.customerId() + " " + request.month(), e);
    }
  }

  private CreditDecision decideWithStripe(CreditRequest request, int percent, boolean dryRun)
      throws StripeException {
    String month = request.month().toString();
    Optional<CustomerBalanceTransaction> inStripe =
        stripe.findTransaction(
            request.customerId(),
            t ->
                KIND_SLA_CREDIT.equals(StripeBilling.metadata(t, METADATA_KIND))
                    && month.equals(StripeBilling.metadata(t, METADATA_MONTH)));
    if (inStripe.isPresent()) {
      AppliedCredit found = recordFound(request, inStripe.get(), dryRun);
      return decision(
          request,
          CreditOutcome.ALREADY_IN_STRIPE,
          null,
          percent,
          found.amount(),
          found.reference(),
          "found in the customer's balance transactions");
    }
    Optional<Money> fee = stripe.monthlyFee(request.customerId());
    if (fee.isEmpty()) {
      return decision(
          request, CreditOutcome.NO_ACTIVE_SUBSCRIPTION, null, percent, null, null, "no fee");
    }
    // What Stripe can take: the same as ISO's minor unit except for a few currencies (MGA).
    Money credit =
        StripeAmounts.atStripeUnit(policy.credit(request.availabilityPercent(), fee.get()));
    if (credit.isZero()) {
      return decision(
          request, CreditOutcome.NO_CREDIT_DUE, fee.get(), percent, null, null, "rounds to 0");
    }
    if (dryRun) {
      return decision(
          request, CreditOutcome.WOULD_APPLY, fee.get(), percent, credit, null, "dry run");
    }
    CustomerBalanceTransaction created =
        stripe.credit(
            request.customerId(),
            credit,
            description(request, percent, fee.get()),
            metadata(request, percent),
            idempotencyKey(request.customerId(), request.month()));
    AppliedCredit recorded =
        appliedCredits.recordIfAbsent(
            new AppliedCredit(
                request.customerId(),
                request.month(),
                credit,
                request.availabilityPercent(),
                created.getId(),
                clock.instant()));
    return decision(
        request,
        CreditOutcome.APPLIED,
        fee.get(),
        percent,
        credit,
        recorded.reference(),
        "applied");
  }

  private AppliedCredit recordFound(
      CreditRequest request, CustomerBalanceTransaction transaction, boolean dryRun) {
    String availability = StripeBilling.metadata(transaction, METADATA_AVAILABILITY);
    AppliedCredit found =
        new AppliedCredit(
            request.customerId(),
            request.month(),
            StripeAmounts.money(
                BigDecimal.valueOf(transaction.getAmount()).negate(), transaction.getCurrency()),
            parsedOr(availability, request.availabilityPercent()),
            transaction.getId(),
            Instant.ofEpochSecond(transaction.getCreated()));
    return dryRun ? found : appliedCredits.recordIfAbsent(found);
  }

  private static BigDecimal parsedOr(@Nullable String value, BigDecimal fallback) {
    try {
      return value == null ? fallback : new BigDecimal(value);
    } catch (NumberFormatException e) {
      return fallback; // someone edited the metadata in Stripe's dashboard
    }
  }

  private static String description(CreditRequest request, int percent, Money fee) {
    return "SLA credit for "
        + request.month()
        + ": availability "
        + request.availabilityPercent().toPlainString()
        + "%, "
        + percent
        + "% of the monthly fee "
        + fee;
  }

  private static Map<String, String> metadata(CreditRequest request, int percent) {
    return Map.of(
        METADATA_KIND, KIND_SLA_CREDIT,
        METADATA_MONTH, request.month().toString(),
        METADATA_AVAILABILITY, request.availabilityPercent().toPlainString(),
        METADATA_CREDIT_PERCENT, Integer.toString(percent));
  }

  private static CreditDecision decision(
      CreditRequest request,
      CreditOutcome outcome,
      @Nullable Money fee,
      int percent,
      @Nullable Money credit,
      @Nullable String reference,
      String detail) {
    return new CreditDecision(
        request,
        outcome,
        fee,
        percent,
        credit,
        idempotencyKey(request.customerId(), request.month()),
        reference,
        detail);
  }

  /** Configures {@link ServiceCredits}; {@link #build()} validates and copies. Not thread-safe. */
  public static final class Builder {
    private final StripeSettings settings;
    private AppliedCreditStore appliedCredits = new InMemoryAppliedCreditStore();
    private CreditPolicy policy = CreditPolicy.GUIDE;
    private Clock clock = Clock.systemUTC();
    private ZoneId claimZone = ZoneId.of("Asia/Tokyo");
    private int maxNetworkRetries = 2;

    private Builder(StripeSettings settings) {
      this.settings = settings;
    }

    /** Where applied credits are recorded; in memory unless set (a durable store in production). */
    public Builder appliedCredits(AppliedCreditStore store) {
      this.appliedCredits = require(store, "appliedCredits");
      return this;
    }

    /** The credit tiers; the guide's (SLA-6) unless set. */
    public Builder policy(CreditPolicy policy) {
      this.policy = require(policy, "policy");
      return this;
    }

    /** The clock that stamps applied credits; the system clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = require(clock, "clock");
      return this;
    }

    /** The zone SLA-7's claim deadline is counted in; Asia/Tokyo unless set. */
    public Builder claimZone(ZoneId zone) {
      this.claimZone = require(zone, "claimZone");
      return this;
    }

    /**
     * How often the SDK retries a call that failed with a network error, 409 or 5xx (2 unless set;
     * stripe-java's own default is 0). Safe for the credit POST thanks to its idempotency key.
     *
     * @throws InvalidValueException unless 0–10
     */
    public Builder maxNetworkRetries(int retries) {
      if (retries < 0 || retries > 10) {
        throw new InvalidValueException("maxNetworkRetries", retries, "must be 0–10");
      }
      this.maxNetworkRetries = retries;
      return this;
    }

    /** The configured service credits. */
    public ServiceCredits build() {
      StripeClient client =
          StripeClient.builder()
              .setApiKey(settings.apiKey())
              .setApiBase(settings.apiBase().toString().replaceAll("/+$", ""))
              .setMaxNetworkRetries(maxNetworkRetries)
              .build();
      return new ServiceCredits(this, client);
    }

    private static <T> T require(@Nullable T value, String field) {
      if (value == null) {
        throw new InvalidValueException(field, null, "is required");
      }
      return value;
    }
  }
}
