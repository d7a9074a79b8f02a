package app.omniy.examples.sla;

import app.omniy.core.Money;
import app.omniy.core.memory.InMemoryDowntimeStore;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.CreditRequests;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.ServiceCredit;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaReport;
import app.omniy.core.sla.SlaReportMarkdown;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.sla.spi.DowntimeStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/** The code shown in the README's SLA section; its test runs it. */
public final class MonthlyCreditExample {
  private MonthlyCreditExample() {}

  /** April 2026: a 50-minute incident, maintenance that does not count, and a credit request. */
  public static ServiceCredit aprilCredit() {
    DowntimeStore store = new InMemoryDowntimeStore();
    store.add(
        DowntimePeriod.of(
            at("2026-04-10T10:00:00+09:00"),
            at("2026-04-10T10:50:00+09:00"),
            DowntimeCause.INCIDENT));
    store.add(
        DowntimePeriod.of(
            at("2026-04-12T02:00:00+09:00"),
            at("2026-04-12T04:00:00+09:00"),
            DowntimeCause.PLANNED_MAINTENANCE));

    SlaMonth april = SlaMonth.of(YearMonth.of(2026, 4)); // Asia/Tokyo
    var uptime = store.ledger(april.range()).availability(SlaTarget.SYSTEM, april).uptime();
    // uptime.percent(4) is 99.8842 (truncated); the tier compares the exact ratio
    return ServiceCredit.assess(
        CreditPolicy.GUIDE,
        april.month(),
        uptime,
        Money.of("1980", "JPY"),
        LocalDate.of(2026, 5, 31)); // the last day to ask: CreditRequests.deadline(april.month())
  }

  /** The same month as a Markdown report. */
  public static String aprilReport() {
    DowntimeStore store = new InMemoryDowntimeStore();
    store.add(
        DowntimePeriod.of(
            at("2026-04-10T10:00:00+09:00"),
            at("2026-04-10T10:50:00+09:00"),
            DowntimeCause.INCIDENT));
    SlaMonth april = SlaMonth.of(YearMonth.of(2026, 4));
    SlaReport report =
        SlaReport.of(
            store.ledger(april.range()), april, CreditPolicy.GUIDE, Money.of("1980", "JPY"));
    return SlaReportMarkdown.render(report);
  }

  /** Billing's check when a request arrives (SLA-7). */
  public static boolean requestInTime(YearMonth month, Instant receivedAt) {
    return CreditRequests.decide(month, receivedAt, SlaMonth.DEFAULT_ZONE).eligible();
  }

  private static Instant at(String time) {
    return OffsetDateTime.parse(time).toInstant();
  }
}
