package app.omniy.core.sla;

import app.omniy.core.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * When a credit request counts (SLA-7): a credit is paid only on the customer's request, made by
 * the end of the month after the month it is for, in the configured zone (JST), the last day
 * included. A request for April 2026 is on time through 2026-05-31 and late from 2026-06-01. A
 * request dated before the month began is for a month that has not happened and is refused.
 *
 * <p>Billing calls {@link #decide(YearMonth, Instant, ZoneId)} with the moment the request arrived;
 * the operator's tools call {@link #decide(YearMonth, LocalDate)} with the date on the request.
 */
public final class CreditRequests {
  private CreditRequests() {}

  /** The last day a request for {@code month} is accepted: the last day of the next month. */
  public static LocalDate deadline(YearMonth month) {
    Require.nonNull(month, "month");
    return month.plusMonths(1).atEndOfMonth();
  }

  /** Whether a request dated {@code requestedOn} (a date in the SLA zone) is on time. */
  public static Eligibility decide(YearMonth month, LocalDate requestedOn) {
    LocalDate deadline = deadline(month);
    Require.nonNull(requestedOn, "requestedOn");
    if (requestedOn.isBefore(month.atDay(1))) {
      return new Eligibility(false, "requested on " + requestedOn + ", before " + month + " began");
    }
    if (requestedOn.isAfter(deadline)) {
      return new Eligibility(
          false, "requested on " + requestedOn + ", after the deadline " + deadline);
    }
    return new Eligibility(true, "requested on " + requestedOn + ", by the deadline " + deadline);
  }

  /**
   * Whether a request received at {@code requestedAt} is on time, judged by its date in {@code
   * zone}.
   */
  public static Eligibility decide(YearMonth month, Instant requestedAt, ZoneId zone) {
    Require.nonNull(requestedAt, "requestedAt");
    Require.nonNull(zone, "zone");
    return decide(month, LocalDate.ofInstant(requestedAt, zone));
  }

  /**
   * The decision on a request.
   *
   * @param eligible whether the credit is payable
   * @param reason why, in words for the customer: the request date and the deadline
   */
  public record Eligibility(boolean eligible, String reason) {}
}
