package app.omniy.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SLA-6 tiers from measured downtime, SLA-7 amounts and request deadlines. */
class ServiceCreditTest {
  private static final YearMonth APRIL_2026 = YearMonth.of(2026, 4); // 30 days
  private static final YearMonth MAY_2026 = YearMonth.of(2026, 5); // 31 days

  private static int creditFor(YearMonth month, long downSeconds) {
    SlaMonth slaMonth = SlaMonth.of(month);
    Instant start = slaMonth.start().plusSeconds(86_400);
    DowntimeLedger ledger =
        DowntimeLedger.of(
            List.of(
                DowntimePeriod.of(start, start.plusSeconds(downSeconds), DowntimeCause.INCIDENT)));
    return CreditPolicy.GUIDE.creditPercent(
        ledger.availability(SlaTarget.SYSTEM, slaMonth).uptime());
  }

  @ParameterizedTest(name = "{0}: {1} s down → {2}%")
  @CsvSource({
    // exactly 99.9% in a 30-day month earns nothing; one second more earns 10%
    "2026-04, 2592, 0",
    "2026-04, 2593, 10",
    // a 31-day month's budget is 2,678.4 s
    "2026-05, 2678, 0",
    "2026-05, 2679, 10",
    // exactly 99.0% is in the 10% tier, exactly 95.0% in the 25% tier
    "2026-04, 25920, 10",
    "2026-04, 25921, 25",
    "2026-04, 129600, 25",
    "2026-04, 129601, 50",
  })
  void the_tier_boundaries_are_exact(String month, long downSeconds, int creditPercent) {
    assertThat(creditFor(YearMonth.parse(month), downSeconds)).isEqualTo(creditPercent);
  }

  @Test
  void a_month_with_a_daylight_saving_change_has_its_budget_from_its_real_length() {
    // November 2026 in New York has 30 days and one hour: 2,595,600 s, a budget of 2,595.6 s.
    SlaMonth november =
        SlaMonth.of(YearMonth.of(2026, 11), java.time.ZoneId.of("America/New_York"));
    Instant start = november.start().plusSeconds(86_400);

    int[] credits = new int[2];
    for (int i = 0; i < 2; i++) {
      DowntimeLedger ledger =
          DowntimeLedger.of(
              List.of(
                  DowntimePeriod.of(start, start.plusSeconds(2_595 + i), DowntimeCause.INCIDENT)));
      credits[i] =
          CreditPolicy.GUIDE.creditPercent(
              ledger.availability(SlaTarget.SYSTEM, november).uptime());
    }

    assertThat(november.seconds()).isEqualTo(2_595_600);
    assertThat(credits).containsExactly(0, 10);
  }

  @Test
  void many_short_outages_adding_up_to_exactly_one_percent_are_exactly_99_percent() {
    // The reference's floating-point trap: 4,320 outages of 6 s.
    SlaMonth april = SlaMonth.of(APRIL_2026);
    List<DowntimePeriod> outages = new ArrayList<>();
    for (int i = 0; i < 4_320; i++) {
      Instant start = april.start().plusSeconds(i * 600L);
      outages.add(DowntimePeriod.of(start, start.plusSeconds(6), DowntimeCause.INCIDENT));
    }
    Availability availability = DowntimeLedger.of(outages).availability(SlaTarget.SYSTEM, april);

    assertThat(availability.uptime().compareToPercent(new java.math.BigDecimal("99"))).isZero();
    assertThat(CreditPolicy.GUIDE.creditPercent(availability.uptime())).isEqualTo(10);
  }

  @Test
  void the_issue_example_is_99_8842_percent_and_198_yen() {
    ServiceCredit credit =
        ServiceCredit.assess(
            CreditPolicy.GUIDE,
            APRIL_2026,
            Availability.of(SlaTarget.SYSTEM, SlaMonth.of(APRIL_2026).seconds(), 3_000).uptime(),
            Money.of("1980", "JPY"),
            null);

    assertThat(credit.availability().percent(4).toPlainString()).isEqualTo("99.8842");
    assertThat(credit.creditPercent()).isEqualTo(10);
    assertThat(credit.amount()).isEqualTo(Money.of("198", "JPY"));
    assertThat(credit.eligible()).isNull();
    assertThat(credit.reason()).isEqualTo("no request date given");
  }

  @ParameterizedTest(name = "{1}% of {0} {2} = {3}")
  @CsvSource({
    "1995, 10, JPY, 200",
    "1999, 25, JPY, 500",
    "1994, 10, JPY, 199",
    "19.99, 10, USD, 2.00",
    "9.99, 25, USD, 2.50",
    "0.05, 10, USD, 0.01",
    "0.04, 10, USD, 0.00",
    "10, 10, USD, 1.00",
  })
  void amounts_round_half_up_to_the_currency_minor_unit(
      String fee, int percent, String currency, String expected) {
    ExactRatio availability =
        switch (percent) {
          case 10 -> ExactRatio.ofPercent(new java.math.BigDecimal("99.5"));
          case 25 -> ExactRatio.ofPercent(new java.math.BigDecimal("97"));
          default -> throw new IllegalStateException("no such row");
        };

    Money credit = CreditPolicy.GUIDE.credit(availability, Money.of(fee, currency));

    assertThat(credit.toPlainString()).isEqualTo(expected);
  }

  @Test
  void a_request_on_the_last_day_of_the_following_month_is_eligible_and_a_day_later_is_not() {
    assertThat(CreditRequests.deadline(APRIL_2026)).isEqualTo(LocalDate.of(2026, 5, 31));
    assertThat(CreditRequests.decide(APRIL_2026, LocalDate.of(2026, 5, 31)).eligible()).isTrue();
    assertThat(CreditRequests.decide(APRIL_2026, LocalDate.of(2026, 6, 1)))
        .satisfies(
            e -> {
              assertThat(e.eligible()).isFalse();
              assertThat(e.reason())
                  .isEqualTo("requested on 2026-06-01, after the deadline 2026-05-31");
            });
    assertThat(CreditRequests.deadline(YearMonth.of(2028, 1))).isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(CreditRequests.deadline(YearMonth.of(2026, 12)))
        .isEqualTo(LocalDate.of(2027, 1, 31));
  }

  @Test
  void a_request_received_at_an_instant_is_judged_by_its_date_in_jst() {
    // 15:00 UTC on 31 May is already 1 June in Tokyo, though still 31 May in New York.
    Instant lastSecond = Instant.parse("2026-05-31T14:59:59Z");
    Instant tooLate = Instant.parse("2026-05-31T15:00:00Z");

    assertThat(CreditRequests.decide(APRIL_2026, lastSecond, SlaMonth.DEFAULT_ZONE).eligible())
        .isTrue();
    assertThat(CreditRequests.decide(APRIL_2026, tooLate, SlaMonth.DEFAULT_ZONE).eligible())
        .isFalse();
  }

  @Test
  void a_request_dated_before_the_month_began_is_refused() {
    assertThat(CreditRequests.decide(APRIL_2026, LocalDate.of(2026, 3, 31)).eligible()).isFalse();
    assertThat(CreditRequests.decide(APRIL_2026, LocalDate.of(2026, 4, 1)).eligible()).isTrue();
  }

  @Test
  void a_late_request_keeps_the_amount_but_pays_nothing() {
    ServiceCredit late =
        ServiceCredit.assess(
            CreditPolicy.GUIDE,
            MAY_2026,
            ExactRatio.ofPercent(new java.math.BigDecimal("98")),
            Money.of("10.00", "USD"),
            LocalDate.of(2026, 7, 1));

    assertThat(late.amount()).isEqualTo(Money.of("2.50", "USD"));
    assertThat(late.eligible()).isFalse();
    assertThat(late.payable()).isEqualTo(Money.of("0.00", "USD"));
  }

  @Test
  void the_credit_never_decreases_as_downtime_grows_second_by_second() {
    // Every second from none to beyond the 50% tier, in a 30-day and a 31-day month.
    for (YearMonth month : List.of(APRIL_2026, MAY_2026)) {
      long seconds = SlaMonth.of(month).seconds();
      int previous = 0;
      for (long down = 0; down <= 140_000; down++) {
        int credit = CreditPolicy.GUIDE.creditPercent(ExactRatio.of(seconds - down, seconds));
        assertThat(credit).as("%s with %d s down", month, down).isGreaterThanOrEqualTo(previous);
        previous = credit;
      }
      assertThat(previous).isEqualTo(50);
    }
  }

  @Test
  void the_credit_never_decreases_as_random_downtime_periods_are_added() {
    Random random = new Random(20260401L);
    SlaMonth april = SlaMonth.of(APRIL_2026);
    for (int run = 0; run < 200; run++) {
      List<DowntimePeriod> periods = new ArrayList<>();
      int previousCredit = 0;
      long previousDown = 0;
      for (int i = 0; i < 30; i++) {
        Instant start = april.start().plusSeconds(random.nextInt(2_700_000) - 54_000);
        DowntimeCause cause =
            random.nextInt(4) == 0 ? DowntimeCause.PLANNED_MAINTENANCE : DowntimeCause.INCIDENT;
        if (cause == DowntimeCause.INCIDENT) {
          periods.add(
              DowntimePeriod.of(start, start.plusSeconds(1 + random.nextInt(40_000)), cause));
        }
        Availability availability =
            DowntimeLedger.of(periods).availability(SlaTarget.SYSTEM, april);
        int credit = CreditPolicy.GUIDE.creditPercent(availability.uptime());

        assertThat(availability.downtimeSeconds()).isGreaterThanOrEqualTo(previousDown);
        assertThat(credit).isGreaterThanOrEqualTo(previousCredit);
        previousDown = availability.downtimeSeconds();
        previousCredit = credit;
      }
    }
  }
}
