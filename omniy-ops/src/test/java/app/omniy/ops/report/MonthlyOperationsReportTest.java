package app.omniy.ops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.incident.Milestone;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.DowntimeLedger;
import app.omniy.core.sla.LatencySlo;
import app.omniy.core.sla.PostSuccessRate;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaReport;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.support.SupportKpis;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MNT-2's monthly operations report: SLA attainment, incidents, support and KPI-1 cost ratios. */
class MonthlyOperationsReportTest {
  private static final SlaMonth APRIL = SlaMonth.of(YearMonth.of(2026, 4));

  private static Instant jst(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
  }

  private static SlaReport sla(Incident... incidents) {
    DowntimeLedger ledger =
        DowntimeLedger.of(
            java.util.Arrays.stream(incidents).flatMap(i -> i.downtime().stream()).toList());
    return SlaReport.of(ledger, APRIL, CreditPolicy.GUIDE, Money.of("1980", "JPY"))
        .withPosts(new PostSuccessRate(9_950, 50, 7))
        .withLatency(
            List.of(
                LatencySlo.API.evaluate(
                    LatencySlo.p95(List.of(Duration.ofMillis(420), Duration.ofMillis(480))))));
  }

  private static Incident dbOutage() {
    return Incident.open(
            "INC-7",
            "Database | failover",
            IncidentSeverity.SEV2,
            SlaTarget.SYSTEM,
            jst("2026-04-10T10:00:00"),
            jst("2026-04-10T10:05:00"))
        .reach(Milestone.RESPONDED, jst("2026-04-10T10:35:00"))
        .reach(Milestone.RECOVERED, jst("2026-04-10T10:50:00"))
        .reach(Milestone.RESOLVED, jst("2026-04-10T18:00:00"));
  }

  @Test
  void every_objective_is_listed_with_its_measured_value_and_result() {
    MonthlyOperationsReport report =
        MonthlyOperationsReport.builder(sla(dbOutage()))
            .support(new SupportKpis(APRIL, 40, 40, 33, 20, 91, 40 * 36_000L, 1, Map.of()))
            .costs(
                new CostFigures(
                    Money.of("1000000", "JPY"),
                    Money.of("100000", "JPY"),
                    Money.of("50001", "JPY"),
                    200,
                    180))
            .build();

    assertThat(report.attainments())
        .extracting(a -> a.id() + " " + a.measured() + " " + a.result())
        .containsExactly(
            "availability.system 99.8842% MISSED",
            "availability.core-api 99.8842% MISSED",
            "posts.success 99.5000% MET",
            "latency.api 480 ms MET",
            "support.first-contact-resolution 82.50% MET",
            "support.satisfaction 4.55 / 5 MET",
            "support.mean-resolution 10.00 h MET",
            "cost.infrastructure 10.00% MET",
            "cost.support 5.00% MISSED",
            "automation 90.00% MET");
    assertThat(report.allMet()).isFalse();
  }

  @Test
  void incidents_report_their_deadlines_met_or_breached_and_other_months_are_left_out() {
    Incident march =
        Incident.open(
            "INC-1",
            "old",
            IncidentSeverity.SEV3,
            SlaTarget.SYSTEM,
            jst("2026-03-31T20:00:00"),
            jst("2026-03-31T20:00:00"));
    Incident openSev1 =
        Incident.open(
            "INC-9",
            "Payments down",
            IncidentSeverity.SEV1,
            SlaTarget.SYSTEM,
            jst("2026-04-30T23:00:00"),
            jst("2026-04-30T23:00:00"));

    MonthlyOperationsReport report =
        MonthlyOperationsReport.builder(sla(dbOutage()))
            .incidents(List.of(openSev1, march, dbOutage()))
            .asOf(jst("2026-05-01T06:00:00"))
            .build();

    assertThat(report.incidents())
        .extracting(o -> o.incident().id() + " " + o.deadlinesMet())
        .as("INC-7 responded exactly 30 minutes after detection: on time")
        .containsExactly("INC-7 true", "INC-9 false");
    assertThat(report.incidents().get(1).breaches())
        .extracting(b -> b.milestone())
        .containsExactly(Milestone.RESPONDED, Milestone.RECOVERED, Milestone.RESOLVED);
  }

  @Test
  void markdown_lists_objectives_incidents_and_support_with_escaped_text() {
    MonthlyOperationsReport report =
        MonthlyOperationsReport.builder(sla(dbOutage()))
            .incidents(List.of(dbOutage()))
            .support(new SupportKpis(APRIL, 4, 4, 4, 0, 0, 4 * 3600L, 0, Map.of()))
            .build();

    assertThat(ReportMarkdown.monthly(report))
        .startsWith("# Operations report 2026-04 (Asia/Tokyo)")
        .contains("**Objectives missed.**")
        .contains("| Uptime (system) | ≥ 99.9% | 99.8842% | missed |")
        .contains("| Satisfaction | ≥ 4.5 / 5 | no data | no data |")
        .contains("| Infrastructure cost | ≤ 10% of revenue | no data | no data |")
        .contains("| INC-7 | Sev2 | Database \\| failover | 2026-04-10T10:05:00+09:00 |")
        .contains("10007 posts run: 9950 published, 50 failed against us, 7 failed");
  }

  @Test
  void json_carries_objectives_incidents_support_costs_and_the_sla_report() {
    MonthlyOperationsReport report =
        MonthlyOperationsReport.builder(sla(dbOutage()))
            .incidents(List.of(dbOutage()))
            .costs(
                new CostFigures(
                    Money.of("19.99", "USD"), Money.of("1.00", "USD"), Money.of("0", "USD"), 0, 0))
            .build();

    String json = ReportJson.toJson(ReportJson.monthly(report));

    assertThat(json)
        .startsWith(
            "{\"month\":\"2026-04\",\"zone\":\"Asia/Tokyo\",\"asOf\":\"2026-05-01T00:00:00+09:00\","
                + "\"allMet\":false,\"objectives\":[{\"id\":\"availability.system\","
                + "\"objective\":\"≥ 99.9%\",\"measured\":\"99.8842%\",\"result\":\"missed\"}")
        .contains(
            "{\"id\":\"automation\",\"objective\":\"≥ 90% of tasks\",\"measured\":\"no data\","
                + "\"result\":\"no-data\"}")
        .contains(
            "\"incidents\":[{\"id\":\"INC-7\",\"title\":\"Database | failover\","
                + "\"severity\":2,\"affects\":\"system\",\"timeline\":{\"occurred\":"
                + "\"2026-04-10T10:00:00+09:00\"")
        .contains("\"deadlinesMet\":true,\"breaches\":[]")
        .contains("\"support\":null")
        .contains("\"infrastructurePercent\":\"5.00\"")
        .contains("\"sla\":{\"month\":\"2026-04\"");
  }

  @Test
  void costs_in_another_currency_than_revenue_are_rejected() {
    assertThatThrownBy(
            () ->
                new CostFigures(
                    Money.of("1000", "JPY"), Money.of("1", "USD"), Money.of("0", "JPY"), 1, 1))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("infrastructureCost");
  }
}
