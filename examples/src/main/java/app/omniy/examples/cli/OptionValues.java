package app.omniy.examples.cli;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.files.Replay;
import app.omniy.files.SampleFiles;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The values of the options, checked before any work is done. A value not of the option's kind (not
 * a month, a duration, an instant or a plain decimal) is a wrong command line: the converters here
 * refuse it, and picocli exits with 2 naming the option ("Invalid value for option '--month':
 * ..."). A value of the right kind that the command cannot accept (an uptime above 100%, a fee
 * finer than its currency) is rejected input: {@link InvalidValueException} naming the option, exit
 * 1. Each message says what would be accepted.
 */
final class OptionValues {
  /** A plain decimal: digits with an optional fraction; no sign, exponent or grouping. */
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  private static final Pattern MONTH = Pattern.compile("([0-9]{4})-([0-9]{2})");

  /** Digits a fee may have, so that it stays exact in every sum of the credit. */
  static final int FEE_DIGITS = 15;

  /** Decimals an uptime may have: SLA figures are shown to 4 decimals (SLA-6). */
  static final int UPTIME_DECIMALS = 4;

  private OptionValues() {}

  /** {@code --month}: YYYY-MM with a year from 2000 to 2099. */
  static final class Month implements ITypeConverter<YearMonth> {
    static final YearMonth FIRST = YearMonth.of(2000, 1);
    static final YearMonth LAST = YearMonth.of(2099, 12);

    @Override
    public YearMonth convert(String value) {
      var match = MONTH.matcher(value.strip());
      int month = match.matches() ? Integer.parseInt(match.group(2)) : 0;
      if (month < 1 || month > 12) {
        throw new TypeConversionException(
            "'" + value + "' is not a month (expected YYYY-MM, such as 2026-04)");
      }
      YearMonth parsed = YearMonth.of(Integer.parseInt(match.group(1)), month);
      if (parsed.isBefore(FIRST) || parsed.isAfter(LAST)) {
        throw new TypeConversionException(
            "'" + value + "' is not a month from " + FIRST + " to " + LAST + " (expected YYYY-MM)");
      }
      return parsed;
    }
  }

  /**
   * {@code --every}: an ISO-8601 duration from {@link Replay#MIN_STEP} to {@link Replay#MAX_STEP}.
   */
  static final class Every implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration step;
      try {
        step = Duration.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a duration such as PT1M (ISO-8601); " + RANGE);
      }
      if (step.compareTo(Replay.MIN_STEP) < 0
          || step.compareTo(Replay.MAX_STEP) > 0
          || step.getNano() % 1_000_000 != 0) {
        throw new TypeConversionException("'" + value + "' is out of range; " + RANGE);
      }
      return step;
    }

    private static final String RANGE =
        "give a step from "
            + Replay.MIN_STEP
            + " (1 second) to "
            + Replay.MAX_STEP.toDays()
            + " day (P1D), in whole milliseconds";
  }

  /**
   * {@code --until}, {@code --now}: an ISO-8601 instant in the years 1970 to 9999, far enough from
   * {@link Instant#MAX} for any duration to be added.
   */
  static final class AnInstant implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      Instant instant;
      try {
        instant = Instant.parse(value.strip());
      } catch (DateTimeParseException e) {
        instant = null;
      }
      if (instant == null
          || instant.isBefore(SampleFiles.EARLIEST)
          || instant.isAfter(SampleFiles.LATEST)) {
        throw new TypeConversionException(
            "'" + value + "' is not an instant from 1970 to 9999 such as 2026-03-02T10:00:00Z");
      }
      return instant;
    }
  }

  /**
   * Every file and directory argument ({@code --downtime}, {@code --samples}, {@code --out}, {@code
   * FILE}): any text the file system takes as a path. picocli's own conversion would answer a NUL
   * character with {@code java.nio.file.InvalidPathException} in the message.
   */
  static final class FilePath implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      try {
        return Path.of(value);
      } catch (InvalidPathException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a file path (" + e.getReason().toLowerCase(Locale.ROOT) + ")");
      }
    }
  }

  /**
   * {@code --requested-on}: an ISO-8601 date, YYYY-MM-DD. picocli's own conversion would answer
   * {@code 2026-02-30} with {@code java.time.format.DateTimeParseException} in the message.
   */
  static final class Date implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a date (expected YYYY-MM-DD, such as 2026-05-31)");
      }
    }
  }

  /** {@code --uptime}: a plain decimal; {@link #uptime} checks its range. */
  static final class Percent implements ITypeConverter<BigDecimal> {
    @Override
    public BigDecimal convert(String value) {
      if (!DECIMAL.matcher(value.strip()).matches()) {
        throw new TypeConversionException(
            "'" + value + "' is not a percentage such as 99.95 (0 to 100, at most 4 decimals)");
      }
      return new BigDecimal(value.strip());
    }
  }

  /** {@code --fee}: a plain decimal; {@link #fee} checks it against the currency. */
  static final class Amount implements ITypeConverter<BigDecimal> {
    @Override
    public BigDecimal convert(String value) {
      if (!DECIMAL.matcher(value.strip()).matches()) {
        throw new TypeConversionException(
            "'" + value + "' is not an amount such as 1980 or 9.99 (digits, '.' before decimals)");
      }
      return new BigDecimal(value.strip());
    }
  }

  /**
   * The uptime of {@code --uptime}, from 0 to 100 percent with at most {@value #UPTIME_DECIMALS}
   * decimals.
   *
   * @throws InvalidValueException naming {@code --uptime} otherwise
   */
  static BigDecimal uptime(BigDecimal percent) {
    if (percent.signum() < 0
        || percent.compareTo(BigDecimal.valueOf(100)) > 0
        || percent.stripTrailingZeros().scale() > UPTIME_DECIMALS) {
      throw new InvalidValueException(
          "--uptime",
          percent.toString(),
          "must be an availability in percent from 0 to 100 with at most "
              + UPTIME_DECIMALS
              + " decimals, such as 99.95");
    }
    return percent;
  }

  /**
   * The fee of {@code --fee} in {@code --currency}: positive, with at most the currency's decimals
   * (JPY none, USD 2) and at most {@value #FEE_DIGITS} digits. Never rounded: a fee the currency
   * cannot hold is refused.
   *
   * @throws InvalidValueException naming {@code --currency} or {@code --fee}
   */
  static Money fee(BigDecimal amount, String currencyCode) {
    Currency currency;
    try {
      currency = Money.currency(currencyCode);
    } catch (InvalidValueException e) {
      throw new InvalidValueException("--currency", currencyCode, e.reason());
    }
    int decimals = currency.getDefaultFractionDigits();
    if (decimals < 0) {
      throw new InvalidValueException(
          "--currency", currencyCode, "has no minor unit to round money to, as gold (XAU)");
    }
    BigDecimal plain = amount.stripTrailingZeros();
    int digits = Math.max(plain.precision() - plain.scale(), 0) + Math.max(plain.scale(), 0);
    if (amount.signum() <= 0 || plain.scale() > decimals || digits > FEE_DIGITS) {
      throw new InvalidValueException(
          "--fee",
          amount.toString(),
          "must be a positive amount of "
              + currency.getCurrencyCode()
              + " with "
              + (decimals == 0 ? "no decimals" : "at most " + decimals + " decimals")
              + " and at most "
              + FEE_DIGITS
              + " digits, such as "
              + (decimals == 0 ? "1980" : "9.99"));
    }
    return Money.of(amount, currency);
  }
}
