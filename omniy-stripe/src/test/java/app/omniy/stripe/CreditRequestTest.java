package app.omniy.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.ExactRatio;
import app.omniy.core.sla.ServiceCredit;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CreditRequestTest {
  private static final YearMonth MAY = YearMonth.of(2026, 5);
  private static final LocalDate ASKED_ON = LocalDate.of(2026, 6, 1);
  private static final Money FEE = Money.of("1980", "JPY");
  private static final ExactRatio UPTIME = ExactRatio.ofPercent(new BigDecimal("99.5"));

  private static ServiceCredit assessed(ExactRatio uptime, Money fee, LocalDate askedOn) {
    return ServiceCredit.assess(CreditPolicy.GUIDE, MAY, uptime, fee, askedOn);
  }

  @Test
  void an_availability_outside_0_to_100_percent_never_becomes_a_request() {
    assertThatThrownBy(
            () ->
                new CreditRequest("cus_1", assessed(ExactRatio.of(10_001, 10_000), FEE, ASKED_ON)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("availability");
    assertThatThrownBy(
            () ->
                new CreditRequest(
                    "cus_1", assessed(ExactRatio.ofPercent(new BigDecimal("-1")), FEE, ASKED_ON)))
        .hasMessageStartingWith("percent");
  }

  @Test
  void a_customer_id_with_spaces_or_missing_is_rejected() {
    ServiceCredit credit = assessed(UPTIME, FEE, ASKED_ON);

    assertThatThrownBy(() -> new CreditRequest("cus 1", credit))
        .hasMessageStartingWith("customerId");
    assertThatThrownBy(() -> new CreditRequest(null, credit)).hasMessageStartingWith("customerId");
  }

  @Test
  void a_credit_assessed_without_a_fee_or_a_request_date_cannot_be_applied() {
    assertThatThrownBy(() -> new CreditRequest("cus_1", null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("credit");
    assertThatThrownBy(() -> new CreditRequest("cus_1", assessed(UPTIME, null, ASKED_ON)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("credit.amount");
    assertThatThrownBy(() -> new CreditRequest("cus_1", assessed(UPTIME, FEE, null)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("credit.eligible")
        .hasMessageContaining("SLA-7");
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
    assertThatThrownBy(() -> credits.monthlyFee("cus 1")).hasMessageStartingWith("customerId");
  }
}
