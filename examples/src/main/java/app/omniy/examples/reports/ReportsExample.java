package app.omniy.examples.reports;

import app.omniy.core.Money;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.incident.Milestone;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.DowntimeLedger;
import app.omniy.core.sla.PostSuccessRate;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaReport;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.support.SupportDeadlines;
import app.omniy.core.support.SupportKpis;
import app.omniy.core.support.SupportPriority;
import app.omniy.core.support.SupportTicket;
import app.omniy.ops.report.CostFigures;
import app.omniy.ops.report.MonthlyOperationsReport;
import app.omniy.ops.report.ReportJson;
import app.omniy.ops.report.ReportMarkdown;
import app.omniy.ops.status.DayStatus;
import app.omniy.ops.status.Notice;
import app.omniy.ops.status.StatusPage;
import app.omniy.ops.status.StatusPageData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/** The code shown in the README's reports section; its test runs it. */
public final class ReportsExample {
  private ReportsExample() {}

  /** April 2026: one Sev2 incident, two support tickets, the month's costs. */
  public static MonthlyOperationsReport april() {
    Incident outage =
        Incident.open(
                "INC-7",
                "Database failover",
                IncidentSeverity.SEV2,
                SlaTarget.SYSTEM,
                at("2026-04-10T10:00:00+09:00"),
                at("2026-04-10T10:05:00+09:00"))
            .reach(Milestone.RESPONDED, at("2026-04-10T10:20:00+09:00"))
            .reach(Milestone.RECOVERED, at("2026-04-10T10:50:00+09:00"))
            .reach(Milestone.RESOLVED, at("2026-04-10T16:00:00+09:00"));
    SlaMonth april = SlaMonth.of(YearMonth.of(2026, 4)); // Asia/Tokyo
    SlaReport sla =
        SlaReport.of(
                DowntimeLedger.of(outage.downtime().stream().toList()),
                april,
                CreditPolicy.GUIDE,
                Money.of("1980", "JPY"))
            .withPosts(new PostSuccessRate(19_990, 10, 3));

    List<SupportTicket> tickets =
        List.of(
            SupportTicket.open("T-1", SupportPriority.HIGH, at("2026-04-03T17:30:00+09:00"))
                .withResolution(at("2026-04-06T11:00:00+09:00"), true) // due Monday 12:30
                .withSatisfaction(5),
            SupportTicket.open("T-2", SupportPriority.MEDIUM, at("2026-04-04T10:00:00+09:00"))
                .withFirstResponse(at("2026-04-07T09:00:00+09:00")) // due Tuesday 09:00: on time
                .withResolution(at("2026-04-07T15:00:00+09:00"), false)
                .withSatisfaction(4));
    Instant reportTime = at("2026-05-01T09:00:00+09:00");

    return MonthlyOperationsReport.builder(sla)
        .incidents(List.of(outage))
        .support(SupportKpis.of(april, tickets, SupportDeadlines.GUIDE, reportTime))
        .costs(
            new CostFigures(
                Money.of("4633200", "JPY"), // revenue
                Money.of("412000", "JPY"), // infrastructure: 8.89%, within 10%
                Money.of("150000", "JPY"), // support: 3.23%, within 5%
                310,
                291)) // operational tasks, of which automated: 93.87%
        .asOf(reportTime)
        .build();
  }

  /** The report as Markdown and as JSON. */
  public static List<String> aprilTexts() {
    MonthlyOperationsReport report = april();
    return List.of(ReportMarkdown.monthly(report), ReportJson.toJson(ReportJson.monthly(report)));
  }

  /** The status page on 20 April: 90 days of bars, the month's figures, a maintenance notice. */
  public static String statusPage() {
    MonthlyOperationsReport report = april();
    DowntimeLedger ledger = DowntimeLedger.of(report.sla().periods());
    StatusPageData data =
        StatusPageData.builder("Omniy", at("2026-04-20T10:00:00+09:00"))
            .days(
                DayStatus.fromLedger(
                    ledger, SlaTarget.SYSTEM, LocalDate.of(2026, 4, 20), SlaMonth.DEFAULT_ZONE, 90))
            .notice(
                new Notice(
                    "Planned maintenance",
                    "Posting pauses for two hours.",
                    at("2026-04-26T02:00:00+09:00"),
                    at("2026-04-26T04:00:00+09:00")))
            .sla(report.sla())
            .build();
    return StatusPage.render(data); // one self-contained HTML file: write it anywhere static
  }

  private static Instant at(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
