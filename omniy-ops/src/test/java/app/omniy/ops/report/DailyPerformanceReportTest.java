package app.omniy.ops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** MNT-1's 06:00 performance report: yesterday's percentiles, trend, errors and posts. */
class DailyPerformanceReportTest {
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  private static DailyFigures day(String date, long apiP95Millis) {
    Duration p95 = Duration.ofMillis(apiP95Millis);
    return new DailyFigures(
        LocalDate.parse(date),
        List.of(new LatencyFigures("api", Duration.ofMillis(100), p95, p95.plusMillis(50), 1000)),
        10_000,
        25,
        400,
        2);
  }

  @Test
  void percentiles_of_raw_samples_are_nearest_rank_values() {
    List<Duration> samples = LongStream.rangeClosed(1, 200).mapToObj(Duration::ofMillis).toList();

    LatencyFigures f = LatencyFigures.of("api", samples);

    assertThat(f.p50()).isEqualTo(Duration.ofMillis(100));
    assertThat(f.p95()).isEqualTo(Duration.ofMillis(190));
    assertThat(f.p99()).isEqualTo(Duration.ofMillis(198));
    assertThat(f.samples()).isEqualTo(200);
  }

  @Test
  void the_trend_compares_yesterdays_p95_with_the_mean_of_up_to_seven_days_before() {
    List<DailyFigures> history = new ArrayList<>();
    history.add(day("2026-04-09", 1000)); // eight days before: outside the trend
    for (int d = 10; d <= 16; d++) {
      history.add(day("2026-04-" + d, d % 2 == 0 ? 300 : 500));
    }
    history.add(day("2026-04-17", 500));

    DailyPerformanceReport report =
        DailyPerformanceReport.of(LocalDate.of(2026, 4, 17), JST, history);
    LatencyTrend trend = report.trends().get(0);

    // Mean of 300, 500, 300, 500, 300, 500, 300 = 2700 / 7 ms; (500·7 − 2700) / 2700 = 29.629…%
    assertThat(report.previous()).hasSize(7);
    assertThat(trend.previousMeanP95()).isEqualTo(Duration.ofNanos(385_714_285L));
    assertThat(trend.change()).contains(new BigDecimal("29.6"));
    assertThat(trend.withinObjective()).as("500 ms is exactly the API objective").isTrue();
  }

  @Test
  void a_faster_day_shows_a_negative_change_and_an_api_over_500_ms_is_flagged() {
    DailyPerformanceReport faster =
        DailyPerformanceReport.of(
            LocalDate.of(2026, 4, 17),
            JST,
            List.of(day("2026-04-16", 400), day("2026-04-17", 300)));
    DailyPerformanceReport slow =
        DailyPerformanceReport.of(LocalDate.of(2026, 4, 17), JST, List.of(day("2026-04-17", 501)));

    assertThat(faster.trends().get(0).change()).contains(new BigDecimal("-25.0"));
    assertThat(slow.trends().get(0).previousMean()).isEmpty();
    assertThat(slow.trends().get(0).withinObjective()).isFalse();
  }

  @Test
  void yesterday_is_the_jst_day_before_with_the_jvm_in_new_york() {
    // 06:00 JST on 18 April is still 17 April in New York: yesterday in JST is 17 April.
    Clock sixAm = Clock.fixed(Instant.parse("2026-04-17T21:00:00Z"), ZoneId.of("America/New_York"));

    DailyPerformanceReport report =
        DailyPerformanceReport.yesterday(
            sixAm, JST, List.of(day("2026-04-16", 300), day("2026-04-17", 300)));

    assertThat(report.day().date()).isEqualTo(LocalDate.of(2026, 4, 17));
  }

  @Test
  void a_day_without_figures_is_rejected_naming_the_date() {
    assertThatThrownBy(() -> DailyPerformanceReport.of(LocalDate.of(2026, 4, 18), JST, List.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("date = '2026-04-18'");
  }

  @Test
  void markdown_shows_percentiles_trend_errors_and_posts() {
    DailyPerformanceReport report =
        DailyPerformanceReport.of(
            LocalDate.of(2026, 4, 17),
            JST,
            List.of(day("2026-04-16", 400), day("2026-04-17", 300)));

    assertThat(ReportMarkdown.daily(report))
        .startsWith("# Performance report 2026-04-17 (Asia/Tokyo)")
        .contains(
            "| api | 100 ms | 300 ms | 350 ms | 1000 | -25.0% (mean 400 ms over 1 days) | within 500 ms |")
        .contains("25 of 10000 requests failed (0.2500%).")
        .contains("400 published, 2 failed (99.5024% success).");
  }

  @Test
  void json_is_exact_and_keeps_its_key_order() {
    DailyPerformanceReport report =
        DailyPerformanceReport.of(
            LocalDate.of(2026, 4, 17),
            JST,
            List.of(day("2026-04-16", 400), day("2026-04-17", 300)));

    assertThat(ReportJson.toJson(ReportJson.daily(report)))
        .isEqualTo(
            "{\"date\":\"2026-04-17\",\"zone\":\"Asia/Tokyo\",\"latency\":[{\"name\":\"api\","
                + "\"p50Millis\":100,\"p95Millis\":300,\"p99Millis\":350,\"samples\":1000,"
                + "\"previousMeanP95Millis\":400,\"changePercent\":\"-25.0\",\"previousDays\":1,"
                + "\"withinObjective\":true}],\"requests\":10000,\"errors\":25,"
                + "\"errorPercent\":\"0.2500\",\"postsPublished\":400,\"postsFailed\":2,"
                + "\"postSuccessPercent\":\"99.5024\"}");
  }
}
