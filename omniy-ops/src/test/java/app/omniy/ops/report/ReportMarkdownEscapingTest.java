package app.omniy.ops.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.Money;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.incident.Milestone;
import app.omniy.core.maintenance.JobOutcome;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.security.LoginAnomaly;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.DowntimeLedger;
import app.omniy.core.sla.LatencySlo;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaReport;
import app.omniy.core.sla.SlaTarget;
import app.omniy.ops.security.CertificateCheck;
import app.omniy.ops.security.TlsEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MNT-1, MNT-2: every text the host or a file supplies (incident titles and ids, measured names,
 * accounts, login details, certificate problems, job errors) is shown as text in every report,
 * never as Markdown or HTML.
 */
class ReportMarkdownEscapingTest {
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final LocalDate MONDAY = LocalDate.of(2026, 4, 13);
  private static final Instant DETECTED = Instant.parse("2026-04-14T01:00:00Z");
  private static final String HOSTILE =
      "<script>alert(1)</script> | a | b | **bold** \u001B[31mred\u001B[0m";
  private static final String INERT =
      "&lt;script&gt;alert(1)&lt;/script&gt; \\| a \\| b \\| \\*\\*bold\\*\\*"
          + " \\u001B\\[31mred\\u001B\\[0m";

  private static void assertInert(String md) {
    assertThat(md).doesNotContain("<script>", "| a | b |", "**bold**", "\u001B").contains(INERT);
  }

  private static Incident hostileIncident() {
    return Incident.open(
            "INC-" + HOSTILE, HOSTILE, IncidentSeverity.SEV2, SlaTarget.SYSTEM, DETECTED, DETECTED)
        .reach(Milestone.RESPONDED, DETECTED.plus(Duration.ofHours(2)));
  }

  private static DailyFigures day(LocalDate date) {
    Duration p95 = Duration.ofMillis(900);
    return new DailyFigures(
        date,
        List.of(new LatencyFigures(HOSTILE, Duration.ofMillis(100), p95, p95, 1000)),
        10_000,
        25,
        400,
        2);
  }

  @Test
  void the_daily_report_shows_a_measured_name_inert() {
    DailyPerformanceReport report =
        DailyPerformanceReport.of(MONDAY, JST, List.of(day(MONDAY.minusDays(1)), day(MONDAY)));

    assertInert(ReportMarkdown.daily(report));
  }

  @Test
  void the_monthly_report_shows_incident_titles_and_objective_names_inert() {
    SlaReport sla =
        SlaReport.of(
                DowntimeLedger.empty(),
                SlaMonth.of(YearMonth.of(2026, 4)),
                CreditPolicy.GUIDE,
                Money.of("1980", "JPY"))
            .withLatency(
                List.of(
                    new LatencySlo(HOSTILE, Duration.ofMillis(500))
                        .evaluate(LatencySlo.p95(List.of(Duration.ofMillis(900))))));
    MonthlyOperationsReport report =
        MonthlyOperationsReport.builder(sla)
            .incidents(List.of(hostileIncident()))
            .asOf(DETECTED.plus(Duration.ofDays(1)))
            .build();

    String md = ReportMarkdown.monthly(report);

    assertInert(md);
    assertThat(md).contains("| INC-" + INERT + " | Sev2 | " + INERT + " |");
  }

  @Test
  void the_system_review_shows_incidents_and_measured_names_inert() {
    WeeklySystemReview review =
        WeeklySystemReview.of(
            MONDAY,
            JST,
            MONDAY.plusDays(7).atStartOfDay(JST).toInstant(),
            List.of(day(MONDAY), day(MONDAY.plusDays(1))),
            List.of(hostileIncident()));

    String md = ReportMarkdown.weeklySystem(review);

    assertInert(md);
    assertThat(md).contains("- INC-" + INERT + ": responded target missed");
  }

  @Test
  void the_security_review_shows_logins_certificates_and_job_errors_inert() {
    Instant at = DETECTED;
    WeeklySecurityReview review =
        new WeeklySecurityReview(
            JST,
            MONDAY,
            at,
            List.of(new LoginAnomaly(LoginAnomaly.Kind.NEW_DEVICE, HOSTILE, HOSTILE, at, HOSTILE)),
            List.of(
                new CertificateCheck(
                    new TlsEndpoint("example.com", 443),
                    CertificateCheck.Status.UNREACHABLE,
                    null,
                    HOSTILE)),
            1,
            List.of(
                new JobRun(
                    "security-scan",
                    at,
                    "worker-1",
                    at,
                    at.plusSeconds(5),
                    JobOutcome.FAILED,
                    "",
                    HOSTILE)));

    String md = ReportMarkdown.weeklySecurity(review);

    assertInert(md);
    assertThat(md).contains("| " + INERT + " | " + INERT + " | " + INERT + " |");
  }

  @Test
  void the_capacity_review_shows_an_account_id_inert() {
    WeeklyCapacityReview review =
        new WeeklyCapacityReview(
            JST,
            MONDAY,
            DETECTED,
            List.of(new WeeklyCapacityReview.AccountCapacity(HOSTILE, 10, 4, DETECTED, 25, 2)),
            null);

    assertInert(ReportMarkdown.weeklyCapacity(review));
  }
}
