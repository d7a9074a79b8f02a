package app.omniy.files;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The value syntax of rule files: numbers, thresholds ({@code 10%}, {@code 2s}) and durations.
 *
 * <p>A number may carry an exponent ({@code 1.5e3}) and has at most {@value #INTEGER_DIGITS} digits
 * before the decimal point and {@value #DECIMAL_PLACES} after it, as written: more is refused,
 * never rounded ({@code 1e-999} is not a threshold of 0). Converted to a ratio ({@code %}) or to
 * seconds ({@code ms}) it stays within the bounds of {@code AlertCondition}'s threshold.
 */
final class Values {
  static final String DURATION_HINT = "must be a duration such as 90s, 15m, 1h or 7d";

  /** The most digits a number of a rule file may have before the decimal point. */
  static final int INTEGER_DIGITS = 12;

  /** The most decimal places a number of a rule file may have. */
  static final int DECIMAL_PLACES = 7;

  private static final String DECIMAL = "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?";
  private static final Pattern NUMBER = Pattern.compile(DECIMAL);
  private static final Pattern THRESHOLD = Pattern.compile("(" + DECIMAL + ")\\s*(%|ms|s|秒)?");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d|秒|分|時間|日)");

  private static final Duration MAX = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

  private Values() {}

  /**
   * A decimal, or null if {@code text} is not one.
   *
   * @throws InvalidValueException naming {@code field} if it has more digits than a number holds
   */
  static @Nullable BigDecimal number(String text, String field) {
    String t = text.strip();
    return NUMBER.matcher(t).matches() ? bounded(t, field) : null;
  }

  /**
   * A threshold: {@code 10%} is 0.10 (shares and usages are ratios), {@code 2s} is 2 and {@code
   * 500ms} is 0.5 (times are in seconds, as Micrometer reports them), a plain number is itself; or
   * null if {@code text} is none of these.
   *
   * @throws InvalidValueException naming {@code field} if the number has more digits than a number
   *     holds
   */
  static @Nullable BigDecimal threshold(String text, String field) {
    Matcher m = THRESHOLD.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    BigDecimal value = bounded(m.group(1), field);
    String unit = m.group(2);
    if (unit == null || unit.equals("s") || unit.equals("秒")) {
      return value;
    }
    return unit.equals("%") ? value.movePointLeft(2) : value.movePointLeft(3);
  }

  private static BigDecimal bounded(String number, String field) {
    return Require.decimal(number, INTEGER_DIGITS, DECIMAL_PLACES, field);
  }

  /** A duration such as {@code 15m}, {@code 1h}, {@code 7d}, {@code 15分}; or null. */
  static @Nullable Duration duration(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException beyondLong) {
      return MAX;
    }
    try {
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s", "秒" -> Duration.ofSeconds(n);
        case "m", "分" -> Duration.ofMinutes(n);
        case "h", "時間" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    } catch (ArithmeticException beyondDuration) {
      // Far beyond AlertCondition.MAX_DURATION: say so with the largest duration there is.
      return MAX;
    }
  }
}
