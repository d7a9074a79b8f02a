package app.omniy.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.examples.billing.StripeWebhookExample.LocalStripe;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The webhook example against the local fake of Stripe: no network. */
class StripeWebhookExampleTest {
  private static final String SECRET = "whsec_example_1234";
  private final SettableClock clock = SettableClock.at(Instant.parse("2026-04-01T00:00:00Z"));
  private final StripeWebhookExample endpoint =
      new StripeWebhookExample(SECRET, new SimpleMeterRegistry(), clock);
  private final LocalStripe stripe = new LocalStripe(SECRET);

  @Test
  void a_signed_delivery_is_processed_once_however_often_it_arrives() {
    String body = stripe.paymentFailed("evt_1", "in_1", clock.instant());
    String signature = stripe.sign(body, clock.instant());

    int first = endpoint.endpoint(body, signature);
    int again = endpoint.endpoint(body, signature);

    assertThat(first).isEqualTo(200);
    assertThat(again).isEqualTo(200);
    assertThat(endpoint.failedPayments()).containsExactly("evt_1");
  }

  @Test
  void a_delivery_signed_with_another_secret_is_refused_with_400() {
    String body = stripe.paymentFailed("evt_2", "in_2", clock.instant());

    int status =
        endpoint.endpoint(body, new LocalStripe("whsec_wrong").sign(body, clock.instant()));

    assertThat(status).isEqualTo(400);
    assertThat(endpoint.failedPayments()).isEmpty();
  }
}
