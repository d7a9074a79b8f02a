package app.omniy.stripe;

import app.omniy.core.InvalidValueException;
import java.net.URI;
import java.time.Duration;

/**
 * How Omniy talks to Stripe and checks the webhooks Stripe sends.
 *
 * <p>{@link #toString()} never shows the secrets, so settings can be logged safely.
 *
 * @param apiKey the secret API key ({@code sk_live_…} or {@code sk_test_…})
 * @param webhookSecret the endpoint's signing secret ({@code whsec_…})
 * @param signatureTolerance how old a webhook's signed timestamp may be (Stripe's default: 5 min);
 *     {@link StripeWebhooks.Builder#build()} refuses one longer than its processed-event store's
 *     retention, after which a replayed delivery would be processed again
 * @param apiBase Stripe's API root; a local fake server in tests
 */
public record StripeSettings(
    String apiKey, String webhookSecret, Duration signatureTolerance, URI apiBase) {

  /** Stripe's production API root. */
  public static final URI DEFAULT_API_BASE = URI.create("https://api.stripe.com");

  /** Stripe's own default tolerance for webhook timestamps. */
  public static final Duration DEFAULT_SIGNATURE_TOLERANCE = Duration.ofMinutes(5);

  /**
   * Validates the settings.
   *
   * @throws InvalidValueException naming the field that is missing or malformed; a secret's value
   *     is never put in the message
   */
  public StripeSettings {
    if (apiKey == null || !apiKey.matches("(sk|rk)_(live|test)_\\S+")) {
      throw new InvalidValueException("apiKey", null, "must be a Stripe secret key (sk_… or rk_…)");
    }
    if (webhookSecret == null || !webhookSecret.matches("whsec_\\S+")) {
      throw new InvalidValueException("webhookSecret", null, "must be a signing secret (whsec_…)");
    }
    if (signatureTolerance == null
        || signatureTolerance.isNegative()
        || signatureTolerance.isZero()) {
      throw new InvalidValueException("signatureTolerance", signatureTolerance, "must be positive");
    }
    if (apiBase == null || !apiBase.isAbsolute()) {
      throw new InvalidValueException("apiBase", apiBase, "must be an absolute URI");
    }
  }

  /** Settings with Stripe's production API root and default tolerance. */
  public static StripeSettings of(String apiKey, String webhookSecret) {
    return new StripeSettings(apiKey, webhookSecret, DEFAULT_SIGNATURE_TOLERANCE, DEFAULT_API_BASE);
  }

  /** Whether these settings use a live (not test-mode) key. */
  public boolean liveMode() {
    return apiKey.substring(3).startsWith("live_");
  }

  @Override
  public String toString() {
    return "StripeSettings[apiKey="
        + (liveMode() ? "sk_live_****" : "sk_test_****")
        + ", webhookSecret=whsec_****, signatureTolerance="
        + signatureTolerance
        + ", apiBase="
        + apiBase
        + "]";
  }
}
