package app.omniy.stripe;

import static app.omniy.stripe.SignedDeliveries.SECRET;
import static app.omniy.stripe.SignedDeliveries.event;
import static app.omniy.stripe.SignedDeliveries.paidInvoice;
import static app.omniy.stripe.SignedDeliveries.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.billing.spi.EventClaim;
import app.omniy.core.billing.spi.ProcessedEventStore;
import app.omniy.core.memory.InMemoryProcessedEventStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StripeWebhooksTest {
  private static final Instant NOW = Instant.parse("2026-06-01T03:00:00Z");
  private static final String PAID =
      event(
          "evt_1QpaidAAA",
          "invoice.paid",
          NOW.minusSeconds(2),
          paidInvoice(
              "in_1Qabc",
              "cus_Q1",
              "sub_1Qabc",
              Instant.parse("2026-06-01T00:00:00Z"),
              Instant.parse("2026-07-01T00:00:00Z")));

  private final SettableClock clock = SettableClock.at(NOW);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InMemoryProcessedEventStore store = new InMemoryProcessedEventStore();
  private final AtomicInteger handled = new AtomicInteger();
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopThreads() {
    pool.shutdownNow();
  }

  private StripeWebhooks.Builder builder() {
    var settings =
        new StripeSettings(
            SignedDeliveries.KEY,
            SECRET,
            StripeSettings.DEFAULT_SIGNATURE_TOLERANCE,
            StripeSettings.DEFAULT_API_BASE);
    return StripeWebhooks.builder(settings)
        .clock(clock)
        .meterRegistry(registry)
        .processedEvents(store);
  }

  private StripeWebhooks counting() {
    return builder().on("invoice.paid", e -> handled.incrementAndGet()).build();
  }

  /** Deliveries counted on omniy.stripe.webhooks with {@code tag} = {@code value}. */
  private double count(String tag, String value) {
    return registry.find(MetricNames.STRIPE_WEBHOOKS).tag(tag, value).counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  /** Every delivery counted on omniy.stripe.webhooks. */
  private double deliveries() {
    return registry.find(MetricNames.STRIPE_WEBHOOKS).counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  @Test
  void a_correctly_signed_event_runs_its_handler_and_answers_200() {
    WebhookResult result = counting().handle(PAID, sign(PAID, SECRET, NOW.minusSeconds(1)));

    assertThat(result.outcome()).isEqualTo(WebhookOutcome.PROCESSED);
    assertThat(result.httpStatus()).isEqualTo(200);
    assertThat(result.eventId()).isEqualTo("evt_1QpaidAAA");
    assertThat(result.eventType()).isEqualTo("invoice.paid");
    assertThat(handled).hasValue(1);
    assertThat(store.isProcessed("evt_1QpaidAAA")).isTrue();
    var counted =
        registry
            .find(MetricNames.STRIPE_WEBHOOKS)
            .tag(MetricNames.TAG_TYPE, "invoice.paid")
            .tag(MetricNames.TAG_REASON, "processed")
            .tag(MetricNames.TAG_OUTCOME, MetricNames.OUTCOME_SUCCESS)
            .counter();
    assertThat(counted).isNotNull();
    assertThat(counted.count()).isEqualTo(1);
  }

  @Test
  void a_tampered_payload_is_refused_as_a_bad_signature_and_nothing_runs() {
    String header = sign(PAID, SECRET, NOW);
    String tampered = PAID.replace("\"amount_paid\": 1980", "\"amount_paid\": 1");

    WebhookResult result = counting().handle(tampered, header);

    assertThat(result.outcome()).isEqualTo(WebhookOutcome.BAD_SIGNATURE);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.id()).isEmpty();
    assertThat(handled).hasValue(0);
    assertThat(count(MetricNames.TAG_REASON, "bad_signature")).isEqualTo(1);
    assertThat(count(MetricNames.TAG_OUTCOME, MetricNames.OUTCOME_FAILURE))
        .as("a rejected delivery is a failure for ALERT-C2")
        .isEqualTo(1);
    assertThat(count(MetricNames.TAG_TYPE, "unverified")).isEqualTo(1);
  }

  @Test
  void a_payload_signed_with_another_secret_is_a_bad_signature() {
    WebhookResult result = counting().handle(PAID, sign(PAID, "whsec_someone_else", NOW));

    assertThat(result.outcome()).isEqualTo(WebhookOutcome.BAD_SIGNATURE);
    assertThat(result.detail()).doesNotContain(SECRET);
  }

  @Test
  void an_expired_timestamp_is_refused_as_stale_even_with_a_right_signature() {
    Instant signedAt = NOW.minus(Duration.ofMinutes(5)).minusSeconds(1);

    WebhookResult result = counting().handle(PAID, sign(PAID, SECRET, signedAt));

    assertThat(result.outcome()).isEqualTo(WebhookOutcome.STALE_TIMESTAMP);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(handled).hasValue(0);
    assertThat(count(MetricNames.TAG_REASON, "stale_timestamp")).isEqualTo(1);
  }

  @Test
  void a_timestamp_exactly_at_the_tolerance_is_still_accepted() {
    WebhookResult result =
        counting().handle(PAID, sign(PAID, SECRET, NOW.minus(Duration.ofMinutes(5))));

    assertThat(result.outcome()).isEqualTo(WebhookOutcome.PROCESSED);
  }

  @Test
  void a_configured_tolerance_replaces_stripes_five_minutes() {
    var settings =
        new StripeSettings(
            SignedDeliveries.KEY, SECRET, Duration.ofSeconds(30), StripeSettings.DEFAULT_API_BASE);
    var webhooks =
        StripeWebhooks.builder(settings)
            .meterRegistry(new SimpleMeterRegistry())
            .clock(clock)
            .build();

    assertThat(webhooks.handle(PAID, sign(PAID, SECRET, NOW.minusSeconds(31))).outcome())
        .isEqualTo(WebhookOutcome.STALE_TIMESTAMP);
    assertThat(webhooks.handle(PAID, sign(PAID, SECRET, NOW.minusSeconds(30))).outcome())
        .isEqualTo(WebhookOutcome.IGNORED);
  }

  @Test
  void a_forged_old_payload_is_a_bad_signature_not_a_stale_one() {
    String header = sign(PAID, "whsec_forger", NOW.minus(Duration.ofHours(1)));

    assertThat(counting().handle(PAID, header).outcome()).isEqualTo(WebhookOutcome.BAD_SIGNATURE);
  }

  @Test
  void an_unsigned_delivery_is_refused_as_unsigned() {
    StripeWebhooks webhooks = counting();

    assertThat(webhooks.handle(PAID, null).outcome()).isEqualTo(WebhookOutcome.UNSIGNED);
    assertThat(webhooks.handle(PAID, "  ").outcome()).isEqualTo(WebhookOutcome.UNSIGNED);
    String onlyV0 = "t=" + NOW.getEpochSecond() + ",v0=" + "ab".repeat(32);
    assertThat(webhooks.handle(PAID, onlyV0).outcome()).isEqualTo(WebhookOutcome.UNSIGNED);
    assertThat(handled).hasValue(0);
    assertThat(count(MetricNames.TAG_REASON, "unsigned")).isEqualTo(3);
    assertThat(deliveries()).isEqualTo(3);
  }

  @Test
  void a_correctly_signed_body_that_is_no_event_is_refused_as_malformed() {
    StripeWebhooks webhooks = counting();
    String notJson = "<html>proxy error</html>";
    String noId = "{\"object\": \"event\", \"type\": \"invoice.paid\"}";

    assertThat(webhooks.handle(notJson, sign(notJson, SECRET, NOW)).outcome())
        .isEqualTo(WebhookOutcome.MALFORMED_PAYLOAD);
    assertThat(webhooks.handle(noId, sign(noId, SECRET, NOW)).outcome())
        .isEqualTo(WebhookOutcome.MALFORMED_PAYLOAD);
    assertThat(webhooks.handle(null, sign("", SECRET, NOW)).httpStatus()).isEqualTo(400);
    assertThat(count(MetricNames.TAG_REASON, "malformed_payload")).isEqualTo(3);
  }

  @Test
  void a_header_with_an_old_and_a_new_signature_is_accepted_while_secrets_rotate() {
    long t = NOW.getEpochSecond();
    String header =
        "t=%d,v1=%s,v1=%s"
            .formatted(
                t,
                SignedDeliveries.hmac(PAID, "whsec_retired", t),
                SignedDeliveries.hmac(PAID, SECRET, t));

    assertThat(counting().handle(PAID, header).outcome()).isEqualTo(WebhookOutcome.PROCESSED);
  }

  @Test
  void the_same_event_delivered_twice_is_processed_once() {
    StripeWebhooks webhooks = counting();

    WebhookResult first = webhooks.handle(PAID, sign(PAID, SECRET, NOW));
    clock.advance(Duration.ofMinutes(1));
    WebhookResult second = webhooks.handle(PAID, sign(PAID, SECRET, clock.instant()));

    assertThat(first.outcome()).isEqualTo(WebhookOutcome.PROCESSED);
    assertThat(second.outcome()).isEqualTo(WebhookOutcome.DUPLICATE);
    assertThat(second.httpStatus()).isEqualTo(200);
    assertThat(handled).hasValue(1);
    assertThat(count(MetricNames.TAG_REASON, "duplicate")).isEqualTo(1);
  }

  @Test
  void a_throwing_handler_answers_500_counts_a_failure_and_stripes_retry_processes_it() {
    AtomicInteger attempts = new AtomicInteger();
    StripeWebhooks webhooks =
        builder()
            .on(
                "invoice.paid",
                e -> {
                  if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("database briefly down");
                  }
                })
            .build();

    WebhookResult failed = webhooks.handle(PAID, sign(PAID, SECRET, NOW));
    clock.advance(Duration.ofMinutes(1));
    WebhookResult retried = webhooks.handle(PAID, sign(PAID, SECRET, clock.instant()));

    assertThat(failed.outcome()).isEqualTo(WebhookOutcome.FAILED);
    assertThat(failed.httpStatus()).isEqualTo(500);
    assertThat(failed.outcome().retriedByStripe()).isTrue();
    assertThat(failed.detail()).contains("IllegalStateException");
    assertThat(count(MetricNames.TAG_REASON, "failed")).isEqualTo(1);
    assertThat(retried.outcome()).isEqualTo(WebhookOutcome.PROCESSED);
    assertThat(attempts).hasValue(2);
    assertThat(deliveries()).isEqualTo(2);
  }

  @Test
  void a_second_delivery_while_the_first_is_running_is_deferred_with_409_and_runs_nothing()
      throws Exception {
    var inHandler = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    StripeWebhooks webhooks =
        builder()
            .on(
                "invoice.paid",
                e -> {
                  handled.incrementAndGet();
                  inHandler.countDown();
                  assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                })
            .build();
    String header = sign(PAID, SECRET, NOW);

    Future<WebhookResult> first = pool.submit(() -> webhooks.handle(PAID, header));
    assertThat(inHandler.await(30, TimeUnit.SECONDS)).isTrue();
    WebhookResult concurrent = webhooks.handle(PAID, header);
    release.countDown();

    assertThat(concurrent.outcome()).isEqualTo(WebhookOutcome.IN_PROGRESS);
    assertThat(concurrent.httpStatus()).isEqualTo(409);
    assertThat(first.get().outcome()).isEqualTo(WebhookOutcome.PROCESSED);
    assertThat(webhooks.handle(PAID, header).outcome()).isEqualTo(WebhookOutcome.DUPLICATE);
    assertThat(handled).hasValue(1);
    assertThat(count(MetricNames.TAG_REASON, "in_progress")).isEqualTo(1);
    assertThat(count(MetricNames.TAG_OUTCOME, MetricNames.OUTCOME_FAILURE))
        .as("a delivery another one is processing is no failure for ALERT-C2")
        .isZero();
    assertThat(deliveries()).as("each of the three deliveries counted once").isEqualTo(3);
  }

  @Test
  void of_many_concurrent_deliveries_of_one_event_exactly_one_runs_the_handler() throws Exception {
    StripeWebhooks webhooks = counting();
    String header = sign(PAID, SECRET, NOW);
    var start = new CountDownLatch(1);
    List<CompletableFuture<WebhookResult>> deliveries = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      deliveries.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return webhooks.handle(PAID, header);
              },
              pool));
    }
    start.countDown();

    List<WebhookOutcome> outcomes =
        deliveries.stream().map(CompletableFuture::join).map(WebhookResult::outcome).toList();
    assertThat(handled).hasValue(1);
    assertThat(outcomes).containsOnlyOnce(WebhookOutcome.PROCESSED);
    assertThat(outcomes).allMatch(o -> o.httpStatus() == 200 || o.httpStatus() == 409);
  }

  @Test
  void an_event_nobody_handles_is_acknowledged_so_stripe_stops_sending_it() {
    String payload = event("evt_1Qcharge", "charge.refunded", NOW, "{\"id\": \"ch_1\"}");

    WebhookResult result = counting().handle(payload, sign(payload, SECRET, NOW));

    assertThat(result.outcome()).isEqualTo(WebhookOutcome.IGNORED);
    assertThat(result.httpStatus()).isEqualTo(200);
    assertThat(count(MetricNames.TAG_REASON, "ignored")).isEqualTo(1);
  }

  @Test
  void the_counters_give_alert_c2_its_failure_share() {
    StripeWebhooks webhooks =
        builder()
            .on(
                "invoice.paid",
                e -> {
                  throw new IllegalStateException("down");
                })
            .build();
    for (int i = 0; i < 19; i++) {
      String ok = event("evt_ok_" + i, "charge.succeeded", NOW, "{\"id\": \"ch_" + i + "\"}");
      webhooks.handle(ok, sign(ok, SECRET, NOW));
    }
    webhooks.handle(PAID, sign(PAID, SECRET, NOW));

    // what the default rule ALERT-C2 reads: the failure share of omniy.stripe.webhooks
    double failures = count(MetricNames.TAG_OUTCOME, MetricNames.OUTCOME_FAILURE);
    assertThat(failures / deliveries()).isEqualTo(0.05);
    assertThat(count(MetricNames.TAG_REASON, "failed") / deliveries()).isEqualTo(0.05);
    assertThat(count(MetricNames.TAG_TYPE, "invoice.paid")).isEqualTo(1);
    // one counter, each delivery once: no second vocabulary of meters beside it
    assertThat(deliveries()).isEqualTo(20);
    assertThat(registry.getMeters())
        .allMatch(m -> m.getId().getName().equals(MetricNames.STRIPE_WEBHOOKS));
  }

  @Test
  void an_unavailable_processed_event_store_answers_500_so_stripe_retries() {
    ProcessedEventStore down =
        new ProcessedEventStore() {
          @Override
          public EventClaim claim(String eventId, Instant now, Duration lease) {
            throw new IllegalStateException("store unreachable");
          }

          @Override
          public void markProcessed(String eventId, Instant now) {}

          @Override
          public void release(String eventId, Instant claimedAt) {}

          @Override
          public boolean isProcessed(String eventId) {
            return false;
          }

          @Override
          public int forgetProcessedBefore(Instant cutoff) {
            return 0;
          }

          @Override
          public Duration retention() {
            return Duration.ofDays(30);
          }
        };
    StripeWebhooks webhooks =
        builder().processedEvents(down).on("invoice.paid", e -> handled.incrementAndGet()).build();

    WebhookResult result = webhooks.handle(PAID, sign(PAID, SECRET, NOW));

    assertThat(result.httpStatus()).isEqualTo(500);
    assertThat(handled).hasValue(0);
    assertThat(count(MetricNames.TAG_REASON, "failed")).isEqualTo(1);
  }

  @Test
  void composed_handlers_run_in_order_and_a_failing_second_one_fails_the_delivery() {
    List<String> calls = new ArrayList<>();
    WebhookHandler first = e -> calls.add("first");
    StripeWebhooks webhooks =
        builder()
            .on(
                "invoice.paid",
                first.andThen(
                    e -> {
                      calls.add("second");
                      if (calls.size() == 2) {
                        throw new IllegalStateException("second failed once");
                      }
                    }))
            .build();

    assertThat(webhooks.handle(PAID, sign(PAID, SECRET, NOW)).httpStatus()).isEqualTo(500);
    assertThat(webhooks.handle(PAID, sign(PAID, SECRET, NOW)).httpStatus()).isEqualTo(200);
    assertThat(calls).containsExactly("first", "second", "first", "second");
  }

  @Test
  void a_handler_registered_twice_for_one_type_is_rejected() {
    var webhooks = builder().on("invoice.paid", e -> {});

    assertThatThrownBy(() -> webhooks.on("invoice.paid", e -> {}))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("already has a handler");
    assertThatThrownBy(() -> webhooks.on(" ", e -> {})).hasMessageStartingWith("eventType");
  }
}
