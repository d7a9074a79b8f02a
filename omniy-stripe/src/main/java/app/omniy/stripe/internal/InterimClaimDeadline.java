package app.omniy.stripe.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * SLA-7's claim deadline, kept here until omniy-core's SLA module (issue 4) provides the rule; then
 * replace this class with the core one. A credit is paid only if the customer requested it by the
 * last day of the month following the incident month, inclusive, in the given zone (JST by
 * default).
 */
public final class InterimClaimDeadline {
  private InterimClaimDeadline() {}

  /** The last day on which a credit for {@code month} may be requested. */
  public static LocalDate lastDay(YearMonth month) {
    return month.plusMonths(1).atEndOfMonth();
  }

  /** Whether a request made at {@code requestedAt} came in time for {@code month}'s credit. */
  public static boolean inTime(YearMonth month, Instant requestedAt, ZoneId zone) {
    return !requestedAt.atZone(zone).toLocalDate().isAfter(lastDay(month));
  }
}
