package app.omniy.ops.report;

import app.omniy.core.sla.ExactRatio;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** How figures read in the reports: truncated, never rounded up, so a miss never reads as met. */
final class Text {
  private Text() {}

  /** "99.8842%" (SLA figures keep four decimals, as the SLA report does). */
  static String percent4(ExactRatio ratio) {
    return ratio.percent(4).toPlainString() + "%";
  }

  /** "80.00%" for the support and cost figures. */
  static String percent2(ExactRatio ratio) {
    return ratio.percent(2).toPlainString() + "%";
  }

  /** "4.50" for a mean rating. */
  static String decimal2(ExactRatio ratio) {
    return ratio.decimal(2).toPlainString();
  }

  /** "12.50 h" for a mean in seconds. */
  static String hours(ExactRatio seconds) {
    BigDecimal h =
        BigDecimal.valueOf(seconds.numerator())
            .divide(
                BigDecimal.valueOf(seconds.denominator()).multiply(BigDecimal.valueOf(3600)),
                2,
                RoundingMode.DOWN);
    return h.toPlainString() + " h";
  }

  /** "420 ms", with fractions of a millisecond cut off. */
  static String millis(Duration d) {
    return d.toMillis() + " ms";
  }

  /** A change in percent with its sign: "+12.5%", "-3.0%", "0.0%". */
  static String signedPercent(BigDecimal change) {
    return (change.signum() > 0 ? "+" : "") + change.toPlainString() + "%";
  }
}
