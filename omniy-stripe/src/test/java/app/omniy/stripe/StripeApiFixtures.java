package app.omniy.stripe;

import java.util.List;

/** Stripe API responses in the shape of API version 2026-07-29.dahlia, for WireMock. */
final class StripeApiFixtures {
  private StripeApiFixtures() {}

  static String list(String url, boolean hasMore, List<String> items) {
    return """
        {
          "object": "list",
          "data": [%s],
          "has_more": %s,
          "url": "%s"
        }"""
        .formatted(String.join(",\n", items), hasMore, url);
  }

  /** An active subscription with one item of {@code quantity} × a monthly price. */
  static String activeSubscription(
      String id, String customer, String currency, String unitAmountDecimal, long quantity) {
    return recurringSubscription(id, customer, currency, unitAmountDecimal, quantity, "month");
  }

  static String recurringSubscription(
      String id,
      String customer,
      String currency,
      String unitAmountDecimal,
      long quantity,
      String interval) {
    return """
        {
          "id": "%1$s",
          "object": "subscription",
          "billing_cycle_anchor": 1777593600,
          "cancel_at_period_end": false,
          "collection_method": "charge_automatically",
          "created": 1777593600,
          "currency": "%3$s",
          "customer": "%2$s",
          "items": {
            "object": "list",
            "data": [
              {
                "id": "si_%1$s",
                "object": "subscription_item",
                "created": 1777593600,
                "current_period_end": 1782864000,
                "current_period_start": 1780272000,
                "metadata": {},
                "price": {
                  "id": "price_%1$s",
                  "object": "price",
                  "active": true,
                  "billing_scheme": "per_unit",
                  "created": 1777000000,
                  "currency": "%3$s",
                  "livemode": false,
                  "lookup_key": null,
                  "metadata": {},
                  "nickname": "Omniy Pro",
                  "product": "prod_OmniyPro",
                  "recurring": {
                    "interval": "%6$s",
                    "interval_count": 1,
                    "meter": null,
                    "usage_type": "licensed"
                  },
                  "tax_behavior": "exclusive",
                  "type": "recurring",
                  "unit_amount": %4$s,
                  "unit_amount_decimal": "%4$s"
                },
                "quantity": %5$d,
                "subscription": "%1$s"
              }
            ],
            "has_more": false,
            "url": "/v1/subscription_items?subscription=%1$s"
          },
          "livemode": false,
          "metadata": {},
          "start_date": 1777593600,
          "status": "active"
        }"""
        .formatted(id, customer, currency, unitAmountDecimal, quantity, interval);
  }

  /** A customer balance transaction; {@code month} null for one without Omniy's metadata. */
  static String balanceTransaction(
      String id, String customer, long amount, String currency, String month) {
    String metadata =
        month == null
            ? "{}"
            : """
                {
                  "omniy_availability_percent": "99.5000",
                  "omniy_credit_percent": "10",
                  "omniy_kind": "sla_credit",
                  "omniy_sla_month": "%s"
                }"""
                .formatted(month);
    return """
        {
          "id": "%s",
          "object": "customer_balance_transaction",
          "amount": %d,
          "checkout_session": null,
          "created": 1780650000,
          "credit_note": null,
          "currency": "%s",
          "customer": "%s",
          "description": "SLA credit",
          "ending_balance": %d,
          "invoice": null,
          "livemode": false,
          "metadata": %s,
          "type": "adjustment"
        }"""
        .formatted(id, amount, currency, customer, amount, metadata);
  }

  static String apiError() {
    return """
        {
          "error": {
            "message": "An unknown error occurred",
            "request_log_url": "https://dashboard.stripe.com/test/logs/req_5xx",
            "type": "api_error"
          }
        }""";
  }
}
