package app.omniy.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.Money;
import app.omniy.core.billing.spi.AppliedCreditStore;
import app.omniy.core.billing.spi.ProcessedEventStore;
import app.omniy.core.memory.InMemoryAppliedCreditStore;
import app.omniy.core.memory.InMemoryProcessedEventStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimeLedger;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.ExactRatio;
import app.omniy.core.sla.ServiceCredit;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaTarget;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The code shown in the README (docs/stripe.md), compiled and run. */
class UsageExampleTest {
  @RegisterExtension
  static final WireMockExtension stripeApi =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().jettyAcceptors(1))
          .build();

  @Test
  void a_host_endpoint_answers_stripe_with_the_status_it_gets_back() {
    String body =
        SignedDeliveries.event(
            "evt_1", "invoice.paid", Instant.now(), "{\"id\": \"in_1\", \"object\": \"invoice\"}");
    String signatureHeader = SignedDeliveries.sign(body, SignedDeliveries.SECRET, Instant.now());
    ProcessedEventStore processedEvents = new InMemoryProcessedEventStore();
    MeterRegistry registry = new SimpleMeterRegistry();
    List<String> failedPayments = new ArrayList<>();

    // README: webhooks
    StripeSettings settings = StripeSettings.of(SignedDeliveries.KEY, SignedDeliveries.SECRET);
    SubscriptionStatuses subscriptions = new SubscriptionStatuses(); // order-independent view
    StripeWebhooks webhooks =
        subscriptions
            .registerOn(StripeWebhooks.builder(settings))
            .processedEvents(processedEvents) // Firestore later; in memory by default
            .meterRegistry(registry) // the omniy.stripe.webhooks{outcome} counter (ALERT-C2)
            .on("invoice.payment_failed", event -> failedPayments.add(event.getId()))
            .build();
    // in the host's POST /stripe/webhook endpoint, with the raw body:
    WebhookResult result = webhooks.handle(body, signatureHeader);
    int status = result.httpStatus(); // 200, or 400 / 409 / 500 so that Stripe retries
    // README end

    assertThat(status).isEqualTo(200);
    assertThat(registry.getMeters()).hasSize(1);
    assertThat(
            registry
                .get(MetricNames.STRIPE_WEBHOOKS)
                .tag(MetricNames.TAG_OUTCOME, MetricNames.OUTCOME_SUCCESS)
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void a_dry_run_then_the_real_run_of_a_months_credits() {
    stripeApi.stubFor(
        get(urlPathEqualTo("/v1/subscriptions"))
            .willReturn(
                okJson(
                    StripeApiFixtures.list(
                        "/v1/subscriptions",
                        false,
                        List.of(
                            StripeApiFixtures.activeSubscription(
                                "sub_1", "cus_Q1", "jpy", "1980", 1))))));
    stripeApi.stubFor(
        get(urlPathEqualTo("/v1/customers/cus_Q1/balance_transactions"))
            .willReturn(okJson(StripeApiFixtures.list("/v1/x", false, List.of()))));
    AppliedCreditStore appliedCredits = new InMemoryAppliedCreditStore();
    Clock clock = Clock.fixed(Instant.parse("2026-06-10T00:00:00Z"), ZoneOffset.UTC);
    var settings =
        new StripeSettings(
            SignedDeliveries.KEY,
            SignedDeliveries.SECRET,
            StripeSettings.DEFAULT_SIGNATURE_TOLERANCE,
            URI.create(stripeApi.baseUrl()));

    // four hours down on 20 May, Tokyo time, none of it excluded (SLA-2)
    DowntimeLedger ledger =
        DowntimeLedger.of(
            List.of(
                DowntimePeriod.of(
                    Instant.parse("2026-05-20T01:00:00Z"),
                    Instant.parse("2026-05-20T05:00:00Z"),
                    DowntimeCause.INCIDENT)));

    // README: credits
    ServiceCredits credits =
        ServiceCredits.builder(settings) // API key and API base (a fake server in tests)
            .appliedCredits(appliedCredits) // what was paid, kept beyond Stripe's 24 h
            .maxNetworkRetries(2) // 409/5xx/network errors, same idempotency key
            .clock(clock)
            .build();
    SlaMonth may = SlaMonth.of(YearMonth.of(2026, 5)); // Asia/Tokyo
    ExactRatio uptime = ledger.availability(SlaTarget.SYSTEM, may).uptime(); // exact, 99.4623…%
    Money fee = credits.monthlyFee("cus_Q1").orElseThrow(); // its active subscriptions: 1980 JPY
    LocalDate askedOn = LocalDate.of(2026, 6, 10); // in time through June 30 (SLA-7)
    ServiceCredit credit =
        ServiceCredit.assess(CreditPolicy.GUIDE, may.month(), uptime, fee, askedOn); // SLA-6
    CreditRequest request = new CreditRequest("cus_Q1", credit);
    List<CreditDecision> plan = credits.run(List.of(request), true); // dry run: reads only
    // plan.get(0): WOULD_APPLY, 10% of 1980 JPY = 198 JPY
    // README end

    assertThat(uptime.percent(4)).isEqualByComparingTo("99.4623");
    assertThat(credit.creditPercent()).isEqualTo(10);
    assertThat(plan.get(0).outcome()).isEqualTo(CreditOutcome.WOULD_APPLY);
    assertThat(plan.get(0).credit()).isEqualTo(Money.of("198", "JPY"));
  }
}
