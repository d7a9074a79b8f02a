package app.omniy.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A decimal as short text for messages: plain when that is short ({@code 0.25}, {@code 1000}),
 * otherwise in scientific form with at most 21 significant digits ({@code 1e-999999999}). Never
 * builds the plain text of a decimal whose exponent is far from zero: {@code toPlainString()} of
 * {@code 1e-999999999} is a billion characters.
 */
final class DecimalText {
  private static final int SHORT = 40;
  private static final int MANTISSA_DIGITS = 21;

  private DecimalText() {}

  static String of(BigDecimal value) {
    int scale = value.scale();
    // 130 bits are at most 40 digits; with the scale between -8 and 38 the plain text is short.
    if (value.unscaledValue().bitLength() <= 130 && scale >= -8 && scale <= 38) {
      String plain = value.toPlainString();
      if (plain.length() <= SHORT) {
        return plain;
      }
    }
    BigDecimal head = value.round(new MathContext(MANTISSA_DIGITS, RoundingMode.DOWN));
    String digits = head.unscaledValue().abs().toString();
    long exponent = (long) digits.length() - 1 - head.scale();
    String rest = digits.substring(1).replaceFirst("0+$", "");
    StringBuilder text = new StringBuilder();
    if (value.signum() < 0) {
      text.append('-');
    }
    text.append(digits.charAt(0));
    if (!rest.isEmpty()) {
      text.append('.').append(rest);
    }
    if (head.compareTo(value) != 0) {
      text.append('…');
    }
    return text.append('e').append(exponent).toString();
  }
}
