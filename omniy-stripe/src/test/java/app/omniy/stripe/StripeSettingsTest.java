package app.omniy.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StripeSettingsTest {
  private static final String KEY = "sk_test_51Hx9abcSECRET";
  private static final String SIGNING = "whsec_9f8e7dSECRET";

  @Test
  void defaults_to_stripes_production_api_and_five_minutes_of_tolerance() {
    var settings = StripeSettings.of(KEY, SIGNING);

    assertThat(settings.apiBase()).isEqualTo(URI.create("https://api.stripe.com"));
    assertThat(settings.signatureTolerance()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.liveMode()).isFalse();
  }

  @Test
  void never_shows_its_secrets_when_printed() {
    var settings = StripeSettings.of("sk_live_51Hx9abcSECRET", SIGNING);

    assertThat(settings.toString()).doesNotContain("SECRET").contains("sk_live_****", "whsec_****");
  }

  @Test
  void bad_values_are_rejected_naming_the_field_but_not_echoing_secrets() {
    assertThatThrownBy(() -> StripeSettings.of("pk_test_publishableSECRET", SIGNING))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("apiKey")
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> StripeSettings.of(KEY, "nope"))
        .hasMessageStartingWith("webhookSecret");
    assertThatThrownBy(
            () -> new StripeSettings(KEY, SIGNING, Duration.ZERO, StripeSettings.DEFAULT_API_BASE))
        .hasMessageStartingWith("signatureTolerance");
  }
}
