package app.omniy.files;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The value syntax of rule files: thresholds ({@code 10%}, {@code 2s}) and durations. */
final class Values {
  static final String DURATION_HINT = "must be a duration such as 90s, 15m, 1h or 7d";

  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
  private static final Pattern THRESHOLD =
      Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*(%|ms|s|秒)?");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d|秒|分|時間|日)");

  private static final Duration MAX = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

  private Values() {}

  /** A plain decimal, or null. */
  static @Nullable BigDecimal number(String text) {
    String t = text.strip();
    return NUMBER.matcher(t).matches() ? new BigDecimal(t) : null;
  }

  /**
   * A threshold: {@code 10%} is 0.10 (shares and usages are ratios), {@code 2s} is 2 and {@code
   * 500ms} is 0.5 (times are in seconds, as Micrometer reports them), a plain number is itself.
   */
  static @Nullable BigDecimal threshold(String text) {
    Matcher m = THRESHOLD.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    BigDecimal value = new BigDecimal(m.group(1));
    String unit = m.group(2);
    if (unit == null || unit.equals("s") || unit.equals("秒")) {
      return value;
    }
    return unit.equals("%") ? value.movePointLeft(2) : value.movePointLeft(3);
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
