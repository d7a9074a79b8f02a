package app.omniy.stripe;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.OmniyException;
import app.omniy.core.Require;
import app.omniy.core.billing.AppliedCredit;
import app.omniy.core.billing.CreditClaim;
import app.omniy.core.billing.spi.AppliedCreditStore;
import app.omniy.core.billing.spi.CreditApplier;
import app.omniy.core.memory.InMemoryAppliedCreditStore;
import app.omniy.core.sla.ServiceCredit;
import app.omniy.stripe.internal.StripeAmounts;
import app.omniy.stripe.internal.StripeBilling;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.CustomerBalanceTransaction;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays SLA service credits into customers' Stripe balances, exactly once per customer and month,
 * however often a request is retried. The credit itself (tier, amount and eligibility, SLA-6 and
 * SLA-7) is the core's {@link ServiceCredit}, assessed from the month's exact availability; this
 * class only applies it. For each {@link CreditRequest}:
 *
 * <ol>
 *   <li>a credit not asked for in time ({@link ServiceCredit#eligible()} false) is not paid, and a
 *       credit that is zero in Stripe's unit of the currency asks Stripe nothing;
 *   <li>the {@link AppliedCreditStore} and then the customer's Stripe balance transactions are
 *       searched for this month's credit (metadata {@value #METADATA_MONTH}): Stripe forgets
 *       idempotency keys after 24 hours, these records do not;
 *   <li>the credit's amount is created as a negative customer balance transaction with the
 *       idempotency key {@code omniy-sla-credit:<customer>:<month>}, so a retried POST (the SDK
 *       retries 409 and 5xx answers and network errors) cannot apply it twice, and then recorded in
 *       the store.
 * </ol>
 *
 * <p>{@link #monthlyFee} reads the fee to assess the credit with from the customer's active
 * subscriptions.
 *
 * <pre>{@code
 * ServiceCredits credits = ServiceCredits.builder(settings).appliedCredits(store).build();
 * Money fee = credits.monthlyFee(customerId).orElseThrow();
 * ServiceCredit credit = ServiceCredit.assess(CreditPolicy.GUIDE, month, uptime, fee, askedOn);
 * CreditDecision preview = credits.preview(new CreditRequest(customerId, credit)); // reads only
 * CreditDecision applied = credits.apply(new CreditRequest(customerId, credit));
 * }</pre>
 *
 * <p>Thread-safe. Two processes crediting the same customer and month at the same moment both find
 * nothing and both send the credit, but with the same idempotency key, so Stripe creates it once
 * and answers both with it; the store then keeps one record.
 */
public final class ServiceCredits implements CreditApplier {
  /** Metadata key on every credit Omniy creates, with the value {@value #KIND_SLA_CREDIT}. */
  public static final String METADATA_KIND = "omniy_kind";

  public static final String KIND_SLA_CREDIT = "sla_credit";

  /** Metadata key: the credited month, {@code yyyy-MM}. */
  public static final String METADATA_MONTH = "omniy_sla_month";

  /**
   * Metadata key: the month's availability in percent, truncated (never rounded up) to {@value
   * #AVAILABILITY_DECIMALS} decimals as the SLA report shows it.
   */
  public static final String METADATA_AVAILABILITY = "omniy_availability_percent";

  /** Metadata key: the share of the fee credited, in percent (the assessed tier, SLA-6). */
  public static final String METADATA_CREDIT_PERCENT = "omniy_credit_percent";

  private static final int AVAILABILITY_DECIMALS = 4;

  private static final Logger log = LoggerFactory.getLogger(ServiceCredits.class);

  private final StripeBilling stripe;
  private final AppliedCreditStore appliedCredits;
  private final Clock clock;

  private ServiceCredits(Builder builder, StripeClient client) {
    this.stripe = new StripeBilling(client);
    this.appliedCredits = builder.appliedCredits;
    this.clock = builder.clock;
  }

  /** A builder calling Stripe with {@code settings}' API key at its API base. */
  public static Builder builder(StripeSettings settings) {
    Require.nonNull(settings, "settings");
    return new Builder(settings);
  }

  /** The idempotency key of the credit for {@code customerId} and {@code month}. */
  public static String idempotencyKey(String customerId, YearMonth month) {
    return CreditClaim.idempotencyKey(customerId, month);
  }

  /**
   * The customer's monthly fee, to assess the credit with: the sum of price × quantity over the
   * items of their active subscriptions, in the price's currency; empty when none is active.
   *
   * @throws StripeCallException if Stripe failed after the retries
   * @throws OmniyException if an item is not billed monthly per unit (e.g. a yearly price), or the
   *     subscriptions' currencies differ
   */
  public Optional<Money> monthlyFee(String customerId) {
    if (customerId == null || !customerId.matches("\\S+")) {
      throw new InvalidValueException("customerId", customerId, "must be a Stripe customer id");
    }
    try {
      return stripe.monthlyFee(customerId);
    } catch (StripeException e) {
      throw new StripeCallException("Monthly fee of " + customerId, e);
    }
  }

  /**
   * Applies the credit of {@code request} unless it is not due or was applied before.
   *
   * @throws StripeCallException if Stripe failed after the retries; nothing was recorded, and
   *     running the request again is safe
   */
  public CreditDecision apply(CreditRequest request) {
    return decide(request, false);
  }

  /**
   * Applies a claimed credit for the core's {@code CreditDesk} (SLA-7): {@link #apply} of {@code
   * new CreditRequest(customerId, credit)}, answering the credit applied now ({@link
   * CreditOutcome#APPLIED}) or found applied before ({@link CreditOutcome#ALREADY_APPLIED}, {@link
   * CreditOutcome#ALREADY_IN_STRIPE}) as the store records it; empty when nothing is due in
   * Stripe's unit of the currency.
   *
   * @throws StripeCallException if Stripe failed after the retries; nothing was recorded
   * @throws InvalidValueException if the credit was not asked for in time (the desk never passes
   *     one) or lacks its amount
   */
  @Override
  public Optional<AppliedCredit> applyCredit(String customerId, ServiceCredit credit) {
    CreditDecision decision = apply(new CreditRequest(customerId, credit));
    return switch (decision.outcome()) {
      case APPLIED, ALREADY_APPLIED, ALREADY_IN_STRIPE ->
          Optional.of(
              appliedCredits
                  .find(customerId, credit.month())
                  .orElseThrow(
                      () ->
                          new OmniyException(
                              "the applied-credit store lost the credit of "
                                  + customerId
                                  + " "
                                  + credit.month())));
      case NO_CREDIT_DUE -> Optional.empty();
      case REQUESTED_TOO_LATE ->
          throw new InvalidValueException("credit.eligible", false, decision.detail());
      case WOULD_APPLY, FAILED ->
          throw new IllegalStateException("apply() answered " + decision.outcome());
    };
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
    Require.nonNull(requests, "requests");
    List<CreditDecision> decisions = new ArrayList<>();
    for (CreditRequest request : requests) {
      if (request == null) {
        throw new InvalidValueException("requests[" + decisions.size() + "]", null, "is required");
      }
      try {
        decisions.add(decide(request, dryRun));
      } catch (RuntimeException e) { // Stripe or the store: this customer only
        log.warn(
            "Service credit for {} {} failed", request.customerId(), request.credit().month(), e);
        decisions.add(
            decision(request, CreditOutcome.FAILED, null, null, String.valueOf(e.getMessage())));
      }
    }
    return List.copyOf(decisions);
  }

  private CreditDecision decide(CreditRequest request, boolean dryRun) {
    Require.nonNull(request, "request");
    ServiceCredit credit = request.credit();
    if (!Boolean.TRUE.equals(credit.eligible())) {
      return decision(
          request, CreditOutcome.REQUESTED_TOO_LATE, null, null, credit.reason() + " (SLA-7)");
    }
    // What Stripe can take: the same as ISO's minor unit except for a few currencies (MGA).
    Money amount = StripeAmounts.atStripeUnit(Require.nonNull(credit.amount(), "credit.amount"));
    if (amount.isZero()) {
      String why = credit.creditPercent() == 0 ? "SLA met" : "rounds to 0";
      return decision(request, CreditOutcome.NO_CREDIT_DUE, null, null, why);
    }
    Optional<AppliedCredit> recorded = appliedCredits.find(request.customerId(), credit.month());
    if (recorded.isPresent()) {
      AppliedCredit applied = recorded.get();
      return decision(
          request,
          CreditOutcome.ALREADY_APPLIED,
          applied.amount(),
          applied.reference(),
          "applied " + applied.appliedAt());
    }
    try {
      return decideWithStripe(request, amount, dryRun);
    } catch (StripeException e) {
      throw new StripeCallException(
          "Service credit for " + request.customerId() + " " + credit.month(), e);
    }
  }

  private CreditDecision decideWithStripe(CreditRequest request, Money amount, boolean dryRun)
      throws StripeException {
    ServiceCredit credit = request.credit();
    String month = credit.month().toString();
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
          found.amount(),
          found.reference(),
          "found in the customer's balance transactions");
    }
    if (dryRun) {
      return decision(request, CreditOutcome.WOULD_APPLY, amount, null, "dry run");
    }
    CustomerBalanceTransaction created =
        stripe.credit(
            request.customerId(),
            amount,
            description(credit),
            metadata(credit),
            idempotencyKey(request.customerId(), credit.month()));
    AppliedCredit recorded =
        appliedCredits.recordIfAbsent(
            new AppliedCredit(
                request.customerId(),
                credit.month(),
                amount,
                availabilityPercent(credit),
                created.getId(),
                clock.instant()));
    return decision(request, CreditOutcome.APPLIED, amount, recorded.reference(), "applied");
  }

  private AppliedCredit recordFound(
      CreditRequest request, CustomerBalanceTransaction transaction, boolean dryRun) {
    String availability = StripeBilling.metadata(transaction, METADATA_AVAILABILITY);
    AppliedCredit found =
        new AppliedCredit(
            request.customerId(),
            request.credit().month(),
            StripeAmounts.money(
                BigDecimal.valueOf(transaction.getAmount()).negate(), transaction.getCurrency()),
            parsedOr(availability, availabilityPercent(request.credit())),
            transaction.getId(),
            Instant.ofEpochSecond(transaction.getCreated()));
    return dryRun ? found : appliedCredits.recordIfAbsent(found);
  }

  private static BigDecimal availabilityPercent(ServiceCredit credit) {
    return credit.availability().percent(AVAILABILITY_DECIMALS);
  }

  private static BigDecimal parsedOr(@Nullable String value, BigDecimal fallback) {
    try {
      return value == null ? fallback : new BigDecimal(value);
    } catch (NumberFormatException e) {
      return fallback; // someone edited the metadata in Stripe's dashboard
    }
  }

  private static String description(ServiceCredit credit) {
    return "SLA credit for "
        + credit.month()
        + ": availability "
        + availabilityPercent(credit).toPlainString()
        + "%, "
        + credit.creditPercent()
        + "% of the monthly fee";
  }

  private static Map<String, String> metadata(ServiceCredit credit) {
    return Map.of(
        METADATA_KIND, KIND_SLA_CREDIT,
        METADATA_MONTH, credit.month().toString(),
        METADATA_AVAILABILITY, availabilityPercent(credit).toPlainString(),
        METADATA_CREDIT_PERCENT, Integer.toString(credit.creditPercent()));
  }

  private static CreditDecision decision(
      CreditRequest request,
      CreditOutcome outcome,
      @Nullable Money credit,
      @Nullable String reference,
      String detail) {
    return new CreditDecision(
        request,
        outcome,
        credit,
        idempotencyKey(request.customerId(), request.credit().month()),
        reference,
        detail);
  }

  /** Configures {@link ServiceCredits}; {@link #build()} validates and copies. Not thread-safe. */
  public static final class Builder {
    private final StripeSettings settings;
    private AppliedCreditStore appliedCredits = new InMemoryAppliedCreditStore();
    private Clock clock = Clock.systemUTC();
    private int maxNetworkRetries = 2;

    private Builder(StripeSettings settings) {
      this.settings = settings;
    }

    /** Where applied credits are recorded; in memory unless set (a durable store in production). */
    public Builder appliedCredits(AppliedCreditStore store) {
      this.appliedCredits = Require.nonNull(store, "appliedCredits");
      return this;
    }

    /** The clock that stamps applied credits; the system clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
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
  }
}
