package app.omniy.core.maintenance;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/**
 * When a maintenance job is due, as local dates and times in the calendar's zone. Each schedule
 * also says until when a run still counts: a daily or weekly job until the calendar's grace has
 * passed, a monthly job until the end of its window ("1st–5th": the 5th).
 */
public sealed interface JobSchedule {

  /** The latest due date on or before {@code date}. */
  LocalDate lastDueOnOrBefore(LocalDate date);

  /** The first due date strictly after {@code date}. */
  LocalDate nextDueAfter(LocalDate date);

  /** The time of day it is due. */
  LocalTime at();

  /**
   * The last day a run for the occurrence due on {@code due} still counts; {@code due} itself if
   * none.
   */
  default LocalDate windowEnd(LocalDate due) {
    return due;
  }

  /** Every day at {@code at}. */
  record Daily(LocalTime at) implements JobSchedule {
    public Daily {
      Require.nonNull(at, "at");
    }

    @Override
    public LocalDate lastDueOnOrBefore(LocalDate date) {
      return date;
    }

    @Override
    public LocalDate nextDueAfter(LocalDate date) {
      return date.plusDays(1);
    }
  }

  /** Every week on {@code day} at {@code at}. */
  record Weekly(DayOfWeek day, LocalTime at) implements JobSchedule {
    public Weekly {
      Require.nonNull(day, "day");
      Require.nonNull(at, "at");
    }

    @Override
    public LocalDate lastDueOnOrBefore(LocalDate date) {
      return date.with(TemporalAdjusters.previousOrSame(day));
    }

    @Override
    public LocalDate nextDueAfter(LocalDate date) {
      return date.with(TemporalAdjusters.next(day));
    }
  }

  /**
   * Every month on {@code day} at {@code at}, counting until {@code lastDay} (the guide's
   * "1st–5th", "25th–30th"); days past a short month's end are its last day.
   */
  record Monthly(int day, int lastDay, LocalTime at) implements JobSchedule {
    public Monthly {
      if (day < 1 || day > 31) {
        throw new InvalidValueException("day", day, "must be 1 to 31");
      }
      if (lastDay < day || lastDay > 31) {
        throw new InvalidValueException("lastDay", lastDay, "must be " + day + " to 31");
      }
      Require.nonNull(at, "at");
    }

    @Override
    public LocalDate lastDueOnOrBefore(LocalDate date) {
      LocalDate thisMonth = dueIn(YearMonth.from(date));
      return thisMonth.isAfter(date) ? dueIn(YearMonth.from(date).minusMonths(1)) : thisMonth;
    }

    @Override
    public LocalDate nextDueAfter(LocalDate date) {
      LocalDate thisMonth = dueIn(YearMonth.from(date));
      return thisMonth.isAfter(date) ? thisMonth : dueIn(YearMonth.from(date).plusMonths(1));
    }

    @Override
    public LocalDate windowEnd(LocalDate due) {
      YearMonth month = YearMonth.from(due);
      return month.atDay(Math.min(lastDay, month.lengthOfMonth()));
    }

    private LocalDate dueIn(YearMonth month) {
      return month.atDay(Math.min(day, month.lengthOfMonth()));
    }
  }
}
