package app.omniy.examples.billing;

import app.omniy.stripe.StripeSettings;
import app.omniy.stripe.StripeWebhooks;
import app.omniy.stripe.WebhookResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Handling a Stripe webhook in a host application: the endpoint hands the raw body and the {@code
 * Stripe-Signature} header to {@link StripeWebhooks} and answers with the status it gets back; each
 * event is processed once however often Stripe delivers it. {@link LocalStripe} plays Stripe
 * without a network, signing deliveries the way Stripe does.
 */
public final class StripeWebhookExample {
  private final StripeWebhooks webhooks;
  private final List<String> failedPayments = new CopyOnWriteArrayList<>();

  /** The endpoint's handler, configured with the webhook secret Stripe gave the host. */
  public StripeWebhookExample(String webhookSecret, MeterRegistry registry, Clock clock) {
    // README: Stripe webhook
    StripeSettings settings = StripeSettings.of("sk_test_example", webhookSecret);
    webhooks =
        StripeWebhooks.builder(settings)
            .meterRegistry(registry) // omniy.stripe.webhooks{outcome} (ALERT-C2)
            .clock(clock)
            .on("invoice.payment_failed", event -> failedPayments.add(event.getId()))
            .build();
    // README end
  }

  /** The host's {@code POST /stripe/webhook}: returns the HTTP status to answer with. */
  public int endpoint(String rawBody, String signatureHeader) {
    WebhookResult result = webhooks.handle(rawBody, signatureHeader);
    return result.httpStatus(); // 200; 400 refused; 409 or 500 so that Stripe retries
  }

  /** The failed payments the handler saw, once each. */
  public List<String> failedPayments() {
    return List.copyOf(failedPayments);
  }

  /** A local stand-in for Stripe: builds event deliveries and signs them as Stripe does. */
  public record LocalStripe(String webhookSecret) {

    /** An {@code invoice.payment_failed} event for {@code invoice}, created at {@code at}. */
    public String paymentFailed(String eventId, String invoice, Instant at) {
      return """
          {"id": "%s", "object": "event", "api_version": "%s", "created": %d,
           "data": {"object": {"id": "%s", "object": "invoice"}},
           "livemode": false, "pending_webhooks": 1,
           "request": {"id": null, "idempotency_key": null},
           "type": "invoice.payment_failed"}"""
          .formatted(eventId, com.stripe.Stripe.API_VERSION, at.getEpochSecond(), invoice);
    }

    /** The {@code Stripe-Signature} header: {@code t=…,v1=} HMAC-SHA256 of {@code t.payload}. */
    public String sign(String payload, Instant at) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest =
            mac.doFinal((at.getEpochSecond() + "." + payload).getBytes(StandardCharsets.UTF_8));
        return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(digest);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is in every JDK", e);
      }
    }
  }
}
