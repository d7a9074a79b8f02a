package app.omniy.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SLA-6's tiers at their boundaries: lower bound inclusive, upper bound exclusive. */
class CreditPolicyTest {
  private final CreditPolicy policy = CreditPolicy.GUIDE;

  @ParameterizedTest(name = "{0}% earns {1}%")
  @CsvSource({
    "100, 0",
    "99.9, 0",
    "99.95, 0",
    "99.8999999999, 10",
    "99.0, 10",
    "98.9999, 25",
    "95.0, 25",
    "94.9999, 50",
    "0, 50"
  })
  void the_guides_tiers_at_their_boundaries(String availability, int credit) {
    assertThat(policy.creditPercent(new BigDecimal(availability))).isEqualTo(credit);
  }

  @Test
  void the_credit_amount_is_the_tier_share_of_the_fee_rounded_half_up() {
    Money fee = Money.of("1980", "JPY");

    assertThat(policy.credit(new BigDecimal("99.8842"), fee)).isEqualTo(Money.of("198", "JPY"));
    assertThat(policy.credit(new BigDecimal("98.5"), fee)).isEqualTo(Money.of("495", "JPY"));
    assertThat(policy.credit(new BigDecimal("90"), Money.of("19.99", "USD")))
        .isEqualTo(Money.of("10.00", "USD"));
    assertThat(policy.credit(new BigDecimal("99.9"), fee).isZero()).isTrue();
  }

  @Test
  void availability_outside_0_to_100_is_rejected() {
    assertThatThrownBy(() -> policy.creditPercent(new BigDecimal("100.01")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("availabilityPercent");
  }

  @Test
  void overlapping_tiers_are_rejected() {
    assertThatThrownBy(
            () ->
                new CreditPolicy(
                    List.of(
                        new CreditTier(new BigDecimal("99"), new BigDecimal("99.9"), 10),
                        new CreditTier(new BigDecimal("95"), new BigDecimal("99.5"), 25))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("overlaps");
  }

  @Test
  void an_availability_or_tier_bound_with_more_than_ten_decimal_places_is_refused() {
    assertThatThrownBy(() -> policy.creditPercent(new BigDecimal("1e-999999999")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("availabilityPercent = '1e-999999999': has more than 10 decimal places");
    assertThatThrownBy(() -> policy.creditPercent(new BigDecimal("99.89999999999")))
        .hasMessageStartingWith("availabilityPercent");
    assertThatThrownBy(
            () -> new CreditTier(new BigDecimal("1e-999999999"), new BigDecimal("99.9"), 10))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("atLeast"));
    assertThatThrownBy(() -> ExactRatio.ofPercent(new BigDecimal("1e999999999")))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.value()).isEqualTo("1e999999999"));
  }
}
