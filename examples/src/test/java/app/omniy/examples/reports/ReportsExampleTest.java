package app.omniy.examples.reports;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.ops.report.Attainment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the README's reports example and pins what the README says it gives. */
class ReportsExampleTest {

  @Test
  void the_april_report_lists_each_objective_with_its_result() {
    assertThat(ReportsExample.april().attainments())
        .extracting(a -> a.id() + " " + a.measured() + " " + a.result())
        .containsExactly(
            "availability.system 99.8842% " + Attainment.Result.MISSED,
            "availability.core-api 99.8842% MISSED",
            "posts.success 99.9500% MET",
            "support.first-contact-resolution 50.00% MISSED",
            "support.satisfaction 4.50 / 5 MET",
            "support.mean-resolution 71.25 h MISSED",
            "cost.infrastructure 8.89% MET",
            "cost.support 3.23% MET",
            "automation 93.87% MET");
  }

  @Test
  void the_texts_are_markdown_and_json() {
    List<String> texts = ReportsExample.aprilTexts();

    assertThat(texts.get(0)).startsWith("# Operations report 2026-04 (Asia/Tokyo)");
    assertThat(texts.get(1)).startsWith("{\"month\":\"2026-04\"");
  }

  @Test
  void the_status_page_has_ninety_bars_and_the_notice() {
    String html = ReportsExample.statusPage();

    assertThat(html.split("<rect class=\"bar ", -1)).hasSize(91);
    assertThat(html).contains("Planned maintenance", "99.8842%");
  }
}
