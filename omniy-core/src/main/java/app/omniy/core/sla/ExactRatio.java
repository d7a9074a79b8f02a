package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exact, non-negative fraction such as an availability (up seconds over seconds in the month) or
 * a success rate (SLA-2, SLA-3). It is compared with thresholds exactly, never through a rounded
 * decimal: 2,589,000 / 2,592,000 is 99.88425925…%, which no finite decimal holds. Decimals are made
 * only for display, and then truncated, never rounded up, so a value below 99.9% never shows as
 * 99.9%.
 *
 * <p>The fraction is kept in lowest terms, so equal values are {@code equals}.
 *
 * @param numerator at least 0
 * @param denominator at least 1
 */
public record ExactRatio(long numerator, long denominator) implements Comparable<ExactRatio> {
  /**
   * The most digits a percentage given by a user or a file may have before the decimal point
   * (SLA-1, SLA-6): below 1000%.
   */
  public static final int PERCENT_INTEGER_DIGITS = 3;

  /**
   * The most decimal places a percentage given by a user or a file may have: 99.9999999999% is
   * finer than a millisecond in a month, and ten places keep the exact comparison in {@code long}
   * arithmetic.
   */
  public static final int PERCENT_DECIMAL_PLACES = 10;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final int CACHE_LIMIT = 256;
  private static final Map<BigDecimal, Long> UNSCALED = new ConcurrentHashMap<>();
  private static final long[] POWERS_OF_TEN = {
    1L,
    10L,
    100L,
    1_000L,
    10_000L,
    100_000L,
    1_000_000L,
    10_000_000L,
    100_000_000L,
    1_000_000_000L,
    10_000_000_000L,
    100_000_000_000L,
    1_000_000_000_000L
  };

  /**
   * @throws InvalidValueException if the numerator is negative or the denominator not positive
   */
  public ExactRatio {
    if (numerator < 0) {
      throw new InvalidValueException("numerator", numerator, "must not be negative");
    }
    if (denominator <= 0) {
      throw new InvalidValueException("denominator", denominator, "must be positive");
    }
    long gcd = gcd(numerator, denominator);
    numerator /= gcd;
    denominator /= gcd;
  }

  /** {@code numerator / denominator}. */
  public static ExactRatio of(long numerator, long denominator) {
    return new ExactRatio(numerator, denominator);
  }

  /**
   * The ratio a percentage stands for: {@code 99.8842} gives 998,842 / 1,000,000.
   *
   * @throws InvalidValueException if {@code percent} is missing, negative, 1000 or more, or has
   *     more than {@value #PERCENT_DECIMAL_PLACES} decimal places
   */
  public static ExactRatio ofPercent(BigDecimal percent) {
    BigDecimal bounded = percent(percent, "percent");
    return ofDecimal(bounded.movePointLeft(2), "percent", bounded);
  }

  /**
   * {@code percent} once its digits are within {@link #PERCENT_INTEGER_DIGITS} and {@link
   * #PERCENT_DECIMAL_PLACES}, for every percentage a user or a file gives.
   */
  static BigDecimal percent(BigDecimal percent, String field) {
    return Require.decimal(percent, PERCENT_INTEGER_DIGITS, PERCENT_DECIMAL_PLACES, field);
  }

  /** The exact ratio of two non-negative integers given as {@link BigInteger}s. */
  static ExactRatio of(BigInteger numerator, BigInteger denominator, String field, Object shown) {
    BigInteger gcd = numerator.gcd(denominator);
    if (gcd.signum() > 0) {
      numerator = numerator.divide(gcd);
      denominator = denominator.divide(gcd);
    }
    if (numerator.bitLength() > 62 || denominator.bitLength() > 62) {
      throw new InvalidValueException(field, shown, "has too many digits to compare exactly");
    }
    return new ExactRatio(numerator.longValue(), denominator.longValue());
  }

  private static ExactRatio ofDecimal(BigDecimal value, String field, Object shown) {
    if (value.signum() < 0) {
      throw new InvalidValueException(field, shown, "must not be negative");
    }
    BigDecimal plain = value.stripTrailingZeros();
    if (plain.scale() < 0) {
      plain = plain.setScale(0);
    }
    return of(plain.unscaledValue(), BigInteger.TEN.pow(plain.scale()), field, shown);
  }

  /** The ratio as a decimal, truncated (never rounded up) to {@code scale} digits. */
  public BigDecimal decimal(int scale) {
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.DOWN);
  }

  /** The ratio in percent, truncated (never rounded up) to {@code scale} digits: "99.8842". */
  public BigDecimal percent(int scale) {
    return BigDecimal.valueOf(numerator)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.DOWN);
  }

  /** Compares this ratio, as a percentage, exactly with {@code percent}; like {@code compareTo}. */
  public int compareToPercent(BigDecimal percent) {
    Require.nonNull(percent, "percent");
    // numerator / denominator vs unscaled / 10^(scale + 2), cross-multiplied. Long arithmetic
    // when it cannot overflow (every real threshold), exact BigDecimal otherwise.
    int scale = percent.scale();
    if (scale >= 0 && scale < POWERS_OF_TEN.length - 2) {
      long unscaled = unscaledLong(percent);
      if (unscaled >= 0) {
        long left = multiplyOrMinusOne(numerator, POWERS_OF_TEN[scale + 2]);
        long right = multiplyOrMinusOne(unscaled, denominator);
        if (left >= 0 && right >= 0) {
          return Long.compare(left, right);
        }
      }
    }
    return BigDecimal.valueOf(numerator)
        .multiply(HUNDRED)
        .compareTo(percent.multiply(BigDecimal.valueOf(denominator)));
  }

  /**
   * The unscaled value of {@code percent} as a non-negative long, or -1. Thresholds are a handful
   * of constants compared millions of times in a billing run; caching their unscaled values spares
   * a {@link BigInteger} per comparison. The cache stops growing at {@value #CACHE_LIMIT} entries.
   */
  private static long unscaledLong(BigDecimal percent) {
    Long cached = UNSCALED.get(percent);
    if (cached != null) {
      return cached;
    }
    BigInteger unscaled = percent.unscaledValue();
    long value = unscaled.signum() >= 0 && unscaled.bitLength() < 63 ? unscaled.longValue() : -1;
    if (UNSCALED.size() < CACHE_LIMIT) {
      UNSCALED.putIfAbsent(percent, value);
    }
    return value;
  }

  /** {@code a × b} for non-negative {@code a}, or -1 when it is negative or overflows. */
  private static long multiplyOrMinusOne(long a, long b) {
    if (a < 0) {
      return -1;
    }
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    return high == 0 && low >= 0 ? low : -1;
  }

  /** Whether this ratio, as a percentage, is at least {@code percent}. */
  public boolean isAtLeastPercent(BigDecimal percent) {
    return compareToPercent(percent) >= 0;
  }

  @Override
  public int compareTo(ExactRatio other) {
    return BigInteger.valueOf(numerator)
        .multiply(BigInteger.valueOf(other.denominator))
        .compareTo(BigInteger.valueOf(other.numerator).multiply(BigInteger.valueOf(denominator)));
  }

  /** The percentage truncated to 4 decimals, for logs: "99.8842%". */
  @Override
  public String toString() {
    return percent(4).toPlainString() + "%";
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a == 0 ? 1 : a;
  }
}
