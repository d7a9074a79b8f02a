package app.omniy.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CreditRequestTest {
  private static final YearMonth MAY = YearMonth.of(2026, 5);
  private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");

  @Test
  void an_availability_outside_0_to_100_percent_is_rejected() {
    assertThatThrownBy(() -> new CreditRequest("cus_1", MAY, new BigDecimal("100.01"), AT))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("availabilityPercent");
    assertThatThrownBy(() -> new CreditRequest("cus_1", MAY, new BigDecimal("-1"), AT))
        .hasMessageStartingWith("availabilityPercent");
  }

  @Test
  void a_customer_id_with_spaces_or_missing_is_rejected() {
    assertThatThrownBy(() -> new CreditRequest("cus 1", MAY, BigDecimal.TEN, AT))
        .hasMessageStartingWith("customerId");
    assertThatThrownBy(() -> new CreditRequest(null, MAY, BigDecimal.TEN, AT))
        .hasMessageStartingWith("customerId");
  }

  @Test
  void the_idempotency_key_names_the_customer_and_the_month() {
    assertThat(ServiceCredits.idempotencyKey("cus_1", MAY))
        .isEqualTo("omniy-sla-credit:cus_1:2026-05");
  }

  @Test
  void a_missing_request_in_a_batch_is_rejected_naming_its_position() {
    var settings =
        new StripeSettings(
            SignedDeliveries.KEY,
            SignedDeliveries.SECRET,
            StripeSettings.DEFAULT_SIGNATURE_TOLERANCE,
            URI.create("http://127.0.0.1:9"));
    ServiceCredits credits = ServiceCredits.builder(settings).build();

    assertThatThrownBy(() -> credits.run(Arrays.asList((CreditRequest) null), true))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("requests[0]");
    assertThatThrownBy(() -> ServiceCredits.builder(settings).maxNetworkRetries(11))
        .hasMessageStartingWith("maxNetworkRetries");
  }
}
