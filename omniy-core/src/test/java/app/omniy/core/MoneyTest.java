package app.omniy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void keeps_exactly_the_currencys_minor_unit_digits() {
    assertThat(Money.of("1980", "JPY").toPlainString()).isEqualTo("1980");
    assertThat(Money.of("1", "USD").toPlainString()).isEqualTo("1.00");
    assertThat(Money.of("1.5", "KWD").toPlainString()).isEqualTo("1.500");
  }

  @Test
  void percentages_round_half_up_to_the_minor_unit() {
    assertThat(Money.of("1980", "JPY").percent(BigDecimal.TEN).toPlainString()).isEqualTo("198");
    assertThat(Money.of("1995", "JPY").percent(BigDecimal.TEN).toPlainString())
        .as("199.5 rounds up")
        .isEqualTo("200");
    assertThat(Money.of("1994", "JPY").percent(BigDecimal.TEN).toPlainString())
        .as("199.4 rounds down")
        .isEqualTo("199");
    assertThat(Money.of("9.99", "USD").percent(new BigDecimal("25")).toPlainString())
        .as("2.4975 rounds up to 2.50")
        .isEqualTo("2.50");
    assertThat(Money.of("10.05", "USD").percent(BigDecimal.TEN).toPlainString())
        .as("1.005 rounds half-up")
        .isEqualTo("1.01");
  }

  @Test
  void minor_units_are_what_payment_apis_take() {
    assertThat(Money.of("198", "JPY").minorUnits()).isEqualTo(198);
    assertThat(Money.of("1.00", "USD").minorUnits()).isEqualTo(100);
  }

  @Test
  void different_currencies_never_mix() {
    assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "JPY")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("does not match USD");
  }

  @Test
  void bad_input_names_the_field() {
    assertThatThrownBy(() -> Money.of("12,5", "USD"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("amount = '12,5': is not a decimal number");
    assertThatThrownBy(() -> Money.of("1", "YEN"))
        .hasMessage("currency = 'YEN': is not an ISO 4217 currency code");
    assertThatThrownBy(() -> Money.of(null, Money.currency("JPY")))
        .hasMessage("amount: is required");
  }
}
