package app.omniy.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLA-8: a downtime note or an objective's name is shown as text, never as Markdown or HTML. */
class SlaReportMarkdownEscapingTest {
  private static final String HOSTILE =
      "<script>alert(1)</script> | a | b | **bold** \u001B[31mred\u001B[0m";
  private static final String INERT =
      "&lt;script&gt;alert(1)&lt;/script&gt; \\| a \\| b \\| \\*\\*bold\\*\\*"
          + " \\u001B\\[31mred\\u001B\\[0m";

  private static void assertInert(String md) {
    assertThat(md).doesNotContain("<script>", "| a | b |", "**bold**", "\u001B").contains(INERT);
  }

  @Test
  void a_downtime_note_renders_inert_in_the_periods_table() {
    DowntimePeriod period =
        new DowntimePeriod(
            Instant.parse("2026-04-10T01:00:00Z"),
            Instant.parse("2026-04-10T01:50:00Z"),
            DowntimeCause.INCIDENT,
            SlaTarget.SYSTEM,
            HOSTILE + "\nsecond line");
    SlaReport report =
        SlaReport.of(
            DowntimeLedger.of(List.of(period)),
            SlaMonth.of(YearMonth.of(2026, 4)),
            CreditPolicy.GUIDE,
            Money.of("1980", "JPY"));

    String md = SlaReportMarkdown.render(report);

    assertInert(md);
    assertThat(md).contains(INERT + " second line |");
  }

  @Test
  void a_latency_objectives_name_renders_inert() {
    LatencySlo hostile = new LatencySlo(HOSTILE, Duration.ofMillis(500));
    SlaReport report =
        SlaReport.of(
                DowntimeLedger.empty(),
                SlaMonth.of(YearMonth.of(2026, 4)),
                CreditPolicy.GUIDE,
                Money.of("1980", "JPY"))
            .withLatency(
                List.of(hostile.evaluate(LatencySlo.p95(List.of(Duration.ofMillis(120))))));

    assertInert(SlaReportMarkdown.render(report));
  }
}
