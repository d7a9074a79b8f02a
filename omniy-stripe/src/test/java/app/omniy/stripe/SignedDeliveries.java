package app.omniy.stripe;

import com.stripe.Stripe;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Builds Stripe webhook deliveries as Stripe sends them: event JSON in the shape of API version
 * {@link Stripe#API_VERSION}, signed as {@code t=…,v1=…} with HMAC-SHA256 of {@code t.payload}.
 */
final class SignedDeliveries {
  static final String SECRET = "whsec_test_9f8e7d6c5b4a";
  static final String KEY = "sk_test_51HxOmniyTestKey";

  private SignedDeliveries() {}

  /** The {@code Stripe-Signature} header for {@code payload} signed at {@code at}. */
  static String sign(String payload, String secret, Instant at) {
    return "t=" + at.getEpochSecond() + ",v1=" + hmac(payload, secret, at.getEpochSecond());
  }

  static String hmac(String payload, String secret, long timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** An event envelope around {@code objectJson}. */
  static String event(String id, String type, Instant created, String objectJson) {
    return event(id, type, created, objectJson, Stripe.API_VERSION);
  }

  static String event(String id, String type, Instant created, String objectJson, String version) {
    return event(id, type, created, objectJson, version, false, null);
  }

  /**
   * An event envelope as Stripe sends it for {@code livemode}; with an {@code account} ({@code
   * acct_…}) as a Connect endpoint receives a connected account's event, without one as an
   * account's own endpoint receives it (the field is then absent, as Stripe leaves it out).
   */
  static String event(
      String id,
      String type,
      Instant created,
      String objectJson,
      String version,
      boolean livemode,
      @Nullable String account) {
    String accountField = account == null ? "" : "\n  \"account\": \"" + account + "\",";
    return """
        {
          "id": "%s",
          "object": "event",%s
          "api_version": "%s",
          "created": %d,
          "data": {
            "object": %s
          },
          "livemode": %s,
          "pending_webhooks": 1,
          "request": {
            "id": null,
            "idempotency_key": null
          },
          "type": "%s"
        }"""
        .formatted(id, accountField, version, created.getEpochSecond(), objectJson, livemode, type);
  }

  /** A subscription object with one monthly JPY item. */
  static String subscription(String id, String customer, String status, Instant created) {
    return """
        {
          "id": "%s",
          "object": "subscription",
          "billing_cycle_anchor": %d,
          "cancel_at_period_end": false,
          "collection_method": "charge_automatically",
          "created": %d,
          "currency": "jpy",
          "customer": "%s",
          "items": {
            "object": "list",
            "data": [
              {
                "id": "si_%s",
                "object": "subscription_item",
                "created": %d,
                "current_period_end": %d,
                "current_period_start": %d,
                "metadata": {},
                "price": {
                  "id": "price_1PlanPro",
                  "object": "price",
                  "active": true,
                  "billing_scheme": "per_unit",
                  "currency": "jpy",
                  "livemode": false,
                  "product": "prod_OmniyPro",
                  "recurring": {"interval": "month", "interval_count": 1, "usage_type": "licensed"},
                  "type": "recurring",
                  "unit_amount": 1980,
                  "unit_amount_decimal": "1980"
                },
                "quantity": 1,
                "subscription": "%s"
              }
            ],
            "has_more": false,
            "url": "/v1/subscription_items?subscription=%s"
          },
          "livemode": false,
          "metadata": {},
          "start_date": %d,
          "status": "%s"
        }"""
        .formatted(
            id,
            created.getEpochSecond(),
            created.getEpochSecond(),
            customer,
            id,
            created.getEpochSecond(),
            created.getEpochSecond() + 2_592_000,
            created.getEpochSecond(),
            id,
            id,
            created.getEpochSecond(),
            status);
  }

  /** A paid subscription invoice whose single line covers {@code [periodStart, periodEnd)}. */
  static String paidInvoice(
      String id, String customer, String subscription, Instant periodStart, Instant periodEnd) {
    return """
        {
          "id": "%s",
          "object": "invoice",
          "amount_due": 1980,
          "amount_paid": 1980,
          "amount_remaining": 0,
          "billing_reason": "subscription_cycle",
          "currency": "jpy",
          "customer": "%s",
          "lines": {
            "object": "list",
            "data": [
              {
                "id": "il_%s",
                "object": "line_item",
                "amount": 1980,
                "currency": "jpy",
                "description": "1 × Omniy Pro (at ¥1,980 / month)",
                "period": {"end": %d, "start": %d},
                "quantity": 1
              }
            ],
            "has_more": false,
            "url": "/v1/invoices/%s/lines"
          },
          "livemode": false,
          "parent": {
            "quote_details": null,
            "subscription_details": {"metadata": {}, "subscription": "%s"},
            "type": "subscription_details"
          },
          "period_end": %d,
          "period_start": %d,
          "status": "paid"
        }"""
        .formatted(
            id,
            customer,
            id,
            periodEnd.getEpochSecond(),
            periodStart.getEpochSecond(),
            id,
            subscription,
            periodStart.getEpochSecond(),
            periodStart.getEpochSecond());
  }
}
