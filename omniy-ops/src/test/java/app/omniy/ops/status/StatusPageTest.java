package app.omniy.ops.status;

import static app.omniy.ops.status.StatusFixtures.JST;
import static app.omniy.ops.status.StatusFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.sla.DowntimeLedger;
import app.omniy.core.sla.ExactRatio;
import app.omniy.core.sla.SlaTarget;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** KPI-2's status page and dashboard as HTML text; {@link ChromiumRenderTest} checks them drawn. */
class StatusPageTest {

  @Test
  void ninety_days_of_bars_each_classed_by_its_uptime() {
    String html = StatusPage.render(StatusFixtures.statusPage("Slow posting", "Short."));

    assertThat(Pattern.compile("<rect class=\"bar ").matcher(html).results().count()).isEqualTo(90);
    assertThat(html)
        .contains("<rect class=\"bar major\" data-date=\"2026-03-02\" data-uptime=\"83.3333%\"")
        .contains("<rect class=\"bar major\" data-date=\"2026-04-10\" data-uptime=\"96.5277%\"")
        .contains("<rect class=\"bar minor\" data-date=\"2026-04-15\" data-uptime=\"99.3055%\"")
        .contains("<rect class=\"bar ok\" data-date=\"2026-04-12\" data-uptime=\"100.0000%\"")
        .contains("data-date=\"2026-01-21\"")
        .doesNotContain("data-date=\"2026-01-20\"");
  }

  @Test
  void the_page_shows_the_incident_stage_the_notice_and_the_months_figures() {
    String html = StatusPage.render(StatusFixtures.statusPage("Slow posting", "Short."));

    assertThat(html)
        .contains("<p id=\"overall\" class=\"overall partial\">Partial outage</p>")
        .contains("<h3>Slow posting</h3><p><span class=\"tag\">Sev2</span> Identified: mitigation")
        .contains("2026-04-26 02:00 +09:00 – 2026-04-26 04:00 +09:00")
        .contains("<tr id=\"sla-uptime-system\" class=\"missed\"><td>Uptime (system)</td>")
        .contains("<td class=\"figure\">99.8611%</td>")
        .contains("<td class=\"figure\">99.9500%</td>")
        .contains("<td class=\"figure\">380 ms</td>")
        .doesNotContain("http://", "https://", "<script", "<link");
  }

  @Test
  void text_the_host_supplies_is_escaped_everywhere() {
    String evil = "<script>alert('x')</script> & \"quotes\"";

    String page = StatusPage.render(StatusFixtures.statusPage(evil, evil));
    String dashboard = Dashboard.render(StatusFixtures.dashboard(evil));

    String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;";
    assertThat(page).doesNotContain("<script").contains("<h3>" + escaped + "</h3>");
    assertThat(page).contains("<p>" + escaped + "</p>");
    assertThat(dashboard).doesNotContain("<script").contains("<h1>" + escaped + "</h1>");
  }

  @Test
  void markdown_markup_and_terminal_escapes_in_host_text_render_inert_on_both_pages() {
    String hostile = "<script>alert(1)</script> | a | b | **bold** \u001B[31mred\u001B[0m";

    String page = StatusPage.render(StatusFixtures.statusPage(hostile, hostile));
    String dashboard = Dashboard.render(StatusFixtures.dashboard(hostile));

    String inert =
        "&lt;script&gt;alert(1)&lt;/script&gt; | a | b | **bold** \\u001B[31mred\\u001B[0m";
    for (String html : List.of(page, dashboard)) {
      assertThat(html).doesNotContain("<script>", "\u001B").contains(inert);
    }
    assertThat(page).contains("<h3>" + inert + "</h3>", "<p>" + inert + "</p>");
    assertThat(dashboard).contains("<title>" + inert + "</title>", "<h1>" + inert + "</h1>");
  }

  @Test
  void a_day_across_a_daylight_saving_change_is_measured_with_its_real_length() {
    ZoneId newYork = ZoneId.of("America/New_York");

    List<DayStatus> days =
        DayStatus.fromLedger(
            DowntimeLedger.empty(), SlaTarget.SYSTEM, LocalDate.of(2026, 3, 8), newYork, 2);

    assertThat(days).extracting(DayStatus::measuredSeconds).containsExactly(86_400L, 82_800L);
    assertThat(days.get(1).uptime()).contains(ExactRatio.of(1, 1));
  }

  @Test
  void no_data_days_are_grey_and_without_any_data_the_total_says_so() {
    String html =
        StatusPage.render(
            StatusPageData.builder("Omniy", StatusFixtures.jst("2026-04-20T10:00:00"))
                .days(List.of(DayStatus.noData(TODAY.minusDays(1)), DayStatus.noData(TODAY)))
                .build());

    assertThat(html)
        .contains("<rect class=\"bar none\"")
        .contains("<span id=\"uptime-total\">no data</span>")
        .contains("All systems operational")
        .contains("No current incidents.")
        .doesNotContain("id=\"sla\"");
  }

  @Test
  void more_than_ninety_days_or_a_gap_between_days_is_rejected() {
    var tooMany = DayStatus.fromLedger(DowntimeLedger.empty(), SlaTarget.SYSTEM, TODAY, JST, 90);
    var builder =
        StatusPageData.builder("Omniy", StatusFixtures.jst("2026-04-20T10:00:00"))
            .days(tooMany)
            .days(List.of(DayStatus.noData(TODAY.plusDays(1))));
    var gap =
        StatusPageData.builder("Omniy", StatusFixtures.jst("2026-04-20T10:00:00"))
            .days(List.of(DayStatus.noData(TODAY), DayStatus.noData(TODAY.plusDays(2))));

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("days = '91'");
    assertThatThrownBy(gap::build)
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("days[1]");
  }

  @Test
  void the_dashboard_has_the_four_sections_with_toned_tiles() {
    String html = Dashboard.render(StatusFixtures.dashboard("Omniy operations"));

    assertThat(html)
        .contains("<section id=\"system\"><h2>System overview</h2>")
        .contains("<section id=\"infrastructure\"><h2>Infrastructure</h2>")
        .contains("<section id=\"business\"><h2>Business</h2>")
        .contains("<section id=\"user-experience\"><h2>User experience</h2>")
        .contains("<div class=\"tile bad\" id=\"tile-availability\">")
        .contains("<div class=\"value\">99.8800%</div>")
        .contains("<div class=\"tile warn\" id=\"tile-cpu\">")
        .contains("<div class=\"value\">83.0%</div>")
        .contains("<div class=\"tile ok\" id=\"tile-post-success\">")
        .contains("<div class=\"value\">4633200 JPY</div>")
        .contains("<div class=\"value\">4.60 / 5</div>")
        .contains("<svg id=\"posts-sparkline\"")
        .doesNotContain("http://", "https://", "<script", "<link");
  }

  @Test
  void a_dashboard_without_sections_says_they_were_not_supplied() {
    String html =
        Dashboard.render(
            DashboardData.builder("Ops", StatusFixtures.jst("2026-04-20T10:00:00")).build());

    assertThat(Pattern.compile("Not supplied\\.").matcher(html).results().count()).isEqualTo(4);
  }
}
