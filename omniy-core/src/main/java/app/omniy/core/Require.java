package app.omniy.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks that name the field they check. Every public constructor and builder in Omniy
 * validates through these, so that bad input never surfaces as a bare NullPointerException.
 */
public final class Require {
  /**
   * The longest duration a user or a file may give anywhere it stands for a span of calendar time
   * (a video's length, a lead time, a horizon, a rule's window): a year and a day. The bound keeps
   * every instant and millisecond count computed from it far from overflow.
   */
  public static final Duration MAX_DURATION = Duration.ofDays(366);

  /** The earliest instant a user or a file may give: the first moment of the year −10000. */
  public static final Instant EARLIEST_INSTANT = Instant.parse("-10000-01-01T00:00:00Z");

  /** The latest instant a user or a file may give: the last moment of the year 10000. */
  public static final Instant LATEST_INSTANT = Instant.parse("+10000-12-31T23:59:59.999999999Z");

  /**
   * The most significant digits a decimal may carry before its bounds are looked at, trailing zeros
   * included: enough for every bound below, few enough that stripping and printing it is cheap.
   */
  public static final int MAX_DECIMAL_DIGITS = 64;

  /** The longest text {@link #decimal(String, int, int, String)} parses. */
  public static final int MAX_DECIMAL_CHARS = 100;

  // 64 decimal digits need at most 213 bits; a larger unscaled value has more than 64 digits.
  private static final int MAX_DECIMAL_BITS = 213;

  private Require() {}

  /** Returns {@code value}, or throws naming {@code field} when it is missing. */
  public static <T> T nonNull(@Nullable T value, String field) {
    if (value == null) {
      throw new InvalidValueException(field, null, "is required");
    }
    return value;
  }

  /** Returns {@code value}, or throws when it is missing, empty or only white space. */
  public static String nonBlank(@Nullable String value, String field) {
    if (nonNull(value, field).isBlank()) {
      throw new InvalidValueException(field, value, "must not be blank");
    }
    return value;
  }

  /** Returns {@code value}, or throws when it is missing, zero or negative. */
  public static Duration positive(@Nullable Duration value, String field) {
    if (nonNull(value, field).isNegative() || value.isZero()) {
      throw new InvalidValueException(field, value, "must be positive");
    }
    return value;
  }

  /** Returns {@code value}, or throws when it is missing or negative. */
  public static Duration nonNegative(@Nullable Duration value, String field) {
    if (nonNull(value, field).isNegative()) {
      throw new InvalidValueException(field, value, "must not be negative");
    }
    return value;
  }

  /** Returns {@code value}, or throws when it lies outside {@code [min, max]}. */
  public static int inRange(int value, int min, int max, String field) {
    if (value < min || value > max) {
      throw new InvalidValueException(
          field, value, "must be between " + min + " and " + max + " inclusive");
    }
    return value;
  }

  /** Returns {@code value}, or throws when it is below {@code min}. */
  public static long atLeast(long value, long min, String field) {
    if (value < min) {
      throw new InvalidValueException(field, value, "must be at least " + min);
    }
    return value;
  }

  /**
   * Returns {@code value}, or throws when it is missing or longer than {@code max}.
   *
   * @throws InvalidValueException naming {@code field}
   */
  public static Duration atMost(@Nullable Duration value, Duration max, String field) {
    if (nonNull(value, field).compareTo(max) > 0) {
      throw new InvalidValueException(field, value, "must be at most " + words(max));
    }
    return value;
  }

  /**
   * Returns {@code value}, or throws when it is missing or outside the years −10000 to 10000
   * ({@link #EARLIEST_INSTANT} to {@link #LATEST_INSTANT}): an instant read from a user or a file
   * is bounded before any date arithmetic, which overflows near {@link Instant#MAX}.
   */
  public static Instant instant(@Nullable Instant value, String field) {
    if (nonNull(value, field).isBefore(EARLIEST_INSTANT) || value.isAfter(LATEST_INSTANT)) {
      throw new InvalidValueException(field, value, "must lie between the years -10000 and 10000");
    }
    return value;
  }

  /**
   * Returns {@code value} once its digits are known to be within bounds: at most {@code
   * integerDigits} digits before the decimal point and {@code fractionDigits} after it, trailing
   * zeros not counted. Every decimal read from a user or a file goes through here before any other
   * use, so that no arithmetic or printing ever meets a value such as {@code 1e-999999999}, whose
   * plain text is a billion characters. A value that holds more digits than the field is refused,
   * never rounded.
   *
   * @return {@code value} itself when its scale is already between 0 and {@code fractionDigits};
   *     otherwise the same number with trailing zeros dropped ({@code 0.50000} → {@code 0.5},
   *     {@code 1E+2} → {@code 100}), so the result's plain text is always short
   * @throws InvalidValueException naming {@code field}, with the value in short form
   */
  public static BigDecimal decimal(
      @Nullable BigDecimal value, int integerDigits, int fractionDigits, String field) {
    nonNull(value, field);
    if (value.unscaledValue().bitLength() > MAX_DECIMAL_BITS
        || value.precision() > MAX_DECIMAL_DIGITS) {
      throw new InvalidValueException(
          field, value, "has more than " + MAX_DECIMAL_DIGITS + " significant digits");
    }
    BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (stripped.scale() > fractionDigits) {
      throw new InvalidValueException(
          field,
          value,
          fractionDigits == 0
              ? "must be a whole number"
              : "has more than " + count(fractionDigits, "decimal place"));
    }
    long integer = (long) stripped.precision() - stripped.scale();
    if (integer > integerDigits) {
      throw new InvalidValueException(
          field,
          value,
          "has more than " + count(integerDigits, "digit") + " before the decimal point");
    }
    if (value.scale() >= 0 && value.scale() <= fractionDigits) {
      return value;
    }
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /**
   * Parses {@code text} as a decimal and bounds it as {@link #decimal(BigDecimal, int, int,
   * String)} does. Text longer than {@value #MAX_DECIMAL_CHARS} characters is refused unread.
   *
   * @throws InvalidValueException naming {@code field} if the text is missing, not a decimal number
   *     or out of bounds
   */
  public static BigDecimal decimal(
      @Nullable String text, int integerDigits, int fractionDigits, String field) {
    String written = nonBlank(text, field).strip();
    if (written.length() > MAX_DECIMAL_CHARS) {
      throw new InvalidValueException(
          field, written, "has more than " + MAX_DECIMAL_CHARS + " characters");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(written);
    } catch (NumberFormatException e) {
      throw new InvalidValueException(field, written, "is not a decimal number");
    }
    try {
      return decimal(value, integerDigits, fractionDigits, field);
    } catch (InvalidValueException e) {
      // Show the text as written ("1e999"), not as BigDecimal prints it ("1E+999").
      throw new InvalidValueException(field, written, e.reason());
    }
  }

  private static String count(int n, String noun) {
    return n == 1 ? n + " " + noun : n + " " + noun + "s";
  }

  private static String words(Duration max) {
    if (max.equals(Duration.ofDays(max.toDays()))) {
      long days = max.toDays();
      return days == 1 ? "1 day" : days + " days";
    }
    return max.toString();
  }
}
