package app.omniy.core.billing.service;

import app.omniy.core.Require;
import app.omniy.core.billing.MonthClose;
import app.omniy.core.maintenance.JobIds;
import app.omniy.core.maintenance.spi.BuiltInTask;
import app.omniy.core.maintenance.spi.JobContext;
import java.time.YearMonth;

/**
 * The month-end credits job (SLA-7, MNT-2): on the calendar's {@code monthly-report} job, due the
 * 1st at 09:00 JST, it closes the month before the occurrence's due date with {@link
 * CreditDesk#closeMonth}. A catch-up run later in the window closes the same month.
 */
final class MonthEndCreditsTask implements BuiltInTask {
  static final String NAME = "service-credits";

  private final CreditDesk desk;

  MonthEndCreditsTask(CreditDesk desk) {
    this.desk = Require.nonNull(desk, "desk");
  }

  @Override
  public String jobId() {
    return JobIds.MONTHLY_REPORT;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String run(JobContext context) {
    YearMonth previous = YearMonth.from(context.due().atZone(context.zone())).minusMonths(1);
    MonthClose close = desk.closeMonth(previous);
    int percent = close.report().credit().creditPercent();
    return "closed "
        + previous
        + ": availability "
        + close.report().system().uptime().percent(4).toPlainString()
        + "%, "
        + (percent == 0
            ? "no credit; " + close.offers().size() + " customers"
            : percent
                + "% credit offered to "
                + close.owed().size()
                + " of "
                + close.offers().size()
                + " customers, claimable through "
                + close.deadline());
  }
}
