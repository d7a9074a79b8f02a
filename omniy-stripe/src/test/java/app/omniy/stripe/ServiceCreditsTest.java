package app.omniy.stripe;

import static app.omniy.stripe.StripeApiFixtures.activeSubscription;
import static app.omniy.stripe.StripeApiFixtures.apiError;
import static app.omniy.stripe.StripeApiFixtures.balanceTransaction;
import static app.omniy.stripe.StripeApiFixtures.list;
import static app.omniy.stripe.StripeApiFixtures.recurringSubscription;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.Money;
import app.omniy.core.OmniyException;
import app.omniy.core.memory.InMemoryAppliedCreditStore;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.ExactRatio;
import app.omniy.core.sla.ServiceCredit;
import app.omniy.core.sla.SlaMonth;
import app.omniy.testkit.SettableClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Service credits against WireMock standing in for Stripe's API: the credit the core assessed
 * (SLA-6, SLA-7) is applied once, as it is.
 */
class ServiceCreditsTest {
  @RegisterExtension
  static final WireMockExtension stripe =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
          .build();

  private static final YearMonth MAY = YearMonth.of(2026, 5);
  private static final LocalDate ASKED_ON = LocalDate.of(2026, 6, 10);
  private static final Money FEE_JP = Money.of("1980", "JPY");
  private static final Money FEE_US = Money.of("59.97", "USD");
  private static final Instant NOW = Instant.parse("2026-06-15T00:00:00Z");
  private static final String JP = "cus_JP1";
  private static final String US = "cus_US1";

  private final InMemoryAppliedCreditStore store = new InMemoryAppliedCreditStore();

  private ServiceCredits.Builder credits() {
    var settings =
        new StripeSettings(
            SignedDeliveries.KEY,
            SignedDeliveries.SECRET,
            StripeSettings.DEFAULT_SIGNATURE_TOLERANCE,
            URI.create(stripe.baseUrl()));
    return ServiceCredits.builder(settings)
        .appliedCredits(store)
        .clock(SettableClock.at(NOW))
        .maxNetworkRetries(0);
  }

  private static CreditRequest request(String customer, String availability, Money fee) {
    return request(customer, ExactRatio.ofPercent(new BigDecimal(availability)), fee, ASKED_ON);
  }

  private static CreditRequest request(
      String customer, ExactRatio uptime, Money fee, LocalDate askedOn) {
    return new CreditRequest(
        customer, ServiceCredit.assess(CreditPolicy.GUIDE, MAY, uptime, fee, askedOn));
  }

  private static void subscriptions(String customer, String... subscriptionJson) {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/subscriptions"))
            .withQueryParam("customer", equalTo(customer))
            .withQueryParam("status", equalTo("active"))
            .willReturn(okJson(list("/v1/subscriptions", false, List.of(subscriptionJson)))));
  }

  private static void balanceTransactions(String customer, String... transactionJson) {
    String path = "/v1/customers/" + customer + "/balance_transactions";
    stripe.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("starting_after", absent())
            .willReturn(okJson(list(path, false, List.of(transactionJson)))));
  }

  private static void creditAnswers(String customer, String transactionJson) {
    stripe.stubFor(
        post(urlPathEqualTo("/v1/customers/" + customer + "/balance_transactions"))
            .willReturn(okJson(transactionJson).withHeader("Request-Id", "req_ok")));
  }

  private static int creditPosts(String customer) {
    return stripe
        .findAll(
            postRequestedFor(urlPathEqualTo("/v1/customers/" + customer + "/balance_transactions")))
        .size();
  }

  private static void jpyCustomer() {
    balanceTransactions(JP);
    creditAnswers(JP, balanceTransaction("cbtxn_JP_may", JP, -198, "jpy", "2026-05"));
  }

  @Test
  void a_jpy_credit_is_sent_in_whole_yen_with_its_idempotency_key_and_metadata() {
    jpyCustomer();

    CreditDecision decision = credits().build().apply(request(JP, "99.5", FEE_JP));

    assertThat(decision.outcome()).isEqualTo(CreditOutcome.APPLIED);
    assertThat(decision.request().credit().creditPercent()).isEqualTo(10);
    assertThat(decision.credit()).isEqualTo(Money.of("198", "JPY"));
    assertThat(decision.reference()).isEqualTo("cbtxn_JP_may");
    stripe.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v1/customers/cus_JP1/balance_transactions"))
            .withHeader("Idempotency-Key", equalTo("omniy-sla-credit:cus_JP1:2026-05"))
            .withHeader("Authorization", equalTo("Bearer " + SignedDeliveries.KEY))
            .withFormParam("amount", equalTo("-198"))
            .withFormParam("currency", equalTo("jpy"))
            .withFormParam("metadata[omniy_kind]", equalTo("sla_credit"))
            .withFormParam("metadata[omniy_sla_month]", equalTo("2026-05"))
            .withFormParam("metadata[omniy_availability_percent]", equalTo("99.5000"))
            .withFormParam("metadata[omniy_credit_percent]", equalTo("10")));
    assertThat(store.find(JP, MAY).orElseThrow().amount()).isEqualTo(Money.of("198", "JPY"));
    assertThat(store.find(JP, MAY).orElseThrow().availabilityPercent())
        .isEqualByComparingTo("99.5");
    assertThat(store.find(JP, MAY).orElseThrow().appliedAt()).isEqualTo(NOW);
  }

  @Test
  void a_half_yen_is_rounded_up_as_sla_7_says() {
    balanceTransactions(JP);
    creditAnswers(JP, balanceTransaction("cbtxn_JP_may", JP, -498, "jpy", "2026-05"));

    CreditDecision decision =
        credits().build().apply(request(JP, "97.25", Money.of("1990", "JPY")));

    assertThat(decision.credit()).isEqualTo(Money.of("498", "JPY"));
    stripe.verify(
        postRequestedFor(urlPathEqualTo("/v1/customers/cus_JP1/balance_transactions"))
            .withFormParam("amount", equalTo("-498")));
  }

  @Test
  void a_usd_credit_is_sent_in_cents() {
    balanceTransactions(US);
    creditAnswers(US, balanceTransaction("cbtxn_US_may", US, -2999, "usd", "2026-05"));

    CreditDecision decision = credits().build().apply(request(US, "94.0", FEE_US));

    assertThat(decision.request().credit().creditPercent()).isEqualTo(50);
    assertThat(decision.credit()).isEqualTo(Money.of("29.99", "USD"));
    stripe.verify(
        postRequestedFor(urlPathEqualTo("/v1/customers/cus_US1/balance_transactions"))
            .withHeader("Idempotency-Key", equalTo("omniy-sla-credit:cus_US1:2026-05"))
            .withFormParam("amount", equalTo("-2999"))
            .withFormParam("currency", equalTo("usd"))
            .withFormParam("metadata[omniy_availability_percent]", equalTo("94.0000"))
            .withFormParam("metadata[omniy_credit_percent]", equalTo("50")));
  }

  @Test
  void a_second_run_of_the_month_sends_no_new_credit() {
    jpyCustomer();
    ServiceCredits credits = credits().build();
    credits.apply(request(JP, "99.5", FEE_JP));

    CreditDecision again = credits.apply(request(JP, "99.5", FEE_JP));

    assertThat(again.outcome()).isEqualTo(CreditOutcome.ALREADY_APPLIED);
    assertThat(again.credit()).isEqualTo(Money.of("198", "JPY"));
    assertThat(creditPosts(JP)).isEqualTo(1);
  }

  @Test
  void weeks_later_with_a_fresh_store_the_credit_is_found_in_stripes_balance_transactions() {
    // Stripe forgot the idempotency key after 24 h and this process forgot its store: the month's
    // metadata on the customer's balance transactions (second page) is what stops a second credit.
    String path = "/v1/customers/cus_JP1/balance_transactions";
    stripe.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("starting_after", absent())
            .willReturn(
                okJson(
                    list(
                        path,
                        true,
                        List.of(
                            balanceTransaction("cbtxn_manual", JP, 500, "jpy", null),
                            balanceTransaction("cbtxn_april", JP, -99, "jpy", "2026-04"))))));
    stripe.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("starting_after", equalTo("cbtxn_april"))
            .willReturn(
                okJson(
                    list(
                        path,
                        false,
                        List.of(balanceTransaction("cbtxn_JP_may", JP, -198, "jpy", "2026-05"))))));
    creditAnswers(JP, balanceTransaction("cbtxn_twice", JP, -198, "jpy", "2026-05"));

    CreditDecision decision = credits().build().apply(request(JP, "99.5", FEE_JP));

    assertThat(decision.outcome()).isEqualTo(CreditOutcome.ALREADY_IN_STRIPE);
    assertThat(decision.reference()).isEqualTo("cbtxn_JP_may");
    assertThat(creditPosts(JP)).isZero();
    var recorded = store.find(JP, MAY).orElseThrow();
    assertThat(recorded.amount()).isEqualTo(Money.of("198", "JPY"));
    assertThat(recorded.reference()).isEqualTo("cbtxn_JP_may");
    assertThat(recorded.availabilityPercent()).isEqualByComparingTo("99.5");
  }

  @Test
  void a_5xx_from_stripe_is_retried_with_the_same_idempotency_key() {
    balanceTransactions(JP);
    String path = "/v1/customers/cus_JP1/balance_transactions";
    stripe.stubFor(
        post(urlPathEqualTo(path))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500).withBody(apiError()))
            .willSetStateTo("recovered"));
    stripe.stubFor(
        post(urlPathEqualTo(path))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(
                okJson(balanceTransaction("cbtxn_JP_may", JP, -198, "jpy", "2026-05"))
                    .withHeader("Idempotent-Replayed", "true")));

    CreditDecision decision =
        credits().maxNetworkRetries(1).build().apply(request(JP, "99.5", FEE_JP));

    assertThat(decision.outcome()).isEqualTo(CreditOutcome.APPLIED);
    var posts = stripe.findAll(postRequestedFor(urlPathEqualTo(path)));
    assertThat(posts).hasSize(2);
    assertThat(posts)
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsOnly("omniy-sla-credit:cus_JP1:2026-05");
    assertThat(store.find(JP, MAY)).isPresent();
  }

  @Test
  void when_stripe_keeps_failing_nothing_is_recorded_and_a_rerun_uses_the_same_key() {
    balanceTransactions(JP);
    String path = "/v1/customers/cus_JP1/balance_transactions";
    stripe.stubFor(
        post(urlPathEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Request-Id", "req_down")
                    .withBody(apiError())));
    ServiceCredits credits = credits().build();

    assertThatThrownBy(() -> credits.apply(request(JP, "99.5", FEE_JP)))
        .isInstanceOf(StripeCallException.class)
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("req_down")
        .hasMessageNotContaining(SignedDeliveries.KEY);
    assertThat(store.find(JP, MAY)).isEmpty();

    creditAnswers(JP, balanceTransaction("cbtxn_JP_may", JP, -198, "jpy", "2026-05"));
    assertThat(credits.apply(request(JP, "99.5", FEE_JP)).outcome())
        .isEqualTo(CreditOutcome.APPLIED);
    assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo(path))))
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .hasSize(2)
        .containsOnly("omniy-sla-credit:cus_JP1:2026-05");
  }

  @Test
  void a_dry_run_lists_what_would_be_applied_and_sends_nothing() {
    jpyCustomer();
    balanceTransactions(US);

    List<CreditDecision> plan =
        credits()
            .build()
            .run(
                List.of(
                    request(JP, "99.5", FEE_JP),
                    request(US, "98.0", FEE_US),
                    request("cus_OK", "99.9", FEE_US)),
                true);

    assertThat(plan)
        .extracting(CreditDecision::outcome)
        .containsExactly(
            CreditOutcome.WOULD_APPLY, CreditOutcome.WOULD_APPLY, CreditOutcome.NO_CREDIT_DUE);
    assertThat(plan)
        .extracting(CreditDecision::credit)
        .containsExactly(Money.of("198", "JPY"), Money.of("14.99", "USD"), null);
    assertThat(plan.get(0).idempotencyKey()).isEqualTo("omniy-sla-credit:cus_JP1:2026-05");
    assertThat(
            stripe.findAll(
                postRequestedFor(urlPathEqualTo("/v1/customers/cus_JP1/balance_transactions"))))
        .isEmpty();
    assertThat(
            stripe.findAll(
                postRequestedFor(urlPathEqualTo("/v1/customers/cus_US1/balance_transactions"))))
        .isEmpty();
    assertThat(store.findByMonth(MAY)).isEmpty();
  }

  @Test
  void an_sla_that_was_met_asks_stripe_nothing() {
    CreditDecision decision = credits().build().apply(request(JP, "99.9", FEE_JP));

    assertThat(decision.outcome()).isEqualTo(CreditOutcome.NO_CREDIT_DUE);
    assertThat(stripe.getAllServeEvents()).isEmpty();
  }

  @Test
  void a_request_on_the_last_day_of_the_next_month_in_tokyo_is_in_time_and_a_second_later_is_not() {
    jpyCustomer();
    Instant lastSecond = Instant.parse("2026-06-30T14:59:59Z"); // 23:59:59 JST
    Instant tooLate =
        Instant.parse("2026-06-30T15:00:00Z"); // 00:00 JST on July 1; June 30 in New York
    ExactRatio uptime = ExactRatio.ofPercent(new BigDecimal("99.5"));

    ServiceCredits credits = credits().build();
    CreditDecision late =
        credits.apply(
            request(JP, uptime, FEE_JP, LocalDate.ofInstant(tooLate, SlaMonth.DEFAULT_ZONE)));
    CreditDecision inTime =
        credits.apply(
            request(JP, uptime, FEE_JP, LocalDate.ofInstant(lastSecond, SlaMonth.DEFAULT_ZONE)));

    assertThat(late.outcome()).isEqualTo(CreditOutcome.REQUESTED_TOO_LATE);
    assertThat(late.detail()).contains("2026-06-30");
    assertThat(late.credit()).isNull();
    assertThat(inTime.outcome()).isEqualTo(CreditOutcome.APPLIED);
    assertThat(creditPosts(JP)).isEqualTo(1);
  }

  @Test
  void a_credit_just_below_99_9_percent_is_applied_as_the_core_assessed_it_not_rounded_away() {
    // 2,679 s down in May's 2,678,400 s: 99.89997…%, which a rounded figure would show as 99.90%.
    long seconds = SlaMonth.of(MAY).seconds();
    ExactRatio uptime = ExactRatio.of(seconds - 2_679, seconds);
    jpyCustomer();

    CreditDecision decision = credits().build().apply(request(JP, uptime, FEE_JP, ASKED_ON));

    assertThat(decision.outcome()).isEqualTo(CreditOutcome.APPLIED);
    assertThat(decision.credit()).isEqualTo(Money.of("198", "JPY"));
    stripe.verify(
        postRequestedFor(urlPathEqualTo("/v1/customers/cus_JP1/balance_transactions"))
            .withFormParam("amount", equalTo("-198"))
            .withFormParam("metadata[omniy_availability_percent]", equalTo("99.8999"))
            .withFormParam("metadata[omniy_credit_percent]", equalTo("10")));
  }

  @Test
  void the_monthly_fee_is_price_times_quantity_of_the_active_subscriptions() {
    subscriptions(JP, activeSubscription("sub_JP", JP, "jpy", "1980", 1));
    subscriptions(US, activeSubscription("sub_US", US, "usd", "1999", 3));
    ServiceCredits credits = credits().build();

    assertThat(credits.monthlyFee(JP)).contains(Money.of("1980", "JPY"));
    assertThat(credits.monthlyFee(US)).contains(Money.of("59.97", "USD"));
  }

  @Test
  void a_credit_below_stripes_unit_of_the_currency_asks_stripe_nothing() {
    // 10% of 4 ariary is 0.40 MGA to ISO 4217, but Stripe takes whole ariary: nothing to send.
    CreditDecision decision = credits().build().apply(request(JP, "99.5", Money.of("4.00", "MGA")));

    assertThat(decision.request().credit().amount()).isEqualTo(Money.of("0.40", "MGA"));
    assertThat(decision.outcome()).isEqualTo(CreditOutcome.NO_CREDIT_DUE);
    assertThat(decision.detail()).isEqualTo("rounds to 0");
    assertThat(stripe.getAllServeEvents()).isEmpty();
  }

  @Test
  void a_customer_without_an_active_subscription_has_no_monthly_fee() {
    subscriptions(JP);

    assertThat(credits().build().monthlyFee(JP)).isEmpty();
    assertThat(creditPosts(JP)).isZero();
  }

  @Test
  void two_subscriptions_add_up_to_the_monthly_fee() {
    subscriptions(
        US,
        activeSubscription("sub_A", US, "usd", "1000", 1),
        activeSubscription("sub_B", US, "usd", "250", 2));
    balanceTransactions(US);
    ServiceCredits credits = credits().build();

    Money fee = credits.monthlyFee(US).orElseThrow();
    CreditDecision decision = credits.preview(request(US, "99.0", fee));

    assertThat(fee).isEqualTo(Money.of("15.00", "USD"));
    assertThat(decision.credit()).isEqualTo(Money.of("1.50", "USD"));
  }

  @Test
  void an_unknown_customer_fails_with_stripes_error_code_while_the_others_are_credited() {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/customers/cus_GONE/balance_transactions"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_404")
                    .withBody(
                        """
                        {
                          "error": {
                            "code": "resource_missing",
                            "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
                            "message": "No such customer: 'cus_GONE'",
                            "param": "customer",
                            "request_log_url": "https://dashboard.stripe.com/test/logs/req_404",
                            "type": "invalid_request_error"
                          }
                        }""")));

    balanceTransactions(US);
    creditAnswers(US, balanceTransaction("cbtxn_US_may", US, -200, "usd", "2026-05"));

    List<CreditDecision> decisions =
        credits()
            .build()
            .run(
                List.of(
                    request("cus_GONE", "90", FEE_US),
                    request(US, "99.5", Money.of("19.99", "USD"))),
                false);

    assertThat(decisions.get(0).outcome()).isEqualTo(CreditOutcome.FAILED);
    assertThat(decisions.get(0).detail()).contains("HTTP 404", "resource_missing", "req_404");
    assertThat(decisions.get(1).outcome()).isEqualTo(CreditOutcome.APPLIED);
    assertThat(decisions.get(1).credit()).isEqualTo(Money.of("2.00", "USD"));
    assertThat(
            stripe.findAll(
                postRequestedFor(urlPathEqualTo("/v1/customers/cus_GONE/balance_transactions"))))
        .isEmpty();
  }

  @Test
  void a_yearly_price_has_no_monthly_fee_and_says_which_subscription() {
    subscriptions(JP, recurringSubscription("sub_JP", JP, "jpy", "19800", 1, "year"));

    assertThatThrownBy(() -> credits().build().monthlyFee(JP))
        .isInstanceOf(OmniyException.class)
        .hasMessageContaining("sub_JP")
        .hasMessageContaining("not a monthly");
    assertThat(
            stripe.findAll(
                getRequestedFor(urlPathEqualTo("/v1/subscriptions"))
                    .withQueryParam("customer", equalTo(JP))))
        .isNotEmpty();
    assertThat(creditPosts(JP)).isZero();
  }
}
