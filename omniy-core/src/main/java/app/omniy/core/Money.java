package app.omniy.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact amount of one currency, always at that currency's minor unit (ISO 4217): JPY has no
 * decimals, USD two. Arithmetic that can produce finer amounts rounds half-up back to the minor
 * unit (SLA-7). There is no {@code double} anywhere on the way.
 *
 * @param amount the amount, at the currency's scale
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  /**
   * Normalises {@code amount} to the currency's minor unit, rounding half-up.
   *
   * @throws InvalidValueException if either is missing, or the currency has no minor unit (such as
   *     XAU)
   */
  public Money {
    if (amount == null) {
      throw new InvalidValueException("amount", null, "is required");
    }
    if (currency == null) {
      throw new InvalidValueException("currency", null, "is required");
    }
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new InvalidValueException(
          "currency", currency.getCurrencyCode(), "has no minor unit to round money to");
    }
    amount = amount.setScale(digits, RoundingMode.HALF_UP);
  }

  /** {@code amount} of the currency with ISO code {@code currencyCode}, e.g. "1980", "JPY". */
  public static Money of(String amount, String currencyCode) {
    return new Money(parseAmount(amount), currency(currencyCode));
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

  /** {@code percent}% of this amount, rounded half-up to the minor unit. */
  public Money percent(BigDecimal percent) {
    if (percent == null) {
      throw new InvalidValueException("percent", null, "is required");
    }
    return new Money(amount.multiply(percent).movePointLeft(2), currency);
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
    if (other == null) {
      throw new InvalidValueException("other", null, "is required");
    }
    if (!other.currency.equals(currency)) {
      throw new InvalidValueException(
          "currency",
          other.currency.getCurrencyCode(),
          "does not match " + currency.getCurrencyCode());
    }
    return other;
  }

  private static BigDecimal parseAmount(String amount) {
    if (amount == null || amount.isBlank()) {
      throw new InvalidValueException("amount", amount, "is required");
    }
    try {
      return new BigDecimal(amount.strip());
    } catch (NumberFormatException e) {
      throw new InvalidValueException("amount", amount, "is not a decimal number");
    }
  }
}
