package app.omniy.benchmarks;

import app.omniy.stripe.StripeSettings;
import app.omniy.stripe.StripeWebhooks;
import app.omniy.stripe.WebhookResult;
import com.stripe.Stripe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one Stripe webhook delivery in {@link StripeWebhooks#handle}: signature check, event
 * parsing with stripe-java, the processed-event lookup and the counters. Stripe redelivers and
 * retries, so the duplicate path must stay cheap. The baseline is the HMAC-SHA256 of the signed
 * payload alone, which any verifier must compute; the ratio shows what parsing and bookkeeping add.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StripeWebhookBenchmark {
  static final String SECRET = "whsec_benchmark_secret";
  static final Instant SIGNED_AT = Instant.parse("2026-06-01T00:00:00Z");

  String paid;
  String paidHeader;
  String other;
  String otherHeader;
  StripeWebhooks webhooks;
  Mac mac;

  @Setup(Level.Trial)
  public void prepare() throws GeneralSecurityException {
    mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    paid = event("evt_bench_paid", "invoice.paid");
    paidHeader = "t=" + SIGNED_AT.getEpochSecond() + ",v1=" + baselineHmac(paid);
    other = event("evt_bench_other", "charge.succeeded");
    otherHeader = "t=" + SIGNED_AT.getEpochSecond() + ",v1=" + baselineHmac(other);
    var settings = StripeSettings.of("sk_test_benchmark", SECRET);
    webhooks =
        StripeWebhooks.builder(settings)
            .meterRegistry(new SimpleMeterRegistry())
            .clock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
            .on("invoice.paid", event -> {})
            .build();
    webhooks.handle(paid, paidHeader); // processed once; every measured delivery is a duplicate
  }

  @Benchmark
  public String baselineHmac() {
    return baselineHmac(paid);
  }

  private String baselineHmac(String payload) {
    byte[] signed = (SIGNED_AT.getEpochSecond() + "." + payload).getBytes(StandardCharsets.UTF_8);
    return HexFormat.of().formatHex(mac.doFinal(signed));
  }

  @Benchmark
  public WebhookResult duplicateDelivery() {
    return webhooks.handle(paid, paidHeader);
  }

  @Benchmark
  public WebhookResult unhandledEventType() {
    return webhooks.handle(other, otherHeader);
  }

  /** A paid-invoice event of about 1.5 KB, the size Stripe sends for a one-line invoice. */
  static String event(String id, String type) {
    return """
        {"id": "%s", "object": "event", "api_version": "%s", "created": %d,
         "data": {"object": {"id": "in_1QbenchInvoice", "object": "invoice", "amount_due": 1980,
           "amount_paid": 1980, "amount_remaining": 0, "billing_reason": "subscription_cycle",
           "currency": "jpy", "customer": "cus_Qbench",
           "lines": {"object": "list", "data": [{"id": "il_1Qbench", "object": "line_item",
             "amount": 1980, "currency": "jpy", "description": "1 × Omniy Pro",
             "period": {"end": 1782864000, "start": 1780272000}, "quantity": 1}],
             "has_more": false, "url": "/v1/invoices/in_1QbenchInvoice/lines"},
           "livemode": false,
           "parent": {"quote_details": null, "type": "subscription_details",
             "subscription_details": {"metadata": {}, "subscription": "sub_1Qbench"}},
           "period_end": 1780272000, "period_start": 1777593600, "status": "paid"}},
         "livemode": false, "pending_webhooks": 1,
         "request": {"id": null, "idempotency_key": null}, "type": "%s"}"""
        .formatted(id, Stripe.API_VERSION, SIGNED_AT.getEpochSecond(), type);
  }
}
