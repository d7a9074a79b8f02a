package app.omniy.files;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.Money;
import app.omniy.core.sla.Availability;
import app.omniy.core.sla.CreditPolicy;
import app.omniy.core.sla.DowntimeCause;
import app.omniy.core.sla.DowntimeLedger;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.ExactRatio;
import app.omniy.core.sla.PostSuccessRate;
import app.omniy.core.sla.ServiceCredit;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaReport;
import app.omniy.core.sla.SlaTarget;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLA-8: the JSON shape of credits and reports. */
class SlaJsonTest {
  private static final YearMonth APRIL = YearMonth.of(2026, 4);

  @Test
  void the_issue_example_renders_exactly() {
    ServiceCredit credit =
        ServiceCredit.assess(
            CreditPolicy.GUIDE,
            APRIL,
            Availability.of(SlaTarget.SYSTEM, 2_592_000, 3_000).uptime(),
            Money.of("1980", "JPY"),
            null);

    assertThat(SlaJson.toJson(SlaJson.credit(credit)))
        .isEqualTo(
            "{\"month\":\"2026-04\",\"uptimePercent\":\"99.8842\",\"creditPercent\":10,"
                + "\"creditAmount\":\"198\",\"currency\":\"JPY\",\"eligible\":null,"
                + "\"reason\":\"no request date given\"}");
  }

  @Test
  void usd_amounts_keep_two_digits_and_eligibility_is_a_boolean() {
    ServiceCredit credit =
        ServiceCredit.assess(
            CreditPolicy.GUIDE,
            APRIL,
            ExactRatio.ofPercent(new BigDecimal("99.5")),
            Money.of("10", "USD"),
            LocalDate.of(2026, 5, 31));

    assertThat(SlaJson.toJson(SlaJson.credit(credit)))
        .contains("\"creditAmount\":\"1.00\"", "\"currency\":\"USD\"", "\"eligible\":true")
        .contains("\"reason\":\"requested on 2026-05-31, by the deadline 2026-05-31\"");
  }

  @Test
  void the_report_lists_targets_periods_posts_and_the_credit() {
    Instant start = Instant.parse("2026-04-10T01:00:00Z");
    DowntimeLedger ledger =
        DowntimeLedger.of(
            List.of(DowntimePeriod.of(start, start.plusSeconds(3_000), DowntimeCause.INCIDENT)));
    SlaReport report =
        SlaReport.of(ledger, SlaMonth.of(APRIL), CreditPolicy.GUIDE, null)
            .withPosts(new PostSuccessRate(10, 0, 1));

    String json = SlaJson.toJson(SlaJson.report(report));

    assertThat(json)
        .startsWith("{\"month\":\"2026-04\",\"zone\":\"Asia/Tokyo\",\"allMet\":false,")
        .contains(
            "{\"target\":\"system\",\"objectivePercent\":\"99.9\",\"measuredPercent\":\"99.8842\","
                + "\"met\":false,\"measuredSeconds\":2592000,\"downtimeSeconds\":3000,"
                + "\"errorBudgetSeconds\":\"2592\",\"errorBudgetUsedPercent\":\"115.7407\"}")
        .contains(
            "{\"start\":\"2026-04-10T10:00:00+09:00\",\"end\":\"2026-04-10T10:50:00+09:00\","
                + "\"seconds\":3000,\"cause\":\"incident\",\"target\":\"system\","
                + "\"excluded\":false,\"note\":\"\"}")
        .contains("\"successPercent\":\"100.0000\"")
        .contains("\"credit\":{\"month\":\"2026-04\",\"uptimePercent\":\"99.8842\"")
        .contains("\"creditAmount\":null,\"currency\":null");
  }
}
