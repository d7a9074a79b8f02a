package app.omniy.core.billing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.billing.AppliedCredit;
import app.omniy.core.billing.ClaimState;
import app.omniy.core.billing.CreditOffer;
import app.omniy.core.billing.Customer;
import app.omniy.core.billing.MonthClose;
import app.omniy.core.billing.spi.CreditApplier;
import app.omniy.core.billing.spi.CustomerList;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.MaintenanceCalendar;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.maintenance.spi.JobContext;
import app.omniy.core.memory.InMemoryCreditOfferStore;
import app.omniy.core.memory.InMemoryDowntimeStore;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.SlaMonth;
import app.omniy.testkit.SettableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The month-end job and claims without a payment provider, and with a counting applier (SLA-7). */
class CreditDeskTest {
  private static final YearMonth APRIL = YearMonth.of(2026, 4);
  private static final Instant MAY_1_JST_0900 =
      ZonedDateTime.of(2026, 5, 1, 9, 0, 0, 0, SlaMonth.DEFAULT_ZONE).toInstant();
  private static final List<Customer> CUSTOMERS =
      List.of(
          new Customer("cus_JP1", Money.of("1980", "JPY")),
          new Customer("cus_US1", Money.of("19.99", "USD")),
          new Customer("cus_EU1", Money.of("49.00", "EUR")));

  private final SettableClock clock = SettableClock.at(MAY_1_JST_0900);
  private final InMemoryDowntimeStore downtime = new InMemoryDowntimeStore();
  private final InMemoryCreditOfferStore offers = new InMemoryCreditOfferStore();
  private final List<MonthClose> heard = new ArrayList<>();
  private final CustomerList customers = month -> CUSTOMERS;

  private CreditDesk.Builder desk() {
    return CreditDesk.builder(downtime, customers).offers(offers).listener(heard::add).clock(clock);
  }

  /** A 120-minute outage on 10 April, 01:00–03:00 JST: 7,200 of April's 2,592,000 s. */
  private void outageOf120Minutes() {
    Instant start = ZonedDateTime.of(2026, 4, 10, 1, 0, 0, 0, SlaMonth.DEFAULT_ZONE).toInstant();
    downtime.add(
        DowntimePeriod.of(start, start.plus(Duration.ofMinutes(120)), DowntimeCause.INCIDENT));
  }

  private static JobContext firstOfMay() {
    return new JobContext(
        MaintenanceCalendar.GUIDE.job(JobIds.MONTHLY_REPORT).orElseThrow(),
        MAY_1_JST_0900,
        MAY_1_JST_0900,
        SlaMonth.DEFAULT_ZONE);
  }

  @Test
  void the_month_end_job_after_a_120_minute_outage_offers_every_customer_a_10_percent_credit()
      throws Exception {
    outageOf120Minutes();
    BuiltInTask task = desk().build().monthEndTask();

    String output = task.run(firstOfMay());

    assertThat(task.jobId()).isEqualTo(JobIds.MONTHLY_REPORT);
    assertThat(task.name()).isEqualTo("service-credits");
    assertThat(output)
        .isEqualTo(
            "closed 2026-04: availability 99.7222%, 10% credit offered to 3 of 3 customers,"
                + " claimable through 2026-05-31");
    assertThat(offers.findByMonth(APRIL))
        .extracting(CreditOffer::customerId, CreditOffer::creditPercent, CreditOffer::amount)
        .containsExactlyInAnyOrder(
            tuple("cus_JP1", 10, Money.of("198", "JPY")),
            tuple("cus_US1", 10, Money.of("2.00", "USD")),
            tuple("cus_EU1", 10, Money.of("4.90", "EUR")));
    assertThat(offers.findByMonth(APRIL))
        .allSatisfy(
            offer -> {
              assertThat(offer.deadline()).isEqualTo(LocalDate.of(2026, 5, 31));
              assertThat(offer.claim()).isNull();
              assertThat(offer.offeredAt()).isEqualTo(MAY_1_JST_0900);
            });
    assertThat(heard).hasSize(1);
    MonthClose close = heard.get(0);
    assertThat(close.month()).isEqualTo(APRIL);
    assertThat(close.report().system().downtimeSeconds()).isEqualTo(7_200);
    assertThat(close.report().periods()).hasSize(1);
    assertThat(close.owed()).hasSize(3);
    assertThat(close.deadline()).isEqualTo(LocalDate.of(2026, 5, 31));
  }

  @Test
  void a_month_that_met_the_sla_is_closed_with_zero_offers_and_claims_answer_nothing_owed()
      throws Exception {
    String output = desk().build().monthEndTask().run(firstOfMay());

    assertThat(output).isEqualTo("closed 2026-04: availability 100.0000%, no credit; 3 customers");
    assertThat(heard.get(0).owed()).isEmpty();
    ClaimResult result = desk().build().claim("cus_JP1", APRIL, LocalDate.of(2026, 5, 2));
    assertThat(result.outcome()).isEqualTo(ClaimOutcome.NOTHING_OWED);
    assertThat(result.reason()).contains("100.0000% met the SLA");
    assertThat(result.creditedAmount()).isEmpty();
  }

  @Test
  void without_a_payment_provider_a_claim_is_recorded_once_and_a_second_answers_already_applied() {
    outageOf120Minutes();
    CreditDesk desk = desk().build();
    desk.closeMonth(APRIL);

    ClaimResult first = desk.claim("cus_US1", APRIL, LocalDate.of(2026, 5, 20));
    ClaimResult second = desk.claim("cus_US1", APRIL, LocalDate.of(2026, 5, 21));

    assertThat(desk.applies()).isFalse();
    assertThat(first.outcome()).isEqualTo(ClaimOutcome.RECORDED);
    assertThat(first.credited()).isEqualTo(Money.of("2.00", "USD"));
    assertThat(first.reference()).isNull();
    assertThat(first.idempotencyKey()).isEqualTo("omniy-sla-credit:cus_US1:2026-04");
    assertThat(second.outcome()).isEqualTo(ClaimOutcome.ALREADY_APPLIED);
    assertThat(second.credited()).isEqualTo(Money.of("2.00", "USD"));
    assertThat(second.reason()).contains("claimed on 2026-05-20").contains("recorded");
    var claim = offers.find("cus_US1", APRIL).orElseThrow().claim();
    assertThat(claim.state()).isEqualTo(ClaimState.RECORDED);
    assertThat(claim.requestedOn()).isEqualTo(LocalDate.of(2026, 5, 20));
  }

  @Test
  void a_claim_on_the_last_day_of_the_following_month_counts_and_one_a_day_later_does_not() {
    outageOf120Minutes();
    clock.set(Instant.parse("2026-06-10T00:00:00Z"));
    CreditDesk desk = desk().build();

    ClaimResult late = desk.claim("cus_JP1", APRIL, LocalDate.of(2026, 6, 1));
    ClaimResult onTime = desk.claim("cus_US1", APRIL, LocalDate.of(2026, 5, 31));

    assertThat(late.outcome()).isEqualTo(ClaimOutcome.PAST_DEADLINE);
    assertThat(late.reason())
        .isEqualTo("requested on 2026-06-01, after the deadline 2026-05-31 (SLA-7)");
    assertThat(late.creditedAmount()).isEmpty();
    assertThat(late.offer().amount()).isEqualTo(Money.of("198", "JPY"));
    assertThat(offers.find("cus_JP1", APRIL).orElseThrow().claim()).isNull();
    assertThat(onTime.outcome()).isEqualTo(ClaimOutcome.RECORDED);
  }

  @Test
  void a_request_arriving_at_midnight_jst_on_june_1_is_late_though_still_may_31_in_utc() {
    outageOf120Minutes();
    clock.set(Instant.parse("2026-06-10T00:00:00Z"));
    CreditDesk desk = desk().build();

    Instant midnightJst = Instant.parse("2026-05-31T15:00:00Z");
    assertThat(desk.claim("cus_JP1", APRIL, midnightJst).outcome())
        .isEqualTo(ClaimOutcome.PAST_DEADLINE);
    assertThat(desk.claim("cus_JP1", APRIL, midnightJst.minusSeconds(1)).outcome())
        .isEqualTo(ClaimOutcome.RECORDED);
  }

  @Test
  void a_claim_before_the_month_ends_or_dated_before_it_began_is_too_early() {
    outageOf120Minutes();
    clock.set(ZonedDateTime.of(2026, 4, 30, 23, 59, 59, 0, SlaMonth.DEFAULT_ZONE).toInstant());
    CreditDesk desk = desk().build();

    ClaimResult during = desk.claim("cus_JP1", APRIL, LocalDate.of(2026, 4, 20));
    assertThat(during.outcome()).isEqualTo(ClaimOutcome.TOO_EARLY);
    assertThat(during.reason()).contains("claims are taken from 2026-05-01");
    assertThatThrownBy(() -> desk.closeMonth(APRIL))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("month");

    clock.set(MAY_1_JST_0900);
    assertThat(desk.claim("cus_JP1", APRIL, LocalDate.of(2026, 3, 31)).outcome())
        .isEqualTo(ClaimOutcome.TOO_EARLY);
    assertThat(desk.claim("cus_JP1", APRIL, LocalDate.of(2026, 4, 20)).outcome())
        .isEqualTo(ClaimOutcome.RECORDED);
  }

  @Test
  void a_claim_before_the_month_end_job_ran_offers_the_month_first() {
    outageOf120Minutes();
    CreditDesk desk = desk().build();

    ClaimResult result = desk.claim("cus_EU1", APRIL, LocalDate.of(2026, 5, 1));

    assertThat(result.outcome()).isEqualTo(ClaimOutcome.RECORDED);
    assertThat(result.credited()).isEqualTo(Money.of("4.90", "EUR"));
    assertThat(offers.find("cus_EU1", APRIL)).isPresent();
    assertThat(heard).isEmpty();
  }

  @Test
  void someone_not_on_the_customer_list_is_told_so() {
    outageOf120Minutes();

    ClaimResult result = desk().build().claim("cus_nobody", APRIL, LocalDate.of(2026, 5, 2));

    assertThat(result.outcome()).isEqualTo(ClaimOutcome.NOT_A_CUSTOMER);
    assertThat(result.offer()).isNull();
  }

  @Test
  void an_applier_is_called_once_for_two_claims_and_its_reference_is_answered() {
    outageOf120Minutes();
    AtomicInteger calls = new AtomicInteger();
    CreditApplier applier =
        (customer, credit) -> {
          calls.incrementAndGet();
          return Optional.of(
              new AppliedCredit(
                  customer,
                  credit.month(),
                  credit.amount(),
                  credit.availability().percent(4),
                  "cbtxn_1",
                  clock.instant()));
        };
    CreditDesk desk = desk().applier(applier).build();

    ClaimResult first = desk.claim("cus_JP1", APRIL, LocalDate.of(2026, 5, 3));
    ClaimResult second = desk.claim("cus_JP1", APRIL, LocalDate.of(2026, 5, 4));

    assertThat(first.outcome()).isEqualTo(ClaimOutcome.APPLIED);
    assertThat(first.reference()).isEqualTo("cbtxn_1");
    assertThat(second.outcome()).isEqualTo(ClaimOutcome.ALREADY_APPLIED);
    assertThat(second.reference()).isEqualTo("cbtxn_1");
    assertThat(calls).hasValue(1);
  }

  @Test
  void when_the_applier_fails_the_claim_is_released_and_the_next_claim_applies() {
    outageOf120Minutes();
    AtomicInteger calls = new AtomicInteger();
    CreditApplier flaky =
        (customer, credit) -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("provider down");
          }
          return Optional.of(
              new AppliedCredit(
                  customer,
                  credit.month(),
                  credit.amount(),
                  BigDecimal.ONE,
                  "cbtxn_2",
                  clock.instant()));
        };
    CreditDesk desk = desk().applier(flaky).build();

    assertThatThrownBy(() -> desk.claim("cus_JP1", APRIL, LocalDate.of(2026, 5, 3)))
        .hasMessage("provider down");
    assertThat(offers.find("cus_JP1", APRIL).orElseThrow().claim()).isNull();

    assertThat(desk.claim("cus_JP1", APRIL, LocalDate.of(2026, 5, 3)).outcome())
        .isEqualTo(ClaimOutcome.APPLIED);
    assertThat(calls).hasValue(2);
  }

  @Test
  void a_rerun_after_a_ledger_correction_updates_unclaimed_offers_and_keeps_claimed_ones() {
    outageOf120Minutes();
    CreditDesk desk = desk().build();
    desk.closeMonth(APRIL);
    desk.claim("cus_JP1", APRIL, LocalDate.of(2026, 5, 2));
    Instant start = ZonedDateTime.of(2026, 4, 20, 0, 0, 0, 0, SlaMonth.DEFAULT_ZONE).toInstant();
    downtime.add(
        DowntimePeriod.of(start, start.plus(Duration.ofHours(10)), DowntimeCause.INCIDENT));

    MonthClose again = desk.closeMonth(APRIL);

    assertThat(again.report().credit().creditPercent()).isEqualTo(25);
    assertThat(offers.find("cus_JP1", APRIL).orElseThrow().amount())
        .isEqualTo(Money.of("198", "JPY"));
    assertThat(offers.find("cus_US1", APRIL).orElseThrow().amount())
        .isEqualTo(Money.of("5.00", "USD"));
    assertThat(heard).hasSize(2);
  }

  @Test
  void a_customer_listed_twice_fails_the_run() {
    CreditDesk desk =
        CreditDesk.builder(downtime, month -> List.of(CUSTOMERS.get(0), CUSTOMERS.get(0)))
            .clock(clock)
            .build();

    assertThatThrownBy(() -> desk.closeMonth(APRIL))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("customers[1]");
  }
}
