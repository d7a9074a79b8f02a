package app.omniy.ops.status;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.sla.DowntimeLedger;
import app.omniy.core.sla.ExactRatio;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.sla.TimeRange;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One day's availability on the status page (KPI-2): the seconds measured that day and the downtime
 * among them. A day with nothing measured (before the service started, or without probe data) shows
 * as "no data".
 *
 * @param date the day, in the page's zone
 * @param measuredSeconds seconds measured that day; 0 for no data
 * @param downtimeSeconds downtime among them, net of exclusions (SLA-2)
 */
public record DayStatus(LocalDate date, long measuredSeconds, long downtimeSeconds) {

  /**
   * @throws InvalidValueException if the date is missing or the seconds out of range
   */
  public DayStatus {
    Require.nonNull(date, "date");
    if (measuredSeconds < 0) {
      throw new InvalidValueException("measuredSeconds", measuredSeconds, "must not be negative");
    }
    if (downtimeSeconds < 0 || downtimeSeconds > measuredSeconds) {
      throw new InvalidValueException(
          "downtimeSeconds", downtimeSeconds, "must be between 0 and " + measuredSeconds);
    }
  }

  /** A day without data. */
  public static DayStatus noData(LocalDate date) {
    return new DayStatus(date, 0, 0);
  }

  /**
   * The {@code count} days ending with {@code lastDay} (oldest first), each measured whole from
   * {@code ledger} against {@code target} in {@code zone}, with that day's real length (23 or 25
   * hours on a daylight-saving change).
   */
  public static List<DayStatus> fromLedger(
      DowntimeLedger ledger, SlaTarget target, LocalDate lastDay, ZoneId zone, int count) {
    Require.nonNull(ledger, "ledger");
    Require.nonNull(target, "target");
    Require.nonNull(lastDay, "lastDay");
    Require.nonNull(zone, "zone");
    if (count < 1 || count > StatusPageData.MAX_DAYS) {
      throw new InvalidValueException("count", count, "must be 1–" + StatusPageData.MAX_DAYS);
    }
    List<DayStatus> days = new ArrayList<>(count);
    for (LocalDate day = lastDay.minusDays(count - 1L);
        !day.isAfter(lastDay);
        day = day.plusDays(1)) {
      TimeRange range =
          new TimeRange(
              day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
      days.add(new DayStatus(day, range.seconds(), ledger.downtimeSeconds(target, range)));
    }
    return List.copyOf(days);
  }

  /** The day's uptime, exactly; empty for a day without data. */
  public Optional<ExactRatio> uptime() {
    return measuredSeconds == 0
        ? Optional.empty()
        : Optional.of(ExactRatio.of(measuredSeconds - downtimeSeconds, measuredSeconds));
  }
}
