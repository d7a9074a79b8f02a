package app.omniy.core.billing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class AppliedCreditTest {
  private static final YearMonth MAY = YearMonth.of(2026, 5);
  private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");

  @Test
  void a_credit_of_nothing_or_less_is_rejected_naming_the_amount() {
    assertThatThrownBy(
            () ->
                new AppliedCredit(
                    "cus_1", MAY, Money.of("0", "JPY"), BigDecimal.TEN, "cbtxn_1", AT))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("amount");
  }

  @Test
  void missing_identifiers_are_rejected_naming_the_field() {
    Money fee = Money.of("198", "JPY");
    assertThatThrownBy(() -> new AppliedCredit(" ", MAY, fee, BigDecimal.TEN, "cbtxn_1", AT))
        .hasMessageStartingWith("customerId");
    assertThatThrownBy(() -> new AppliedCredit("cus_1", MAY, fee, BigDecimal.TEN, "", AT))
        .hasMessageStartingWith("reference");
  }

  @Test
  void an_availability_of_more_digits_than_a_percentage_holds_is_refused_in_short_form() {
    // A stored record is read back from a store: 1e-999999999 would print as a billion characters.
    Money fee = Money.of("198", "JPY");
    assertThatThrownBy(
            () ->
                new AppliedCredit("cus_1", MAY, fee, new BigDecimal("1e-999999999"), "cbtxn_1", AT))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("availabilityPercent = '1e-999999999': has more than 10 decimal places");
  }
}
