package app.omniy.ops.maintenance;

import app.omniy.core.maintenance.TaskFailedException;
import app.omniy.core.maintenance.spi.JobContext;
import app.omniy.ops.report.WeeklySystemReview;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;

/** What the built-in tasks share. */
final class Tasks {
  private Tasks() {}

  /**
   * The first of the seven days a weekly review covers: the week ending the day before the
   * occurrence's due date in the calendar's zone, so a catch-up run later that day covers the same
   * week (MNT-2).
   */
  static LocalDate weekStart(JobContext context) {
    return LocalDate.ofInstant(context.due(), context.zone()).minusDays(WeeklySystemReview.DAYS);
  }

  /** The start, in the calendar's zone, of {@code day}: a bound of the week a review covers. */
  static Instant startOf(LocalDate day, JobContext context) {
    return day.atStartOfDay(context.zone()).toInstant();
  }

  /**
   * Reads one input of a review. A source that throws makes the run fail, naming what could not be
   * read; figures that are merely bad are the review's content, never a failure.
   */
  static <T> T read(String what, Supplier<? extends T> source) {
    T value;
    try {
      value = source.get();
    } catch (RuntimeException e) {
      throw new TaskFailedException("could not read " + what + ": " + e.getMessage(), e);
    }
    if (value == null) {
      throw new TaskFailedException("could not read " + what + ": the source returned null");
    }
    return value;
  }
}
