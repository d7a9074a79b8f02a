package app.omniy.examples.sla;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.Money;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthlyCreditExampleTest {

  @Test
  void the_readme_example_owes_198_yen_and_the_request_is_in_time() {
    var credit = MonthlyCreditExample.aprilCredit();

    assertThat(credit.availability().percent(4).toPlainString()).isEqualTo("99.8842");
    assertThat(credit.creditPercent()).isEqualTo(10);
    assertThat(credit.payable()).isEqualTo(Money.of("198", "JPY"));
  }

  @Test
  void the_readme_report_is_markdown_with_the_credit() {
    assertThat(MonthlyCreditExample.aprilReport())
        .startsWith("# SLA report 2026-04 (Asia/Tokyo)")
        .contains("= 198 JPY");
  }

  @Test
  void a_request_arriving_after_midnight_in_tokyo_on_1_june_is_late() {
    YearMonth april = YearMonth.of(2026, 4);

    assertThat(MonthlyCreditExample.requestInTime(april, Instant.parse("2026-05-31T14:59:59Z")))
        .isTrue();
    assertThat(MonthlyCreditExample.requestInTime(april, Instant.parse("2026-05-31T15:00:00Z")))
        .isFalse();
  }
}
