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

  @Test
  void an_amount_written_with_more_digits_than_the_currency_has_is_refused_not_rounded() {
    assertThatThrownBy(() -> Money.of("1980.5", "JPY"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("amount = '1980.5': has more decimal places than JPY has (0)");
    assertThatThrownBy(() -> Money.of("1.005", "USD"))
        .hasMessage("amount = '1.005': has more decimal places than USD has (2)");
    assertThat(Money.of("1.50", "USD").toPlainString()).isEqualTo("1.50");
    assertThat(Money.of("1980.000", "JPY").toPlainString()).isEqualTo("1980");
  }

  @Test
  void an_amount_of_more_than_15_integer_digits_or_far_below_a_minor_unit_is_refused() {
    assertThatThrownBy(() -> Money.of("1000000000000000", "JPY"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(
            "amount = '1000000000000000': has more than 15 digits before the decimal point");
    assertThat(Money.of("999999999999999", "JPY").minorUnits()).isEqualTo(999_999_999_999_999L);
    // Rounding these to the minor unit would divide or multiply by 10^999999999.
    assertThatThrownBy(() -> Money.of(new BigDecimal("1e-999999999"), Money.currency("USD")))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.value()).isEqualTo("1e-999999999"));
    assertThatThrownBy(() -> Money.of(new BigDecimal("1e999999999"), Money.currency("USD")))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.value()).isEqualTo("1e999999999"));
    assertThatThrownBy(() -> Money.of("1e999999999", "USD"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("amount = '1e999999999': has more than 15 digits before the decimal point");
    assertThatThrownBy(() -> Money.of("1".repeat(100_000), "USD"))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.value()).hasSizeLessThan(50));
  }

  @Test
  void a_percentage_of_an_amount_has_at_most_ten_decimal_places() {
    assertThat(Money.of("100", "USD").percent(new BigDecimal("12.5")).toPlainString())
        .isEqualTo("12.50");
    assertThatThrownBy(() -> Money.of("100", "USD").percent(new BigDecimal("1e-999999999")))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.field()).isEqualTo("percent");
              assertThat(e.value()).isEqualTo("1e-999999999");
            });
  }
}
