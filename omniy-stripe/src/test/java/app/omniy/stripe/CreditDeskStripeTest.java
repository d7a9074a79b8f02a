package app.omniy.stripe;

import static app.omniy.stripe.StripeApiFixtures.apiError;
import static app.omniy.stripe.StripeApiFixtures.balanceTransaction;
import static app.omniy.stripe.StripeApiFixtures.list;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.Money;
import app.omniy.core.billing.CreditClaim;
import app.omniy.core.billing.CreditOffer;
import app.omniy.core.billing.Customer;
import app.omniy.core.billing.service.ClaimOutcome;
import app.omniy.core.billing.service.ClaimResult;
import app.omniy.core.billing.service.CreditDesk;
import app.omniy.core.memory.InMemoryAppliedCreditStore;
import app.omniy.core.memory.InMemoryCreditOfferStore;
import app.omniy.core.memory.InMemoryDowntimeStore;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.ServiceCredit;
import app.omniy.core.sla.SlaMonth;
import app.omniy.testkit.SettableClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Claims through the core's {@link CreditDesk} applied by {@link ServiceCredits}, against WireMock
 * standing in for Stripe's API (SLA-7): a credit is applied once however often, and however
 * concurrently, it is claimed, and not at all after the deadline.
 */
class CreditDeskStripeTest {
  @RegisterExtension
  static final WireMockExtension stripe =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final YearMonth APRIL = YearMonth.of(2026, 4);
  private static final String JP = "cus_JP1";
  private static final String PATH = "/v1/customers/cus_JP1/balance_transactions";
  private static final String KEY = "omniy-sla-credit:cus_JP1:2026-04";
  private static final LocalDate ASKED_ON = LocalDate.of(2026, 5, 20);

  private final SettableClock clock = SettableClock.at(Instant.parse("2026-05-20T01:00:00Z"));
  private final InMemoryDowntimeStore downtime = new InMemoryDowntimeStore();
  private final InMemoryCreditOfferStore offers = new InMemoryCreditOfferStore();
  private final InMemoryAppliedCreditStore applied = new InMemoryAppliedCreditStore();

  CreditDeskStripeTest() {
    // 120 minutes down on 10 April, 01:00–03:00 JST: 99.7222% → 10% of 1980 JPY = 198 JPY.
    Instant start = ZonedDateTime.of(2026, 4, 10, 1, 0, 0, 0, SlaMonth.DEFAULT_ZONE).toInstant();
    downtime.add(
        DowntimePeriod.of(start, start.plus(Duration.ofMinutes(120)), DowntimeCause.INCIDENT));
  }

  private ServiceCredits serviceCredits(int retries) {
    var settings =
        new StripeSettings(
            SignedDeliveries.KEY,
            SignedDeliveries.SECRET,
            StripeSettings.DEFAULT_SIGNATURE_TOLERANCE,
            URI.create(stripe.baseUrl()));
    return ServiceCredits.builder(settings)
        .appliedCredits(applied)
        .clock(clock)
        .maxNetworkRetries(retries)
        .build();
  }

  private CreditDesk desk(ServiceCredits credits) {
    return CreditDesk.builder(downtime, month -> List.of(new Customer(JP, Money.of("1980", "JPY"))))
        .offers(offers)
        .applier(credits)
        .clock(clock)
        .build();
  }

  private static void noEarlierCredits() {
    stripe.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(list(PATH, false, List.of()))));
  }

  private static String created() {
    return balanceTransaction("cbtxn_JP_apr", JP, -198, "jpy", "2026-04");
  }

  private static int creditPosts() {
    return stripe.findAll(postRequestedFor(urlPathEqualTo(PATH))).size();
  }

  @Test
  void a_claim_made_twice_applies_exactly_one_credit_in_stripe() {
    noEarlierCredits();
    stripe.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(created())));
    CreditDesk desk = desk(serviceCredits(0));

    ClaimResult first = desk.claim(JP, APRIL, ASKED_ON);
    ClaimResult second = desk.claim(JP, APRIL, ASKED_ON.plusDays(1));

    assertThat(first.outcome()).isEqualTo(ClaimOutcome.APPLIED);
    assertThat(first.credited()).isEqualTo(Money.of("198", "JPY"));
    assertThat(first.reference()).isEqualTo("cbtxn_JP_apr");
    assertThat(first.offer().creditPercent()).isEqualTo(10);
    assertThat(second.outcome()).isEqualTo(ClaimOutcome.ALREADY_APPLIED);
    assertThat(second.credited()).isEqualTo(Money.of("198", "JPY"));
    assertThat(second.reference()).isEqualTo("cbtxn_JP_apr");
    stripe.verify(
        1,
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("Idempotency-Key", equalTo(KEY))
            .withFormParam("amount", equalTo("-198"))
            .withFormParam("currency", equalTo("jpy"))
            .withFormParam("metadata[omniy_sla_month]", equalTo("2026-04"))
            .withFormParam("metadata[omniy_credit_percent]", equalTo("10")));
    assertThat(applied.find(JP, APRIL).orElseThrow().reference()).isEqualTo("cbtxn_JP_apr");
  }

  @Test
  void a_claim_after_the_deadline_applies_none() {
    noEarlierCredits();
    stripe.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(created())));
    clock.set(Instant.parse("2026-06-01T00:00:00Z"));

    ClaimResult late = desk(serviceCredits(0)).claim(JP, APRIL, LocalDate.of(2026, 6, 1));

    assertThat(late.outcome()).isEqualTo(ClaimOutcome.PAST_DEADLINE);
    assertThat(late.creditedAmount()).isEmpty();
    assertThat(late.reason()).contains("after the deadline 2026-05-31");
    assertThat(creditPosts()).isZero();
    assertThat(applied.find(JP, APRIL)).isEmpty();
  }

  @Test
  void concurrent_claims_apply_one_credit() throws Exception {
    noEarlierCredits();
    stripe.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(created()).withFixedDelay(300)));
    CreditDesk desk = desk(serviceCredits(0));
    int claimants = 6;
    ExecutorService pool = Executors.newFixedThreadPool(claimants);
    List<ClaimResult> results = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ClaimResult>> futures = new ArrayList<>();
      for (int i = 0; i < claimants; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return desk.claim(JP, APRIL, ASKED_ON);
                }));
      }
      go.countDown();
      for (Future<ClaimResult> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(results).filteredOn(r -> r.outcome() == ClaimOutcome.APPLIED).hasSize(1);
    assertThat(results)
        .extracting(ClaimResult::outcome)
        .isSubsetOf(ClaimOutcome.APPLIED, ClaimOutcome.IN_PROGRESS, ClaimOutcome.ALREADY_APPLIED);
    assertThat(creditPosts()).isEqualTo(1);
    assertThat(desk.claim(JP, APRIL, ASKED_ON).outcome()).isEqualTo(ClaimOutcome.ALREADY_APPLIED);
    assertThat(creditPosts()).isEqualTo(1);
  }

  @Test
  void a_retried_stripe_call_applies_one_credit_with_one_idempotency_key() {
    noEarlierCredits();
    stripe.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500).withBody(apiError()))
            .willSetStateTo("recovered"));
    stripe.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson(created()).withHeader("Idempotent-Replayed", "true")));

    ClaimResult result = desk(serviceCredits(1)).claim(JP, APRIL, ASKED_ON);

    assertThat(result.outcome()).isEqualTo(ClaimOutcome.APPLIED);
    assertThat(result.idempotencyKey()).isEqualTo(KEY);
    assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo(PATH))))
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .hasSize(2)
        .containsOnly(KEY);
  }

  @Test
  void when_stripe_keeps_failing_the_claim_fails_is_released_and_a_later_claim_applies_it() {
    noEarlierCredits();
    stripe.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Request-Id", "req_down")
                    .withBody(apiError())));
    CreditDesk desk = desk(serviceCredits(0));

    assertThatThrownBy(() -> desk.claim(JP, APRIL, ASKED_ON))
        .isInstanceOf(StripeCallException.class)
        .hasMessageContaining("HTTP 503");
    assertThat(offers.find(JP, APRIL).orElseThrow().claim()).isNull();

    stripe.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(created())));
    assertThat(desk.claim(JP, APRIL, ASKED_ON).outcome()).isEqualTo(ClaimOutcome.APPLIED);
    assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo(PATH))))
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .hasSize(2)
        .containsOnly(KEY);
  }

  @Test
  void a_claim_taking_over_from_one_that_died_after_stripe_answered_sends_nothing_more() {
    noEarlierCredits();
    stripe.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(created())));
    ServiceCredits credits = serviceCredits(0);
    CreditDesk desk = desk(credits);
    // A runtime took the claim and got Stripe's answer, then died before settling it.
    desk.closeMonth(APRIL);
    CreditOffer open = offers.find(JP, APRIL).orElseThrow();
    offers.startClaim(
        JP,
        APRIL,
        CreditClaim.pending(ASKED_ON, "died", clock.instant(), clock.instant().plusSeconds(300)));
    credits.applyCredit(
        JP,
        new ServiceCredit(
            APRIL, open.availability(), open.creditPercent(), open.amount(), true, "claimed"));

    assertThat(desk.claim(JP, APRIL, ASKED_ON).outcome()).isEqualTo(ClaimOutcome.IN_PROGRESS);
    clock.advance(Duration.ofMinutes(5));
    ClaimResult takeover = desk.claim(JP, APRIL, ASKED_ON);

    assertThat(takeover.outcome()).isEqualTo(ClaimOutcome.APPLIED);
    assertThat(takeover.reference()).isEqualTo("cbtxn_JP_apr");
    assertThat(creditPosts()).isEqualTo(1);
  }
}
