package app.omniy.stripe.internal;

import app.omniy.core.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Converts {@link Money} to and from Stripe's integer amounts. Stripe's minor unit is ISO 4217's
 * except for a few currencies: its zero-decimal list includes some that ISO gives two decimals
 * (MGA), and it takes ISK with two decimals although ISO gives none.
 */
public final class StripeAmounts {
  // https://docs.stripe.com/currencies#zero-decimal
  private static final Set<String> ZERO_DECIMAL =
      Set.of(
          "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV",
          "XAF", "XOF", "XPF");
  private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

  private StripeAmounts() {}

  /** How many decimals Stripe's integer amounts of {@code currency} imply. */
  public static int exponent(Currency currency) {
    String code = currency.getCurrencyCode();
    if (ZERO_DECIMAL.contains(code)) {
      return 0;
    }
    return THREE_DECIMAL.contains(code) ? 3 : 2;
  }

  /** {@code money} in Stripe's minor units, rounded half-up where Stripe's unit is coarser. */
  public static long minorUnits(Money money) {
    int exponent = exponent(money.currency());
    return money
        .amount()
        .setScale(exponent, RoundingMode.HALF_UP)
        .movePointRight(exponent)
        .longValueExact();
  }

  /** {@code money} rounded half-up to the unit Stripe can send (whole ariary for MGA). */
  public static Money atStripeUnit(Money money) {
    return Money.of(
        money.amount().setScale(exponent(money.currency()), RoundingMode.HALF_UP),
        money.currency());
  }

  /** Stripe's amount {@code minor} (possibly fractional, as in {@code unit_amount_decimal}). */
  public static Money money(BigDecimal minor, String stripeCurrency) {
    Currency currency = Money.currency(stripeCurrency);
    return Money.of(minor.movePointLeft(exponent(currency)), currency);
  }

  /** The lower-case currency code Stripe's API takes. */
  public static String code(Currency currency) {
    return currency.getCurrencyCode().toLowerCase(Locale.ROOT);
  }
}
