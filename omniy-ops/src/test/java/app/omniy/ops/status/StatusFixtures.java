package app.omniy.ops.status;

import app.omniy.core.Money;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.incident.Milestone;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimeLedger;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.ExactRatio;
import app.omniy.core.sla.LatencySlo;
import app.omniy.core.sla.PostSuccessRate;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaReport;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.support.SupportKpis;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/** The pages of a month with one outage, one open incident and a notice, as tests render them. */
final class StatusFixtures {
  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  static final LocalDate TODAY = LocalDate.of(2026, 4, 20);

  private StatusFixtures() {}

  static Instant jst(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
  }

  static DowntimeLedger ledger() {
    return DowntimeLedger.of(
        List.of(
            // 50 minutes on 10 April: a red day (96.52%, below 99%).
            DowntimePeriod.of(
                jst("2026-04-10T10:00:00"), jst("2026-04-10T10:50:00"), DowntimeCause.INCIDENT),
            // 10 minutes on 15 April: an amber day (99.30%).
            DowntimePeriod.of(
                jst("2026-04-15T03:00:00"), jst("2026-04-15T03:10:00"), DowntimeCause.INCIDENT),
            // Four hours on 2 March: a red day (83.33%).
            DowntimePeriod.of(
                jst("2026-03-02T08:00:00"), jst("2026-03-02T12:00:00"), DowntimeCause.INCIDENT),
            // Planned maintenance is not downtime (SLA-2): 12 April stays green.
            DowntimePeriod.of(
                jst("2026-04-12T02:00:00"),
                jst("2026-04-12T04:00:00"),
                DowntimeCause.PLANNED_MAINTENANCE)));
  }

  static Incident openIncident(String title) {
    return Incident.open(
            "INC-12",
            title,
            IncidentSeverity.SEV2,
            SlaTarget.SYSTEM,
            jst("2026-04-20T09:00:00"),
            jst("2026-04-20T09:02:00"))
        .reach(Milestone.RESPONDED, jst("2026-04-20T09:10:00"))
        .reach(Milestone.MITIGATED, jst("2026-04-20T09:40:00"));
  }

  static SlaReport slaReport() {
    return SlaReport.of(
            ledger(),
            SlaMonth.of(YearMonth.of(2026, 4)),
            CreditPolicy.GUIDE,
            Money.of("1980", "JPY"))
        .withPosts(new PostSuccessRate(19_990, 10, 3))
        .withLatency(
            List.of(
                LatencySlo.API.evaluate(
                    LatencySlo.p95(
                        LongStream.rangeClosed(1, 100)
                            .mapToObj(n -> Duration.ofMillis(n * 4))
                            .toList()))));
  }

  static StatusPageData statusPage(String incidentTitle, String noticeBody) {
    return StatusPageData.builder("Omniy", jst("2026-04-20T10:00:00"))
        .days(DayStatus.fromLedger(ledger(), SlaTarget.SYSTEM, TODAY, JST, 90))
        .incident(openIncident(incidentTitle))
        .notice(
            new Notice(
                "Planned maintenance",
                noticeBody,
                jst("2026-04-26T02:00:00"),
                jst("2026-04-26T04:00:00")))
        .sla(slaReport())
        .build();
  }

  static DashboardData dashboard(String title) {
    SupportKpis support =
        new SupportKpis(
            SlaMonth.of(YearMonth.of(2026, 4)), 30, 25, 21, 10, 46, 25 * 7200L, 1, Map.of());
    return DashboardData.builder(title, jst("2026-04-20T10:00:00"))
        .system(
            new SystemFigures(
                ExactRatio.of(99_88, 100_00), Duration.ofMillis(380), 120_000, 96, 1, 1))
        .infrastructure(
            new InfrastructureFigures(
                ExactRatio.of(83, 100),
                ExactRatio.of(61, 100),
                ExactRatio.of(42, 100),
                3,
                Money.of("48200", "JPY")))
        .business(
            new BusinessFigures(
                128,
                2_340,
                new PostSuccessRate(19_990, 10, 3),
                Money.of("4633200", "JPY"),
                List.of(
                    610L, 640L, 702L, 655L, 690L, 720L, 801L, 760L, 742L, 790L, 812L, 830L, 815L,
                    870L)))
        .userExperience(
            new UserExperienceFigures(
                Duration.ofMillis(2_400), Duration.ofMillis(6_100), 7, 1, support))
        .build();
  }
}
