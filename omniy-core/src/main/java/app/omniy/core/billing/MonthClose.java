package app.omniy.core.billing;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.sla.CreditRequests;
import app.omniy.core.sla.SlaReport;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A month closed by the month-end job (SLA-7, SLA-8): its SLA report and the credit every customer
 * could claim, to tell them.
 *
 * @param report the month's SLA report, measured from the downtime ledger
 * @param offers one offer per customer of the month, in the customer list's order; zero-amount
 *     offers included (the SLA was met)
 */
public record MonthClose(SlaReport report, List<CreditOffer> offers) {

  /**
   * @throws InvalidValueException if either is missing
   */
  public MonthClose {
    Require.nonNull(report, "report");
    Require.nonNull(offers, "offers");
    offers = List.copyOf(offers);
  }

  /** The month closed. */
  public YearMonth month() {
    return report.month().month();
  }

  /** The last day a customer may claim (SLA-7). */
  public LocalDate deadline() {
    return CreditRequests.deadline(month());
  }

  /** The offers with something to claim. */
  public List<CreditOffer> owed() {
    return offers.stream().filter(CreditOffer::owed).toList();
  }
}
