package app.omniy.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact amount of one currency, always at that currency's minor unit (ISO 4217): JPY has no
 * decimals, USD two. Arithmetic that can produce finer amounts rounds half-up back to the minor
 * unit (SLA-7). There is no {@code double} anywhere on the way.
 *
 * <p>Amounts are bounded before any other use: at most {@value #MAX_INTEGER_DIGITS} digits before
 * the decimal point (a thousand trillion, beyond any fee, and still exact in a {@code long} of
 * minor units), and at most {@value #MAX_DECIMAL_PLACES} decimal places before rounding. An amount
 * written as text ({@link #of(String, String)}) must be exact: no more decimal places than the
 * currency has.
 *
 * @param amount the amount, at the currency's scale
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
  /** The most digits an amount may have before the decimal point. */
  public static final int MAX_INTEGER_DIGITS = 15;

  /**
   * The most decimal places an amount may have before it is rounded to the minor unit: enough for a
   * percentage of ten decimal places of any amount, and for Stripe's fractional amounts.
   */
  public static final int MAX_DECIMAL_PLACES = 20;

  // Percentages taken of an amount: below 1000%, at most ten decimal places.
  private static final int PERCENT_INTEGER_DIGITS = 3;
  private static final int PERCENT_DECIMAL_PLACES = 10;

  /**
   * Normalises {@code amount} to the currency's minor unit, rounding half-up.
   *
   * @throws InvalidValueException if either is missing, the amount has more than {@value
   *     #MAX_INTEGER_DIGITS} digits before the decimal point or {@value #MAX_DECIMAL_PLACES} after
   *     it, or the currency has no minor unit (such as XAU)
   */
  public Money {
    amount = Require.decimal(amount, MAX_INTEGER_DIGITS, MAX_DECIMAL_PLACES, "amount");
    Require.nonNull(currency, "currency");
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new InvalidValueException(
          "currency", currency.getCurrencyCode(), "has no minor unit to round money to");
    }
    BigDecimal rounded = amount.setScale(digits, RoundingMode.HALF_UP);
    if (rounded.precision() - rounded.scale() > MAX_INTEGER_DIGITS) {
      throw new InvalidValueException(
          "amount",
          rounded,
          "has more than " + MAX_INTEGER_DIGITS + " digits before the decimal point");
    }
    amount = rounded;
  }

  /**
   * {@code amount} of the currency with ISO code {@code currencyCode}, e.g. "1980", "JPY". The text
   * is what a user or a file wrote, so it must be exact: "1980.5" JPY is refused, not rounded.
   *
   * @throws InvalidValueException naming {@code amount} if it is not a decimal number, has more
   *     than {@value #MAX_INTEGER_DIGITS} digits before the decimal point or more decimal places
   *     than the currency has; naming {@code currency} if the code is not a known currency
   */
  public static Money of(String amount, String currencyCode) {
    BigDecimal value = Require.decimal(amount, MAX_INTEGER_DIGITS, MAX_DECIMAL_PLACES, "amount");
    Currency currency = currency(currencyCode);
    int digits = currency.getDefaultFractionDigits();
    if (digits >= 0 && value.stripTrailingZeros().scale() > digits) {
      throw new InvalidValueException(
          "amount",
          amount.strip(),
          "has more decimal places than " + currency.getCurrencyCode() + " has (" + digits + ")");
    }
    return new Money(value, currency);
  }

  /** {@code amount} of {@code currency}. */
  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /** Zero of {@code currency}. */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /**
   * The ISO 4217 currency for {@code code}.
   *
   * @throws InvalidValueException naming {@code currency} if the code is not a known currency
   */
  public static Currency currency(String code) {
    if (code == null || code.isBlank()) {
      throw new InvalidValueException("currency", code, "is required");
    }
    try {
      return Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("currency", code, "is not an ISO 4217 currency code");
    }
  }

  /**
   * {@code percent}% of this amount, rounded half-up to the minor unit.
   *
   * @throws InvalidValueException naming {@code percent} if it is missing, 1000 or more, or has
   *     more than ten decimal places
   */
  public Money percent(BigDecimal percent) {
    BigDecimal bounded =
        Require.decimal(percent, PERCENT_INTEGER_DIGITS, PERCENT_DECIMAL_PLACES, "percent");
    return new Money(amount.multiply(bounded).movePointLeft(2), currency);
  }

  /** This amount plus {@code other}, of the same currency. */
  public Money plus(Money other) {
    return new Money(amount.add(sameCurrency(other).amount), currency);
  }

  /** Whether this amount is zero. */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /**
   * The amount in the currency's minor units, as payment APIs such as Stripe take it: 198 for 198
   * JPY, 100 for 1.00 USD.
   */
  public long minorUnits() {
    return amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
  }

  /** The amount with exactly the currency's minor-unit digits: "198", "1.00". */
  public String toPlainString() {
    return amount.toPlainString();
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(sameCurrency(other).amount);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }

  private Money sameCurrency(Money other) {
    Require.nonNull(other, "other");
    if (!other.currency.equals(currency)) {
      throw new InvalidValueException(
          "currency",
          other.currency.getCurrencyCode(),
          "does not match " + currency.getCurrencyCode());
    }
    return other;
  }
}
