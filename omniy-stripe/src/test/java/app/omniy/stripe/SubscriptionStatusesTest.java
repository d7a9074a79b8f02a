package app.omniy.stripe;

import static app.omniy.stripe.SignedDeliveries.SECRET;
import static app.omniy.stripe.SignedDeliveries.event;
import static app.omniy.stripe.SignedDeliveries.paidInvoice;
import static app.omniy.stripe.SignedDeliveries.sign;
import static app.omniy.stripe.SignedDeliveries.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.stripe.SubscriptionStatuses.SubscriptionState;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Out-of-order delivery must not corrupt state: Stripe promises no delivery order. */
class SubscriptionStatusesTest {
  private static final Instant NOW = Instant.parse("2026-06-01T03:00:00Z");
  private static final Instant T1 = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant JULY = Instant.parse("2026-07-01T00:00:00Z");

  private static final String CREATED =
      event(
          "evt_1",
          SubscriptionStatuses.CREATED,
          T1,
          subscription("sub_1Qabc", "cus_Q1", "incomplete", T1));
  private static final String PAID =
      event(
          "evt_2",
          SubscriptionStatuses.INVOICE_PAID,
          T1.plusSeconds(5),
          paidInvoice("in_1", "cus_Q1", "sub_1Qabc", T1, JULY));
  private static final String ACTIVATED =
      event(
          "evt_3",
          SubscriptionStatuses.UPDATED,
          T1.plusSeconds(5),
          subscription("sub_1Qabc", "cus_Q1", "active", T1));
  private static final String CANCELED =
      event(
          "evt_4",
          SubscriptionStatuses.DELETED,
          T1.plusSeconds(3600),
          subscription("sub_1Qabc", "cus_Q1", "canceled", T1));

  private static SubscriptionStatuses deliver(List<String> payloads) {
    var statuses = new SubscriptionStatuses();
    var settings =
        new StripeSettings(
            SignedDeliveries.KEY,
            SECRET,
            StripeSettings.DEFAULT_SIGNATURE_TOLERANCE,
            StripeSettings.DEFAULT_API_BASE);
    StripeWebhooks webhooks =
        statuses
            .registerOn(
                StripeWebhooks.builder(settings)
                    .meterRegistry(new SimpleMeterRegistry())
                    .clock(SettableClock.at(NOW)))
            .build();
    for (String payload : payloads) {
      assertThat(webhooks.handle(payload, sign(payload, SECRET, NOW)).outcome())
          .isEqualTo(WebhookOutcome.PROCESSED);
    }
    return statuses;
  }

  @Test
  void a_data_object_without_its_object_field_fails_the_delivery_for_a_retry_instead_of_crashing() {
    // Found by StripeWebhookFuzzTest: stripe-java threw a NullPointerException here.
    var statuses = new SubscriptionStatuses();
    StripeWebhooks webhooks =
        statuses
            .registerOn(
                StripeWebhooks.builder(StripeSettings.of(SignedDeliveries.KEY, SECRET))
                    .meterRegistry(new SimpleMeterRegistry())
                    .clock(SettableClock.at(NOW)))
            .build();
    String payload = event("evt_9", SubscriptionStatuses.UPDATED, T1, "{\"id\": \"sub_1\"}");

    WebhookResult result = webhooks.handle(payload, sign(payload, SECRET, NOW));

    assertThat(result.outcome()).isEqualTo(WebhookOutcome.FAILED);
    assertThat(result.detail()).contains("EventDataObjectDeserializationException");
    assertThat(statuses.get("sub_1")).isEmpty();
  }

  @Test
  void invoice_paid_before_subscription_created_keeps_the_payment_and_gets_the_status_later() {
    var statuses = deliver(List.of(PAID));
    assertThat(statuses.get("sub_1Qabc").orElseThrow().status()).isNull();
    assertThat(statuses.get("sub_1Qabc").orElseThrow().paidThrough()).isEqualTo(JULY);

    var both = deliver(List.of(PAID, CREATED));

    SubscriptionState state = both.get("sub_1Qabc").orElseThrow();
    assertThat(state.status()).isEqualTo("incomplete");
    assertThat(state.customerId()).isEqualTo("cus_Q1");
    assertThat(state.paidThrough()).isEqualTo(JULY);
  }

  @Test
  void a_late_creation_event_does_not_undo_a_newer_update() {
    SubscriptionState state = deliver(List.of(ACTIVATED, CREATED)).get("sub_1Qabc").orElseThrow();

    assertThat(state.status()).isEqualTo("active");
    assertThat(state.statusAsOf()).isEqualTo(T1.plusSeconds(5));
  }

  @Test
  void every_delivery_order_of_the_four_events_ends_in_the_same_state() {
    SubscriptionState inOrder =
        deliver(List.of(CREATED, PAID, ACTIVATED, CANCELED)).get("sub_1Qabc").orElseThrow();
    assertThat(inOrder)
        .isEqualTo(
            new SubscriptionState("sub_1Qabc", "cus_Q1", "canceled", T1.plusSeconds(3600), JULY));

    List<List<String>> orders = permutations(List.of(CREATED, PAID, ACTIVATED, CANCELED));
    assertThat(orders).hasSize(24);
    for (List<String> order : orders) {
      assertThat(deliver(order).get("sub_1Qabc")).contains(inOrder);
    }
  }

  @Test
  void creation_and_update_in_the_same_second_resolve_to_the_update_in_either_order() {
    String createdSameSecond =
        event(
            "evt_5",
            SubscriptionStatuses.CREATED,
            T1.plusSeconds(5),
            subscription("sub_1Qabc", "cus_Q1", "incomplete", T1));

    assertThat(deliver(List.of(ACTIVATED, createdSameSecond)).get("sub_1Qabc").orElseThrow())
        .extracting(SubscriptionState::status)
        .isEqualTo("active");
    assertThat(deliver(List.of(createdSameSecond, ACTIVATED)).get("sub_1Qabc").orElseThrow())
        .extracting(SubscriptionState::status)
        .isEqualTo("active");
  }

  @Test
  void an_older_invoice_paid_late_does_not_move_paid_through_backwards() {
    String mayInvoice =
        event(
            "evt_6",
            SubscriptionStatuses.INVOICE_PAID,
            T1.minusSeconds(2_678_400),
            paidInvoice("in_0", "cus_Q1", "sub_1Qabc", T1.minusSeconds(2_678_400), T1));

    assertThat(deliver(List.of(PAID, mayInvoice)).get("sub_1Qabc").orElseThrow().paidThrough())
        .isEqualTo(JULY);
  }

  @Test
  void an_event_of_an_older_api_version_is_still_read() {
    String old =
        event(
            "evt_7",
            SubscriptionStatuses.UPDATED,
            T1.plusSeconds(9),
            subscription("sub_1Qabc", "cus_Q1", "past_due", T1),
            "2025-03-31.basil");

    assertThat(deliver(List.of(old)).get("sub_1Qabc").orElseThrow().status()).isEqualTo("past_due");
  }

  private static <T> List<List<T>> permutations(List<T> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<T>> result = new ArrayList<>();
    for (T first : items) {
      List<T> rest = new ArrayList<>(items);
      rest.remove(first);
      for (List<T> tail : permutations(rest)) {
        List<T> order = new ArrayList<>();
        order.add(first);
        order.addAll(tail);
        result.add(order);
      }
    }
    return result;
  }
}
