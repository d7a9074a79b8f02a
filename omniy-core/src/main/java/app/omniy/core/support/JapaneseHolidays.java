package app.omniy.core.support;

import static java.time.Month.APRIL;
import static java.time.Month.AUGUST;
import static java.time.Month.DECEMBER;
import static java.time.Month.FEBRUARY;
import static java.time.Month.JANUARY;
import static java.time.Month.JULY;
import static java.time.Month.MARCH;
import static java.time.Month.MAY;
import static java.time.Month.NOVEMBER;
import static java.time.Month.OCTOBER;
import static java.time.Month.SEPTEMBER;

import app.omniy.core.InvalidValueException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Japan's public holidays for a year, computed by the National Holidays Act (国民の祝日に関する法律,
 * 昭和23年法律第178号) as it was in force in that year, not read from a table (SUP-1).
 *
 * <p>Each holiday the act names is a rule with the years it held; substitute holidays (振替休日) and
 * in-between rest days (国民の休日) follow the wording in force in the year. The amendments that matter
 * for 2000–2099, each in force from 1 January of the year unless said:
 *
 * <ul>
 *   <li>2000, 平成10年法律第141号: 成人の日 on the second Monday of January and 体育の日 on the second Monday of
 *       October.
 *   <li>2003, 平成13年法律第59号: 海の日 on the third Monday of July (20 July before) and 敬老の日 on the third
 *       Monday of September (15 September before).
 *   <li>2007, 平成17年法律第43号: 29 April becomes 昭和の日 (みどりの日 before) and みどりの日 moves to 4 May. A holiday
 *       on a Sunday now gives the nearest following day that is not a holiday; before, it gave the
 *       day after it (昭和48年法律第10号). A day between two holidays is now a rest day whatever its
 *       weekday; before, not on a Sunday (昭和60年法律第103号).
 *   <li>2016, 平成26年法律第43号: 山の日, 11 August.
 *   <li>2019, 天皇の退位等に関する皇室典範特例法 (平成29年法律第63号, in force 30 April 2019): 天皇誕生日 moves from 23 December
 *       (last in 2018) to 23 February (first in 2020); 2019 has none.
 *   <li>2019, 平成30年法律第99号: 1 May (即位の日) and 22 October (即位礼正殿の儀) are holidays and count as holidays
 *       for the in-between rule, which makes 30 April and 2 May rest days.
 *   <li>2020, 平成30年法律第55号 (Tokyo Olympics special measures): 海の日 on 23 July, スポーツの日 on 24 July, 山の日
 *       on 10 August, that year only; 平成30年法律第57号 renames 体育の日 スポーツの日.
 *   <li>2021, 令和2年法律第68号 (the postponed Olympics): 海の日 on 22 July, スポーツの日 on 23 July, 山の日 on 8
 *       August (a Sunday, so 9 August is a substitute holiday), that year only.
 * </ul>
 *
 * <p>Years 2000 to 2099: the equinox formula is the one the National Astronomical Observatory
 * publishes for 1980–2099. The Cabinet Office fixes each equinox a year ahead from observation; the
 * formula has matched every announcement so far.
 *
 * <p>Checked against published lists by {@code JapaneseHolidaysTest}: 2000–2027 against the Cabinet
 * Office's list (内閣府「国民の祝日について」, syukujitsu.csv, as mirrored by the public repository
 * shogo82148/holidays-jp), which covers 1955 to the year after its publication; 2028–2030 against
 * the holiday-jp/holiday_jp data set (holidays.yml), which is computed and not yet official.
 */
public final class JapaneseHolidays {
  /** The first year computed. */
  public static final int FIRST_YEAR = 2000;

  /** The last year computed. */
  public static final int LAST_YEAR = 2099;

  /** 平成13年法律第59号: 海の日 and 敬老の日 on Mondays from this year. */
  private static final int HAPPY_MONDAY_II = 2003;

  /** 平成17年法律第43号: 昭和の日, みどりの日 on 4 May, and today's substitute and in-between rules. */
  private static final int SHOWA_DAY_ACT = 2007;

  /** 平成26年法律第43号: 山の日 from this year. */
  private static final int MOUNTAIN_DAY_ACT = 2016;

  /** 平成29年法律第63号: the last 天皇誕生日 on 23 December; the first on 23 February is in 2020. */
  private static final int LAST_HEISEI_BIRTHDAY = 2018;

  /** 平成30年法律第55号 and 第57号: the Olympic dates, and 体育の日 renamed スポーツの日. */
  private static final int OLYMPICS = 2020;

  /** 令和2年法律第68号: the postponed Olympics' dates. */
  private static final int POSTPONED_OLYMPICS = 2021;

  /** Every day the act (and the one-off acts) name, each for the years it held (SUP-1). */
  private static final List<Rule> RULES =
      List.of(
          Rule.fixed("元日", JANUARY, 1),
          Rule.monday("成人の日", JANUARY, 2),
          Rule.fixed("建国記念の日", FEBRUARY, 11),
          Rule.fixed("天皇誕生日", FEBRUARY, 23).from(LAST_HEISEI_BIRTHDAY + 2),
          Rule.of("春分の日", year -> LocalDate.of(year, MARCH, vernalEquinoxDay(year))),
          Rule.fixed("みどりの日", APRIL, 29).until(SHOWA_DAY_ACT - 1),
          Rule.fixed("昭和の日", APRIL, 29).from(SHOWA_DAY_ACT),
          Rule.fixed("憲法記念日", MAY, 3),
          Rule.fixed("みどりの日", MAY, 4).from(SHOWA_DAY_ACT),
          Rule.fixed("こどもの日", MAY, 5),
          Rule.fixed("海の日", JULY, 20).until(HAPPY_MONDAY_II - 1),
          Rule.monday("海の日", JULY, 3).from(HAPPY_MONDAY_II).except(OLYMPICS, POSTPONED_OLYMPICS),
          Rule.once("海の日", LocalDate.of(OLYMPICS, JULY, 23)),
          Rule.once("海の日", LocalDate.of(POSTPONED_OLYMPICS, JULY, 22)),
          Rule.fixed("山の日", AUGUST, 11).from(MOUNTAIN_DAY_ACT).except(OLYMPICS, POSTPONED_OLYMPICS),
          Rule.once("山の日", LocalDate.of(OLYMPICS, AUGUST, 10)),
          Rule.once("山の日", LocalDate.of(POSTPONED_OLYMPICS, AUGUST, 8)),
          Rule.fixed("敬老の日", SEPTEMBER, 15).until(HAPPY_MONDAY_II - 1),
          Rule.monday("敬老の日", SEPTEMBER, 3).from(HAPPY_MONDAY_II),
          Rule.of("秋分の日", year -> LocalDate.of(year, SEPTEMBER, autumnalEquinoxDay(year))),
          Rule.monday("体育の日", OCTOBER, 2).until(OLYMPICS - 1),
          Rule.monday("スポーツの日", OCTOBER, 2).from(OLYMPICS).except(OLYMPICS, POSTPONED_OLYMPICS),
          Rule.once("スポーツの日", LocalDate.of(OLYMPICS, JULY, 24)),
          Rule.once("スポーツの日", LocalDate.of(POSTPONED_OLYMPICS, JULY, 23)),
          Rule.fixed("文化の日", NOVEMBER, 3),
          Rule.fixed("勤労感謝の日", NOVEMBER, 23),
          Rule.fixed("天皇誕生日", DECEMBER, 23).until(LAST_HEISEI_BIRTHDAY),
          Rule.once("即位の日", LocalDate.of(2019, MAY, 1)),
          Rule.once("即位礼正殿の儀", LocalDate.of(2019, OCTOBER, 22)));

  private JapaneseHolidays() {}

  /** Whether {@code date} is a public holiday. */
  public static boolean isHoliday(LocalDate date) {
    return of(date.getYear()).contains(date);
  }

  /**
   * Every public holiday of {@code year}, in date order: the days the act names, substitute
   * holidays and in-between rest days.
   *
   * @throws InvalidValueException if the year is outside {@value #FIRST_YEAR}–{@value #LAST_YEAR}
   */
  public static NavigableSet<LocalDate> of(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new InvalidValueException(
          "year", year, "must be between " + FIRST_YEAR + " and " + LAST_YEAR);
    }
    NavigableSet<LocalDate> named = named(year);
    TreeSet<LocalDate> days = new TreeSet<>(named);
    if (year < SHOWA_DAY_ACT) {
      days.addAll(substitutesBefore2007(named));
      days.addAll(inBetweenDaysBefore2007(named));
    } else {
      days.addAll(substitutesSince2007(named));
      days.addAll(inBetweenDaysSince2007(named));
    }
    return Collections.unmodifiableNavigableSet(days);
  }

  /** The days the act names in {@code year} (国民の祝日), before substitute and in-between days. */
  private static NavigableSet<LocalDate> named(int year) {
    TreeSet<LocalDate> days = new TreeSet<>();
    for (Rule rule : RULES) {
      if (rule.holdsIn(year)) {
        days.add(rule.date().apply(year));
      }
    }
    return days;
  }

  /** 振替休日 until 2006 (昭和48年法律第10号): a holiday on a Sunday makes the next day a holiday. */
  private static Set<LocalDate> substitutesBefore2007(NavigableSet<LocalDate> named) {
    TreeSet<LocalDate> substitutes = new TreeSet<>();
    for (LocalDate day : named) {
      if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        substitutes.add(day.plusDays(1));
      }
    }
    return substitutes;
  }

  /**
   * 振替休日 since 2007 (平成17年法律第43号): a holiday on a Sunday makes the nearest following day that is
   * not itself a named holiday a holiday (so 3 May on a Sunday gives 6 May).
   */
  private static Set<LocalDate> substitutesSince2007(NavigableSet<LocalDate> named) {
    TreeSet<LocalDate> substitutes = new TreeSet<>();
    for (LocalDate day : named) {
      if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        LocalDate substitute = day.plusDays(1);
        while (named.contains(substitute)) {
          substitute = substitute.plusDays(1);
        }
        substitutes.add(substitute);
      }
    }
    return substitutes;
  }

  /**
   * 国民の休日 until 2006 (昭和60年法律第103号): a day between two named holidays, unless it is a Sunday (or
   * already a substitute holiday). So 4 May 2003, a Sunday, was no holiday and gave no substitute.
   */
  private static Set<LocalDate> inBetweenDaysBefore2007(NavigableSet<LocalDate> named) {
    Set<LocalDate> days = between(named);
    days.removeIf(day -> day.getDayOfWeek() == DayOfWeek.SUNDAY);
    return days;
  }

  /** 国民の休日 since 2007 (平成17年法律第43号): any day between two named holidays. */
  private static Set<LocalDate> inBetweenDaysSince2007(NavigableSet<LocalDate> named) {
    return between(named);
  }

  /** The days that are not named holidays but whose day before and day after are. */
  private static Set<LocalDate> between(NavigableSet<LocalDate> named) {
    TreeSet<LocalDate> days = new TreeSet<>();
    for (LocalDate day : named) {
      LocalDate next = day.plusDays(1);
      if (!named.contains(next) && named.contains(next.plusDays(1))) {
        days.add(next);
      }
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

  /**
   * One day the act names: its name, the years it held (both inclusive), years it was moved away
   * from by a one-off act, and its date in a year.
   */
  private record Rule(
      String name, int firstYear, int lastYear, Set<Integer> movedIn, IntFunction<LocalDate> date) {

    static Rule of(String name, IntFunction<LocalDate> date) {
      return new Rule(name, FIRST_YEAR, LAST_YEAR, Set.of(), date);
    }

    static Rule fixed(String name, Month month, int day) {
      return of(name, year -> LocalDate.of(year, month, day));
    }

    /** The {@code n}th Monday of {@code month} (the Happy Monday amendments). */
    static Rule monday(String name, Month month, int n) {
      return of(
          name,
          year ->
              LocalDate.of(year, month, 1)
                  .with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY)));
    }

    static Rule once(String name, LocalDate date) {
      return new Rule(name, date.getYear(), date.getYear(), Set.of(), year -> date);
    }

    Rule from(int year) {
      return new Rule(name, year, lastYear, movedIn, date);
    }

    Rule until(int year) {
      return new Rule(name, firstYear, year, movedIn, date);
    }

    /** Not in {@code years}: a one-off act moved the day elsewhere ({@link #once}). */
    Rule except(Integer... years) {
      return new Rule(name, firstYear, lastYear, Set.of(years), date);
    }

    boolean holdsIn(int year) {
      return firstYear <= year && year <= lastYear && !movedIn.contains(year);
    }
  }
}
