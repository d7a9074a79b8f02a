package app.omniy.stripe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StripeAmountsTest {

  @Test
  void yen_are_sent_as_they_are_and_dollars_in_cents() {
    assertThat(StripeAmounts.minorUnits(Money.of("198", "JPY"))).isEqualTo(198);
    assertThat(StripeAmounts.minorUnits(Money.of("29.99", "USD"))).isEqualTo(2999);
    assertThat(StripeAmounts.code(Money.currency("JPY"))).isEqualTo("jpy");
  }

  @Test
  void currencies_where_stripe_and_iso_disagree_follow_stripe() {
    // ISO gives ISK no decimals, Stripe two; ISO gives MGA two, Stripe none.
    assertThat(StripeAmounts.minorUnits(Money.of("150", "ISK"))).isEqualTo(15_000);
    assertThat(StripeAmounts.minorUnits(Money.of("10.50", "MGA"))).isEqualTo(11);
    assertThat(StripeAmounts.minorUnits(Money.of("1.250", "KWD"))).isEqualTo(1250);
    assertThat(StripeAmounts.atStripeUnit(Money.of("10.50", "MGA")))
        .isEqualTo(Money.of("11.00", "MGA"));
    assertThat(StripeAmounts.atStripeUnit(Money.of("29.99", "USD")))
        .isEqualTo(Money.of("29.99", "USD"));
  }

  @Test
  void stripe_amounts_become_money_at_the_iso_scale() {
    assertThat(StripeAmounts.money(new BigDecimal("1980"), "jpy"))
        .isEqualTo(Money.of("1980", "JPY"));
    assertThat(StripeAmounts.money(new BigDecimal("5997"), "usd"))
        .isEqualTo(Money.of("59.97", "USD"));
    assertThat(StripeAmounts.money(new BigDecimal("15000"), "isk"))
        .isEqualTo(Money.of("150", "ISK"));
  }

  @Test
  void a_fractional_unit_amount_decimal_is_rounded_half_up_to_the_minor_unit() {
    assertThat(StripeAmounts.money(new BigDecimal("1999.5"), "usd"))
        .isEqualTo(Money.of("20.00", "USD"));
  }
}
