package app.omniy.core;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks that name the field they check. Every public constructor and builder in Omniy
 * validates through these, so that bad input never surfaces as a bare NullPointerException.
 */
public final class Require {
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
}
