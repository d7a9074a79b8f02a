package app.omniy.core.billing.service;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.Require;
import app.omniy.core.billing.AppliedCredit;
import app.omniy.core.billing.ClaimState;
import app.omniy.core.billing.CreditClaim;
import app.omniy.core.billing.CreditOffer;
import app.omniy.core.billing.Customer;
import app.omniy.core.billing.MonthClose;
import app.omniy.core.billing.spi.CreditApplier;
import app.omniy.core.billing.spi.CreditOfferListener;
import app.omniy.core.billing.spi.CreditOfferStore;
import app.omniy.core.billing.spi.CustomerList;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.memory.InMemoryCreditOfferStore;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.CreditRequests;
import app.omniy.core.sla.ExactRatio;
import app.omniy.core.sla.ServiceCredit;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaReport;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.sla.spi.DowntimeStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Service credits on request, as the guide says (SLA-6, SLA-7): a credit is paid only when the
 * customer asks, by the end of the month after the credited month (JST, last day included).
 *
 * <ul>
 *   <li>{@link #closeMonth} — run by {@link #monthEndTask()} on the 1st — measures the previous
 *       month from the downtime ledger (its {@link SlaReport}), offers every customer of the {@link
 *       CustomerList} the credit they could claim ({@link CreditOffer}, stored in the {@link
 *       CreditOfferStore}) and tells the host's {@link CreditOfferListener}, so it can tell them.
 *   <li>{@link #claim} takes a customer's request: it checks the deadline, applies the credit once
 *       through the {@link CreditApplier} (omniy-stripe's {@code ServiceCredits}) or, without one,
 *       records it for the host to pay, and answers what was applied or why not ({@link
 *       ClaimResult}).
 * </ul>
 *
 * <pre>{@code
 * CreditDesk desk =
 *     CreditDesk.builder(downtimeStore, customers)   // the ledger and the host's customer list
 *         .offers(offerStore)                         // durable in production (Firestore)
 *         .applier(serviceCredits)                    // Stripe; leave out to only record
 *         .listener(close -> mailer.tell(close.owed()))
 *         .build();
 * Omniy.builder().credits(desk) ... ;                 // the month-end job on the 1st
 * ClaimResult result = desk.claim("cus_Q1", YearMonth.of(2026, 4), LocalDate.of(2026, 5, 20));
 * }</pre>
 *
 * <p>Exactly once: a claim first takes the month's claim in the offer store (one of concurrent
 * claims wins, the others answer {@link ClaimOutcome#IN_PROGRESS} or, once settled, {@link
 * ClaimOutcome#ALREADY_APPLIED}); the applier sends the credit with the idempotency key {@link
 * CreditClaim#idempotencyKey}, so a retried call cannot apply it twice, and looks for an earlier
 * credit of the month first, so a claim that takes over from a holder that died after the provider
 * answered finds it instead of sending another. Thread-safe.
 */
public final class CreditDesk {
  private final DowntimeStore downtime;
  private final CustomerList customers;
  private final CreditOfferStore offers;
  private final @Nullable CreditApplier applier;
  private final @Nullable CreditOfferListener listener;
  private final CreditPolicy policy;
  private final ZoneId zone;
  private final Clock clock;
  private final Duration claimLease;

  private CreditDesk(Builder builder) {
    this.downtime = builder.downtime;
    this.customers = builder.customers;
    this.offers = builder.offers;
    this.applier = builder.applier;
    this.listener = builder.listener;
    this.policy = builder.policy;
    this.zone = builder.zone;
    this.clock = builder.clock;
    this.claimLease = builder.claimLease;
  }

  /**
   * A builder for a desk measuring months from {@code downtime} and offering credits to {@code
   * customers}.
   *
   * @throws InvalidValueException if either is missing
   */
  public static Builder builder(DowntimeStore downtime, CustomerList customers) {
    return new Builder(
        Require.nonNull(downtime, "downtime"), Require.nonNull(customers, "customers"));
  }

  /**
   * The month-end job: on the 1st (the calendar's {@code monthly-report} job, 09:00 JST) it closes
   * the month before the occurrence's due date with {@link #closeMonth}. Register it with the
   * maintenance scheduler, or let {@code Omniy.Builder.credits(desk)} do it.
   */
  public BuiltInTask monthEndTask() {
    return new MonthEndCreditsTask(this);
  }

  /** Whether claims are applied through a payment provider (otherwise only recorded). */
  public boolean applies() {
    return applier != null;
  }

  /**
   * Closes {@code month}: measures its SLA report from the downtime ledger, offers every customer
   * the credit the month's system availability earns (SLA-6) — zero when the SLA was met — stores
   * the offers and tells the listener. Running it again for the same month replaces the unclaimed
   * offers (a corrected ledger) and keeps the claimed ones; the listener hears again.
   *
   * @return the report and the offers, as stored
   * @throws InvalidValueException if {@code month} has not ended yet in the desk's zone, or the
   *     customer list names a customer twice
   */
  public MonthClose closeMonth(YearMonth month) {
    SlaMonth sla = SlaMonth.of(Require.nonNull(month, "month"), zone);
    Instant now = clock.instant();
    if (now.isBefore(sla.end())) {
      throw new InvalidValueException("month", month, "has not ended yet (" + zone + ")");
    }
    SlaReport report = SlaReport.of(downtime.ledger(sla.range()), sla, policy, null);
    ExactRatio availability = report.system().uptime();
    List<Customer> billed = customers.customers(month);
    Require.nonNull(billed, "customers");
    Set<String> seen = new HashSet<>();
    List<CreditOffer> made = new ArrayList<>(billed.size());
    for (int i = 0; i < billed.size(); i++) {
      Customer customer = Require.nonNull(billed.get(i), "customers[" + i + "]");
      if (!seen.add(customer.id())) {
        throw new InvalidValueException("customers[" + i + "]", customer.id(), "is listed twice");
      }
      made.add(offers.offer(offer(customer, month, availability, now)));
    }
    MonthClose close = new MonthClose(report, made);
    if (listener != null) {
      listener.monthClosed(close);
    }
    return close;
  }

  /** The offer to {@code customerId} for {@code month}, with its claim, if the month was closed. */
  public Optional<CreditOffer> offer(String customerId, YearMonth month) {
    return offers.find(customerId, month);
  }

  /**
   * A claim received at {@code requestedAt}, judged by its date in the desk's zone (JST): {@link
   * #claim(String, YearMonth, LocalDate)}.
   */
  public ClaimResult claim(String customerId, YearMonth month, Instant requestedAt) {
    Require.nonNull(requestedAt, "requestedAt");
    return claim(customerId, month, LocalDate.ofInstant(requestedAt, zone));
  }

  /**
   * Takes {@code customerId}'s claim for {@code month}'s credit, asked on {@code requestedOn} (a
   * date in the desk's zone), and answers, in this order: {@link ClaimOutcome#TOO_EARLY} while the
   * month is not over (or the date is before it began); {@link ClaimOutcome#NOT_A_CUSTOMER}; {@link
   * ClaimOutcome#ALREADY_APPLIED} when an earlier claim settled it; {@link
   * ClaimOutcome#NOTHING_OWED} when the month earns nothing; {@link ClaimOutcome#PAST_DEADLINE}
   * after the last day of the following month; {@link ClaimOutcome#IN_PROGRESS} while another claim
   * holds it; otherwise {@link ClaimOutcome#APPLIED} through the applier or, without one, {@link
   * ClaimOutcome#RECORDED}. A month not closed yet is offered first, from the ledger and the
   * customer list.
   *
   * @throws InvalidValueException if an argument is missing
   * @throws RuntimeException what the applier threw (e.g. Stripe failed); the claim was released,
   *     nothing was recorded, and claiming again is safe
   */
  public ClaimResult claim(String customerId, YearMonth month, LocalDate requestedOn) {
    Require.nonBlank(customerId, "customerId");
    Require.nonNull(month, "month");
    Require.nonNull(requestedOn, "requestedOn");
    Instant now = clock.instant();
    SlaMonth sla = SlaMonth.of(month, zone);
    if (now.isBefore(sla.end())) {
      return answer(
          customerId,
          month,
          ClaimOutcome.TOO_EARLY,
          null,
          month + " is not over yet: claims are taken from " + month.plusMonths(1).atDay(1));
    }
    if (requestedOn.isBefore(month.atDay(1))) {
      return answer(
          customerId,
          month,
          ClaimOutcome.TOO_EARLY,
          null,
          "requested on " + requestedOn + ", before " + month + " began");
    }
    Optional<CreditOffer> found = offers.find(customerId, month);
    if (found.isEmpty()) {
      found = offerNow(customerId, sla, now);
    }
    if (found.isEmpty()) {
      return answer(
          customerId,
          month,
          ClaimOutcome.NOT_A_CUSTOMER,
          null,
          customerId + " is not on the customer list for " + month);
    }
    CreditOffer offer = found.get();
    if (offer.claim() != null && offer.claim().settled()) {
      return already(offer);
    }
    if (!offer.owed()) {
      return answer(offer, ClaimOutcome.NOTHING_OWED, null, null, nothingOwed(offer));
    }
    CreditRequests.Eligibility onTime = CreditRequests.decide(month, requestedOn);
    if (!onTime.eligible()) {
      return answer(offer, ClaimOutcome.PAST_DEADLINE, null, null, onTime.reason() + " (SLA-7)");
    }
    CreditClaim mine =
        CreditClaim.pending(requestedOn, UUID.randomUUID().toString(), now, now.plus(claimLease));
    CreditOffer after =
        offers
            .startClaim(customerId, month, mine)
            .orElseThrow(() -> new IllegalStateException("the offer disappeared: " + offer));
    CreditClaim held = after.claim();
    if (held == null || !held.attempt().equals(mine.attempt())) {
      if (held != null && held.settled()) {
        return already(after);
      }
      return answer(
          after,
          ClaimOutcome.IN_PROGRESS,
          null,
          null,
          "another claim is being applied"
              + (held == null ? "" : " (until " + held.until() + ")")
              + "; ask again");
    }
    return settle(after, mine, onTime.reason());
  }

  private ClaimResult settle(CreditOffer offer, CreditClaim mine, String onTime) {
    String customerId = offer.customerId();
    YearMonth month = offer.month();
    if (applier == null) {
      offers.settleClaim(
          customerId, month, mine.attempt(), ClaimState.RECORDED, null, clock.instant());
      return answer(
          offer,
          ClaimOutcome.RECORDED,
          offer.amount(),
          null,
          onTime + "; recorded: no payment provider is configured, the host pays it");
    }
    Optional<AppliedCredit> applied;
    try {
      ServiceCredit credit =
          new ServiceCredit(
              month, offer.availability(), offer.creditPercent(), offer.amount(), true, onTime);
      applied = applier.applyCredit(customerId, credit);
    } catch (RuntimeException e) {
      offers.releaseClaim(customerId, month, mine.attempt());
      throw e;
    }
    if (applied.isEmpty()) {
      offers.releaseClaim(customerId, month, mine.attempt());
      return answer(
          offer,
          ClaimOutcome.NOTHING_OWED,
          null,
          null,
          offer.amount()
              + " is zero in the payment provider's unit of "
              + offer.amount().currency());
    }
    AppliedCredit credit = applied.get();
    // False only if this claim lapsed and another took it over; the applier's idempotency (key and
    // lookup of the month's credit) makes that one find this credit rather than send another.
    offers.settleClaim(
        customerId, month, mine.attempt(), ClaimState.APPLIED, credit.reference(), clock.instant());
    return answer(
        offer,
        ClaimOutcome.APPLIED,
        credit.amount(),
        credit.reference(),
        onTime + "; applied " + credit.amount() + " (" + credit.reference() + ")");
  }

  private Optional<CreditOffer> offerNow(String customerId, SlaMonth sla, Instant now) {
    Optional<Customer> customer = customers.customer(customerId, sla.month());
    if (customer.isEmpty()) {
      return Optional.empty();
    }
    ExactRatio availability =
        downtime.ledger(sla.range()).availability(SlaTarget.SYSTEM, sla).uptime();
    return Optional.of(offers.offer(offer(customer.get(), sla.month(), availability, now)));
  }

  private CreditOffer offer(
      Customer customer, YearMonth month, ExactRatio availability, Instant now) {
    ServiceCredit credit =
        ServiceCredit.assess(policy, month, availability, customer.monthlyFee(), null);
    Money amount = Require.nonNull(credit.amount(), "amount");
    return CreditOffer.of(customer.id(), month, availability, credit.creditPercent(), amount, now);
  }

  private static String nothingOwed(CreditOffer offer) {
    return offer.creditPercent() == 0
        ? "availability "
            + offer.availability().percent(4).toPlainString()
            + "% met the SLA: no credit (SLA-6)"
        : offer.creditPercent() + "% of the fee rounds to " + offer.amount();
  }

  private static ClaimResult already(CreditOffer offer) {
    CreditClaim claim = Require.nonNull(offer.claim(), "claim");
    return answer(
        offer,
        ClaimOutcome.ALREADY_APPLIED,
        offer.amount(),
        claim.reference(),
        "claimed on "
            + claim.requestedOn()
            + " and "
            + (claim.state() == ClaimState.APPLIED ? "applied" : "recorded")
            + " at "
            + claim.settledAt()
            + (claim.reference() == null ? "" : " (" + claim.reference() + ")"));
  }

  private static ClaimResult answer(
      CreditOffer offer,
      ClaimOutcome outcome,
      @Nullable Money credited,
      @Nullable String reference,
      String reason) {
    return new ClaimResult(
        offer.customerId(),
        offer.month(),
        outcome,
        credited,
        reference,
        offer,
        offer.idempotencyKey(),
        reason);
  }

  private static ClaimResult answer(
      String customerId,
      YearMonth month,
      ClaimOutcome outcome,
      @Nullable CreditOffer offer,
      String reason) {
    return new ClaimResult(
        customerId, month, outcome, null, null, offer, ClaimResult.key(customerId, month), reason);
  }

  /** Configures a {@link CreditDesk}; not thread-safe. */
  public static final class Builder {
    private final DowntimeStore downtime;
    private final CustomerList customers;
    private CreditOfferStore offers = new InMemoryCreditOfferStore();
    private @Nullable CreditApplier applier;
    private @Nullable CreditOfferListener listener;
    private CreditPolicy policy = CreditPolicy.GUIDE;
    private ZoneId zone = SlaMonth.DEFAULT_ZONE;
    private Clock clock = Clock.systemUTC();
    private Duration claimLease = Duration.ofMinutes(5);

    private Builder(DowntimeStore downtime, CustomerList customers) {
      this.downtime = downtime;
      this.customers = customers;
    }

    /** Where offers and claims are kept; in memory unless set (a durable store in production). */
    public Builder offers(CreditOfferStore value) {
      this.offers = Require.nonNull(value, "offers");
      return this;
    }

    /**
     * Applies claimed credits at the payment provider, e.g. omniy-stripe's {@code ServiceCredits};
     * without one, claims are only recorded ({@link ClaimOutcome#RECORDED}).
     */
    public Builder applier(CreditApplier value) {
      this.applier = Require.nonNull(value, "applier");
      return this;
    }

    /** Who hears of each closed month, to tell the customers; nobody unless set. */
    public Builder listener(CreditOfferListener value) {
      this.listener = Require.nonNull(value, "listener");
      return this;
    }

    /** The credit tiers (default {@link CreditPolicy#GUIDE}, SLA-6). */
    public Builder policy(CreditPolicy value) {
      this.policy = Require.nonNull(value, "policy");
      return this;
    }

    /** The zone months and request dates are read in (default JST, SLA-1). */
    public Builder zone(ZoneId value) {
      this.zone = Require.nonNull(value, "zone");
      return this;
    }

    /** The time source (default the UTC system clock). */
    public Builder clock(Clock value) {
      this.clock = Require.nonNull(value, "clock");
      return this;
    }

    /**
     * How long a claim being applied holds the month before another claim may take it over (default
     * 5 min): longer than the applier's slowest call with its retries.
     *
     * @throws InvalidValueException unless positive
     */
    public Builder claimLease(Duration value) {
      this.claimLease = Require.positive(value, "claimLease");
      return this;
    }

    /** The configured desk. */
    public CreditDesk build() {
      return new CreditDesk(this);
    }
  }
}
