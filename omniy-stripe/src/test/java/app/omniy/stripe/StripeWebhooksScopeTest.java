package app.omniy.stripe;

import static app.omniy.stripe.SignedDeliveries.SECRET;
import static app.omniy.stripe.SignedDeliveries.paidInvoice;
import static app.omniy.stripe.SignedDeliveries.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.memory.InMemoryProcessedEventStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.testkit.SettableClock;
import com.stripe.Stripe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A correctly signed delivery is processed only when it belongs where the endpoint is: the mode
 * (live or test) and the connected account it was configured for; and a signed delivery can never
 * be replayed after the processed-event store has forgotten it.
 */
class StripeWebhooksScopeTest {
  private static final Instant NOW = Instant.parse("2026-06-01T03:00:00Z");
  private static final String LIVE_KEY = "sk_live_51HxOmniyLiveKey";
  private static final String INVOICE =
      paidInvoice(
          "in_1Qscope",
          "cus_Q1",
          "sub_1Qscope",
          Instant.parse("2026-06-01T00:00:00Z"),
          Instant.parse("2026-07-01T00:00:00Z"));

  private final SettableClock clock = SettableClock.at(NOW);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InMemoryProcessedEventStore store = new InMemoryProcessedEventStore();
  private final AtomicInteger handled = new AtomicInteger();

  private static String paid(String id, boolean livemode, @Nullable String account) {
    return SignedDeliveries.event(
        id, "invoice.paid", NOW.minusSeconds(2), INVOICE, Stripe.API_VERSION, livemode, account);
  }

  private StripeWebhooks.Builder builder(String apiKey) {
    return StripeWebhooks.builder(StripeSettings.of(apiKey, SECRET))
        .clock(clock)
        .meterRegistry(registry)
        .processedEvents(store)
        .on("invoice.paid", e -> handled.incrementAndGet());
  }

  private WebhookResult deliver(StripeWebhooks webhooks, String payload) {
    return webhooks.handle(payload, sign(payload, SECRET, NOW));
  }

  /** Deliveries counted on omniy.stripe.webhooks with these outcome and reason tags. */
  private double counted(String outcome, String reason) {
    return registry
        .find(MetricNames.STRIPE_WEBHOOKS)
        .tag(MetricNames.TAG_OUTCOME, outcome)
        .tag(MetricNames.TAG_REASON, reason)
        .counters()
        .stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  @Test
  void a_live_event_at_an_endpoint_with_a_test_key_is_refused_and_never_processed() {
    String live = paid("evt_1QliveAAA", true, null);

    WebhookResult result = deliver(builder(SignedDeliveries.KEY).build(), live);

    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(handled).hasValue(0);
    assertThat(store.isProcessed("evt_1QliveAAA")).isFalse();
    assertThat(counted(MetricNames.OUTCOME_FAILURE, "wrong_mode")).isEqualTo(1);
  }

  @Test
  void a_test_event_at_an_endpoint_with_a_live_key_is_refused_and_never_processed() {
    String test = paid("evt_1QtestAAA", false, null);

    WebhookResult result = deliver(builder(LIVE_KEY).build(), test);

    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(handled).hasValue(0);
    assertThat(store.isProcessed("evt_1QtestAAA")).isFalse();
    assertThat(counted(MetricNames.OUTCOME_FAILURE, "wrong_mode")).isEqualTo(1);
  }

  @Test
  void a_connected_accounts_event_is_refused_by_an_endpoint_not_told_to_expect_one() {
    String connected = paid("evt_1QconnAAA", false, "acct_1OtherShop");

    WebhookResult result = deliver(builder(SignedDeliveries.KEY).build(), connected);

    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(handled).hasValue(0);
    assertThat(store.isProcessed("evt_1QconnAAA")).isFalse();
    assertThat(counted(MetricNames.OUTCOME_FAILURE, "wrong_account")).isEqualTo(1);
  }

  @Test
  void
      an_endpoint_without_a_meter_registry_is_refused_when_built_so_alert_c2_never_reads_no_data() {
    var builder = StripeWebhooks.builder(StripeSettings.of(SignedDeliveries.KEY, SECRET));

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("meterRegistry"))
        .hasMessageContaining("ALERT-C2");
  }

  @Test
  void a_tolerance_longer_than_the_store_remembers_processed_events_is_refused_when_built() {
    // 31 days of tolerance, 30 days of memory: on day 31 a captured delivery of an event
    // processed on day 0 would pass the signature check and be processed a second time.
    var settings =
        new StripeSettings(
            SignedDeliveries.KEY, SECRET, Duration.ofDays(31), StripeSettings.DEFAULT_API_BASE);
    var builder =
        StripeWebhooks.builder(settings)
            .meterRegistry(new SimpleMeterRegistry())
            .processedEvents(store);

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("signatureTolerance")
        .hasMessageContaining("retention");
  }

  @Test
  void a_tolerance_of_exactly_the_stores_retention_is_accepted_and_a_longer_store_allows_more() {
    var thirtyDays =
        new StripeSettings(
            SignedDeliveries.KEY, SECRET, Duration.ofDays(30), StripeSettings.DEFAULT_API_BASE);
    var sixtyDays =
        new StripeSettings(
            SignedDeliveries.KEY, SECRET, Duration.ofDays(60), StripeSettings.DEFAULT_API_BASE);

    assertThat(
            StripeWebhooks.builder(thirtyDays)
                .meterRegistry(new SimpleMeterRegistry())
                .processedEvents(store)
                .build())
        .isNotNull();
    assertThat(StripeWebhooks.builder(thirtyDays).meterRegistry(new SimpleMeterRegistry()).build())
        .as("the default in-memory store keeps 30 days")
        .isNotNull();
    assertThatThrownBy(
            () ->
                StripeWebhooks.builder(sixtyDays).meterRegistry(new SimpleMeterRegistry()).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("signatureTolerance");
    assertThat(
            StripeWebhooks.builder(sixtyDays)
                .meterRegistry(new SimpleMeterRegistry())
                .processedEvents(new InMemoryProcessedEventStore(Duration.ofDays(90)))
                .build())
        .isNotNull();
  }

  @Test
  void a_delivery_replayed_at_the_end_of_the_tolerance_is_still_a_duplicate_and_then_stale() {
    var settings =
        new StripeSettings(
            SignedDeliveries.KEY, SECRET, Duration.ofDays(30), StripeSettings.DEFAULT_API_BASE);
    StripeWebhooks webhooks =
        StripeWebhooks.builder(settings)
            .meterRegistry(new SimpleMeterRegistry())
            .clock(clock)
            .processedEvents(store)
            .on("invoice.paid", e -> handled.incrementAndGet())
            .build();
    String payload = paid("evt_1QreplayA", false, null);
    String captured = sign(payload, SECRET, NOW);
    assertThat(webhooks.handle(payload, captured).outcome()).isEqualTo(WebhookOutcome.PROCESSED);

    clock.set(NOW.plus(Duration.ofDays(30)));
    for (int i = 0; i < 1024; i++) { // enough for the in-memory store to prune by itself
      store.markProcessed("evt_filler_" + i, clock.instant());
    }

    assertThat(webhooks.handle(payload, captured).outcome()).isEqualTo(WebhookOutcome.DUPLICATE);
    clock.advance(Duration.ofSeconds(1));
    assertThat(webhooks.handle(payload, captured).outcome())
        .isEqualTo(WebhookOutcome.STALE_TIMESTAMP);
    assertThat(handled).hasValue(1);
  }

  @Test
  void mode_and_account_refusals_are_400s_counted_as_failures_with_their_event() {
    String live = paid("evt_1QliveBBB", true, null);

    WebhookResult result = deliver(builder(SignedDeliveries.KEY).build(), live);

    assertThat(result.outcome()).isEqualTo(WebhookOutcome.WRONG_MODE);
    assertThat(result.outcome().rejected()).isTrue();
    assertThat(result.eventId()).isEqualTo("evt_1QliveBBB");
    assertThat(result.detail()).isEqualTo("live mode; this endpoint expects test");
    assertThat(WebhookOutcome.WRONG_ACCOUNT.httpStatus()).isEqualTo(400);
    assertThat(WebhookOutcome.WRONG_ACCOUNT.rejected()).isTrue();
    assertThat(
            registry
                .find(MetricNames.STRIPE_WEBHOOKS)
                .tag(MetricNames.TAG_TYPE, "invoice.paid")
                .tag(MetricNames.TAG_REASON, "wrong_mode")
                .counter())
        .isNotNull();
  }

  @Test
  void an_event_of_the_other_mode_is_refused_even_when_no_handler_would_run() {
    String refund =
        SignedDeliveries.event(
            "evt_1QrefundA",
            "charge.refunded",
            NOW,
            "{\"id\": \"ch_1\", \"object\": \"charge\", \"livemode\": true}",
            Stripe.API_VERSION,
            true,
            null);

    WebhookResult result = deliver(builder(SignedDeliveries.KEY).build(), refund);

    assertThat(result.outcome()).isEqualTo(WebhookOutcome.WRONG_MODE);
    assertThat(counted(MetricNames.OUTCOME_FAILURE, "wrong_mode")).isEqualTo(1);
  }

  @Test
  void an_event_without_livemode_is_refused_as_the_wrong_mode() {
    String noMode =
        paid("evt_1QnomodeA", false, null)
            .replaceFirst("\"livemode\": false,(\\s+\"pending_webhooks\")", "$1");
    assertThat(noMode).isNotEqualTo(paid("evt_1QnomodeA", false, null));

    WebhookResult result = deliver(builder(SignedDeliveries.KEY).build(), noMode);

    assertThat(result.outcome()).isEqualTo(WebhookOutcome.WRONG_MODE);
    assertThat(result.detail()).startsWith("no livemode");
    assertThat(handled).hasValue(0);
  }

  @Test
  void an_endpoint_told_to_expect_live_mode_processes_live_events_even_with_a_test_key() {
    StripeWebhooks webhooks = builder(SignedDeliveries.KEY).expectLivemode(true).build();

    assertThat(deliver(webhooks, paid("evt_1QliveCCC", true, null)).outcome())
        .isEqualTo(WebhookOutcome.PROCESSED);
    assertThat(deliver(webhooks, paid("evt_1QtestCCC", false, null)).outcome())
        .isEqualTo(WebhookOutcome.WRONG_MODE);
    assertThat(handled).hasValue(1);
  }

  @Test
  void a_live_key_endpoint_processes_live_events() {
    StripeWebhooks webhooks = builder(LIVE_KEY).build();

    assertThat(deliver(webhooks, paid("evt_1QliveDDD", true, null)).outcome())
        .isEqualTo(WebhookOutcome.PROCESSED);
    assertThat(handled).hasValue(1);
  }

  @Test
  void a_connect_endpoint_processes_only_its_own_connected_accounts_events() {
    StripeWebhooks webhooks =
        builder(SignedDeliveries.KEY).expectConnectedAccount("acct_1OmniyShop").build();

    WebhookResult own = deliver(webhooks, paid("evt_1QownAAAA", false, "acct_1OmniyShop"));
    WebhookResult other = deliver(webhooks, paid("evt_1QotherAA", false, "acct_1OtherShop"));
    WebhookResult platform = deliver(webhooks, paid("evt_1QplatfAA", false, null));

    assertThat(own.outcome()).isEqualTo(WebhookOutcome.PROCESSED);
    assertThat(other.outcome()).isEqualTo(WebhookOutcome.WRONG_ACCOUNT);
    assertThat(other.detail())
        .isEqualTo(
            "connected account acct_1OtherShop; this endpoint expects connected account"
                + " acct_1OmniyShop");
    assertThat(platform.outcome()).isEqualTo(WebhookOutcome.WRONG_ACCOUNT);
    assertThat(platform.detail()).startsWith("no connected account");
    assertThat(handled).hasValue(1);
    assertThat(store.isProcessed("evt_1QotherAA")).isFalse();
    assertThat(store.isProcessed("evt_1QplatfAA")).isFalse();
    assertThat(counted(MetricNames.OUTCOME_FAILURE, "wrong_account")).isEqualTo(2);
  }

  @Test
  void a_platform_endpoint_names_the_account_it_refused() {
    WebhookResult result =
        deliver(builder(SignedDeliveries.KEY).build(), paid("evt_1QconnBBB", false, "acct_1X"));

    assertThat(result.detail())
        .isEqualTo("connected account acct_1X; this endpoint expects the platform's own events");
  }

  @Test
  void an_expected_account_that_is_no_account_id_is_rejected() {
    var builder = builder(SignedDeliveries.KEY);

    assertThatThrownBy(() -> builder.expectConnectedAccount("cus_Q1"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("connectedAccount");
    assertThatThrownBy(() -> builder.expectConnectedAccount(" "))
        .hasMessageStartingWith("connectedAccount");
  }
}
