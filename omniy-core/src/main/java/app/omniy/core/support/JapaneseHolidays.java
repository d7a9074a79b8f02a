package app.omniy.core.support;

import app.omniy.core.InvalidValueException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Japan's public holidays for a year, computed by the rules of the National Holidays Act
 * (国民の祝日に関する法律) as in force since 2007, not read from a table (SUP-1): fixed days, the Happy Monday
 * days, the equinoxes by the standard formula, substitute holidays (a holiday on a Sunday moves to
 * the next day that is not a holiday) and in-between holidays (a weekday between two holidays). The
 * one-off changes of 2019 (the enthronement) and of 2020–2021 (the Tokyo Olympics) are included.
 *
 * <p>Years 2000 to 2099: the Happy Monday rules start in 2000 and 2003, and the equinox formula is
 * the one the National Astronomical Observatory publishes for 1980–2099. The Cabinet Office fixes
 * each equinox a year ahead from observation; the formula has matched every announcement so far.
 */
public final class JapaneseHolidays {
  /** The first year computed. */
  public static final int FIRST_YEAR = 2000;

  /** The last year computed. */
  public static final int LAST_YEAR = 2099;

  private JapaneseHolidays() {}

  /** Whether {@code date} is a public holiday. */
  public static boolean isHoliday(LocalDate date) {
    return of(date.getYear()).contains(date);
  }

  /**
   * Every public holiday of {@code year}, in date order.
   *
   * @throws InvalidValueException if the year is outside {@value #FIRST_YEAR}–{@value #LAST_YEAR}
   */
  public static NavigableSet<LocalDate> of(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new InvalidValueException(
          "year", year, "must be between " + FIRST_YEAR + " and " + LAST_YEAR);
    }
    TreeSet<LocalDate> days = new TreeSet<>(statutory(year));
    addInBetweenDays(days);
    addSubstitutes(days);
    return Collections.unmodifiableNavigableSet(days);
  }

  /** The days the act names, before substitute and in-between days. */
  private static NavigableSet<LocalDate> statutory(int year) {
    TreeSet<LocalDate> days = new TreeSet<>();
    days.add(LocalDate.of(year, 1, 1)); // 元日
    days.add(nthMonday(year, Month.JANUARY, 2)); // 成人の日
    days.add(LocalDate.of(year, 2, 11)); // 建国記念の日
    if (year >= 2020) {
      days.add(LocalDate.of(year, 2, 23)); // 天皇誕生日 (令和)
    }
    days.add(LocalDate.of(year, 3, vernalEquinoxDay(year))); // 春分の日
    days.add(LocalDate.of(year, 4, 29)); // 昭和の日 (みどりの日 until 2006)
    days.add(LocalDate.of(year, 5, 3)); // 憲法記念日
    if (year >= 2007) {
      days.add(LocalDate.of(year, 5, 4)); // みどりの日 (an in-between day before 2007)
    }
    days.add(LocalDate.of(year, 5, 5)); // こどもの日
    days.add(marineDay(year)); // 海の日
    mountainDay(year, days); // 山の日
    days.add(
        year >= 2003 ? nthMonday(year, Month.SEPTEMBER, 3) : LocalDate.of(year, 9, 15)); // 敬老の日
    days.add(LocalDate.of(year, 9, autumnalEquinoxDay(year))); // 秋分の日
    sportsDay(year, days); // スポーツの日 (体育の日 until 2019)
    days.add(LocalDate.of(year, 11, 3)); // 文化の日
    days.add(LocalDate.of(year, 11, 23)); // 勤労感謝の日
    if (year <= 2018) {
      days.add(LocalDate.of(year, 12, 23)); // 天皇誕生日 (平成)
    }
    if (year == 2019) {
      days.add(LocalDate.of(2019, 5, 1)); // 即位の日
      days.add(LocalDate.of(2019, 10, 22)); // 即位礼正殿の儀
    }
    return days;
  }

  /**
   * 春分日 by the standard formula: ⌊20.8431 + 0.242194 (y − 1980) − ⌊(y − 1980) / 4⌋⌋, computed in
   * millionths so that no floating point decides a date.
   */
  static int vernalEquinoxDay(int year) {
    return equinox(20_843_100L, year);
  }

  /** 秋分日: ⌊23.2488 + 0.242194 (y − 1980) − ⌊(y − 1980) / 4⌋⌋. */
  static int autumnalEquinoxDay(int year) {
    return equinox(23_248_800L, year);
  }

  private static int equinox(long baseMillionths, int year) {
    long elapsed = year - 1980L;
    long millionths = baseMillionths + 242_194L * elapsed;
    return (int) (Math.floorDiv(millionths, 1_000_000L) - Math.floorDiv(elapsed, 4));
  }

  private static LocalDate marineDay(int year) {
    return switch (year) {
      case 2020 -> LocalDate.of(2020, 7, 23);
      case 2021 -> LocalDate.of(2021, 7, 22);
      default -> year >= 2003 ? nthMonday(year, Month.JULY, 3) : LocalDate.of(year, 7, 20);
    };
  }

  private static void mountainDay(int year, TreeSet<LocalDate> days) {
    if (year >= 2016) {
      days.add(
          switch (year) {
            case 2020 -> LocalDate.of(2020, 8, 10);
            case 2021 -> LocalDate.of(2021, 8, 8);
            default -> LocalDate.of(year, 8, 11);
          });
    }
  }

  private static void sportsDay(int year, TreeSet<LocalDate> days) {
    days.add(
        switch (year) {
          case 2020 -> LocalDate.of(2020, 7, 24);
          case 2021 -> LocalDate.of(2021, 7, 23);
          default -> year >= 2000 ? nthMonday(year, Month.OCTOBER, 2) : LocalDate.of(year, 10, 10);
        });
  }

  private static LocalDate nthMonday(int year, Month month, int n) {
    return LocalDate.of(year, month, 1)
        .with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
  }

  /** 国民の休日: a day that is no holiday itself but lies between two holidays. */
  private static void addInBetweenDays(TreeSet<LocalDate> days) {
    for (LocalDate day : new TreeSet<>(days)) {
      LocalDate between = day.plusDays(1);
      if (!days.contains(between) && days.contains(between.plusDays(1))) {
        days.add(between);
      }
    }
  }

  /** 振替休日: a holiday on a Sunday gives the next day that is not a holiday. */
  private static void addSubstitutes(TreeSet<LocalDate> days) {
    for (LocalDate day : new TreeSet<>(days)) {
      if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        LocalDate substitute = day.plusDays(1);
        while (days.contains(substitute)) {
          substitute = substitute.plusDays(1);
        }
        days.add(substitute);
      }
    }
  }
}
