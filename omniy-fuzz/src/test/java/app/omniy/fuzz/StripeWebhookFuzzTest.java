package app.omniy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.stripe.StripeSettings;
import app.omniy.stripe.StripeWebhooks;
import app.omniy.stripe.SubscriptionStatuses;
import app.omniy.stripe.WebhookResult;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.stripe.Stripe;
import com.stripe.exception.EventDataObjectDeserializationException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe webhook deliveries (BILL-*): {@link StripeWebhooks#handle} promises never to throw and to
 * say what happened; the subscription view it feeds may refuse an event's object only with
 * stripe-java's documented {@link EventDataObjectDeserializationException}. Most inputs are signed
 * correctly, or the fuzzer would never get past the signature check.
 */
class StripeWebhookFuzzTest {
  private static final String SECRET = "whsec_fuzz_5a4b3c2d1e";
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final String[] TYPES = {
    SubscriptionStatuses.CREATED,
    SubscriptionStatuses.UPDATED,
    SubscriptionStatuses.DELETED,
    SubscriptionStatuses.INVOICE_PAID,
    "charge.refunded"
  };

  @FuzzTest(maxDuration = "10s")
  void deliveries_are_answered_without_an_undocumented_exception(FuzzedDataProvider data) {
    SubscriptionStatuses statuses = new SubscriptionStatuses();
    AtomicReference<Throwable> unexpected = new AtomicReference<>();
    StripeWebhooks.Builder builder =
        StripeWebhooks.builder(StripeSettings.of("sk_test_fuzz", SECRET))
            .meterRegistry(new SimpleMeterRegistry())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    for (String type : new String[] {TYPES[0], TYPES[1], TYPES[2], TYPES[3]}) {
      builder.on(type, event -> applyNoting(statuses, event, unexpected));
    }
    StripeWebhooks webhooks = builder.build();

    int shape = data.consumeInt(0, 2);
    String payload = shape == 0 ? envelope(data) : data.consumeString(4_000);
    String header =
        shape == 2
            ? data.consumeString(300)
            : sign(payload, NOW.getEpochSecond() - data.consumeInt(0, 600));

    WebhookResult result = webhooks.handle(payload, header);

    assertThat(unexpected.get()).isNull();
    assertThat(result.outcome()).isNotNull();
    assertThat(result.detail()).isNotBlank();
    if (result.outcome().rejected()) {
      assertThat(result.eventId()).isNull();
    }
  }

  private static void applyNoting(
      SubscriptionStatuses statuses, com.stripe.model.Event event, AtomicReference<Throwable> out)
      throws EventDataObjectDeserializationException {
    try {
      statuses.apply(event);
    } catch (EventDataObjectDeserializationException e) {
      throw e; // documented: the delivery fails and Stripe retries it
    } catch (RuntimeException e) {
      out.set(e); // StripeWebhooks would turn it into FAILED; the fuzzer must still see it
      throw e;
    }
  }

  /** A Stripe event envelope with fuzzed id, type, time and data object. */
  private static String envelope(FuzzedDataProvider data) {
    String type = data.consumeBoolean() ? data.pickValue(TYPES) : data.consumeString(40);
    String object = data.consumeString(3_000);
    return """
        {"id": %s, "object": "event", "api_version": "%s", "created": %d,
         "data": {"object": %s}, "livemode": false, "pending_webhooks": 1,
         "request": {"id": null, "idempotency_key": null}, "type": %s}"""
        .formatted(
            quoted(data.consumeString(40)),
            data.consumeBoolean() ? Stripe.API_VERSION : "2020-08-27",
            data.consumeLong(),
            object.isBlank() ? "{}" : object,
            quoted(type));
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String sign(String payload, long timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
