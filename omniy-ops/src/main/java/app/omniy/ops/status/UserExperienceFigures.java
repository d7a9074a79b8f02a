package app.omniy.ops.status;

import app.omniy.core.InvalidValueException;
import app.omniy.core.support.SupportKpis;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's user-experience section (KPI-2): what users feel — page and upload times (SLA-4)
 * — and what they say, through support (SUP-1, SUP-3).
 *
 * @param pageP95 web pages' p95 load time, real-user measurements
 * @param imageUploadP95 image uploads' p95
 * @param openTickets support tickets open now
 * @param lateTickets of those, past their first-response deadline
 * @param support this month's support indicators, or {@code null} when not known
 */
public record UserExperienceFigures(
    Duration pageP95,
    Duration imageUploadP95,
    long openTickets,
    long lateTickets,
    @Nullable SupportKpis support) {
  /**
   * @throws InvalidValueException if a value is missing or negative, or more tickets are late than
   *     open
   */
  public UserExperienceFigures {
    if (pageP95 == null || pageP95.isNegative()) {
      throw new InvalidValueException("pageP95", pageP95, "must be zero or positive");
    }
    if (imageUploadP95 == null || imageUploadP95.isNegative()) {
      throw new InvalidValueException("imageUploadP95", imageUploadP95, "must be zero or positive");
    }
    if (openTickets < 0 || lateTickets < 0 || lateTickets > openTickets) {
      throw new InvalidValueException(
          "lateTickets", lateTickets, "must be between 0 and " + openTickets);
    }
  }
}
