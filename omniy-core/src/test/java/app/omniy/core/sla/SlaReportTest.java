package app.omniy.core.sla;

import static app.omniy.core.sla.DowntimeLedgerTest.period;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.Money;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLA-8: the monthly report and its Markdown. */
class SlaReportTest {
  private static final SlaMonth APRIL = SlaMonth.of(YearMonth.of(2026, 4));

  private static SlaReport april() {
    DowntimeLedger ledger =
        DowntimeLedger.of(
            List.of(
                period("2026-04-10T10:00:00", "2026-04-10T10:50:00", DowntimeCause.INCIDENT),
                period(
                    "2026-04-12T02:00:00",
                    "2026-04-12T04:00:00",
                    DowntimeCause.PLANNED_MAINTENANCE),
                period(
                    "2026-04-30T23:50:00",
                    "2026-05-01T01:00:00",
                    DowntimeCause.INCIDENT,
                    SlaTarget.CORE_API)));
    return SlaReport.of(ledger, APRIL, CreditPolicy.GUIDE, Money.of("1980", "JPY"));
  }

  @Test
  void the_report_holds_every_target_with_met_or_missed_and_the_credit() {
    SlaReport report = april();

    assertThat(report.system().downtimeSeconds()).isEqualTo(3_000);
    assertThat(report.system().met()).isFalse();
    assertThat(report.availability().get(1).target()).isEqualTo(SlaTarget.CORE_API);
    assertThat(report.availability().get(1).downtimeSeconds()).isEqualTo(3_600);
    assertThat(report.periods()).hasSize(3);
    assertThat(report.credit().creditPercent()).isEqualTo(10);
    assertThat(report.credit().amount()).isEqualTo(Money.of("198", "JPY"));
    assertThat(report.allMet()).isFalse();
    assertThat(report.incomplete()).isFalse();
  }

  @Test
  void the_markdown_shows_targets_periods_causes_and_the_credit() {
    SlaReport report =
        april()
            .withPosts(new PostSuccessRate(995, 5, 2))
            .withLatency(
                List.of(LatencySlo.API.evaluate(LatencySlo.p95(List.of(Duration.ofMillis(120))))));

    String md = SlaReportMarkdown.render(report);

    assertThat(md)
        .startsWith("# SLA report 2026-04 (Asia/Tokyo)")
        .contains("| system | 99.9% | 99.8842% | missed | 3000 s | 2592 s | 115.7407% |")
        .contains("| core-api | 99.95% | 99.8611% | missed | 3600 s | 1296 s | 277.7777% |")
        .contains(
            "| 2026-04-12T02:00:00+09:00 | 2026-04-12T04:00:00+09:00 | 7200 |"
                + " planned-maintenance | system | excluded |")
        .contains("| 2026-04-30T23:50:00+09:00 | 2026-05-01T00:00:00+09:00 | 600 | incident |")
        .contains("99.5000% of 1000 posts (objective 99.5%): met")
        .contains("| api | 500 ms | 120 ms | met | 1 | nearest rank of raw samples |")
        .contains("10% of the monthly fee = 198 JPY")
        .contains("2026-05-31")
        .doesNotContain("incomplete");
  }

  @Test
  void unknown_time_beyond_the_budget_marks_the_report_incomplete() {
    SlaReport report = april().withUnknownSeconds(2_593);

    assertThat(report.incomplete()).isTrue();
    assertThat(SlaReportMarkdown.render(report)).contains("2593 s", "**incomplete**");
    assertThat(april().withUnknownSeconds(2_592).incomplete()).isFalse();
  }
}
