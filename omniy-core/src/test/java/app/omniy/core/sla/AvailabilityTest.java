package app.omniy.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** SLA-1 objectives, error budgets and exact ratios. */
class AvailabilityTest {
  private static final long DAYS_30 = 2_592_000;
  private static final long DAYS_31 = 2_678_400;

  @Test
  void exactly_the_objective_is_met_and_one_second_more_misses_it() {
    assertThat(Availability.of(SlaTarget.SYSTEM, DAYS_30, 2_592).met()).isTrue();
    assertThat(Availability.of(SlaTarget.SYSTEM, DAYS_30, 2_593).met()).isFalse();
    assertThat(Availability.of(SlaTarget.CORE_API, DAYS_30, 1_296).met()).isTrue();
    assertThat(Availability.of(SlaTarget.CORE_API, DAYS_30, 1_297).met()).isFalse();
  }

  @Test
  void the_error_budget_is_exact_seconds_and_its_use_an_exact_share() {
    Availability april = Availability.of(SlaTarget.SYSTEM, DAYS_30, 3_000);
    Availability may = Availability.of(SlaTarget.SYSTEM, DAYS_31, 1_339);

    assertThat(april.errorBudgetSeconds()).isEqualByComparingTo("2592");
    assertThat(april.errorBudgetUsed()).isEqualTo(ExactRatio.of(3_000, 2_592));
    assertThat(april.errorBudgetUsed().percent(2)).isEqualByComparingTo("115.74");
    assertThat(may.errorBudgetSeconds()).isEqualByComparingTo("2678.4");
    assertThat(may.errorBudgetUsed()).isEqualTo(ExactRatio.of(13_390, 26_784));
    assertThat(Availability.of(SlaTarget.CORE_API, DAYS_30, 0).errorBudgetSeconds())
        .isEqualByComparingTo("1296");
  }

  @Test
  void a_ratio_displays_truncated_never_rounded_up() {
    ExactRatio justBelow = ExactRatio.of(DAYS_30 - 2_593, DAYS_30);

    assertThat(justBelow.percent(4).toPlainString()).isEqualTo("99.8999");
    assertThat(justBelow.compareToPercent(new BigDecimal("99.9"))).isNegative();
    assertThat(ExactRatio.of(2, 3).percent(4).toPlainString()).isEqualTo("66.6666");
    assertThat(ExactRatio.of(1, 1).percent(4).toPlainString()).isEqualTo("100.0000");
    assertThat(ExactRatio.of(2, 4)).isEqualTo(ExactRatio.of(1, 2));
  }

  @Test
  void a_percentage_converts_to_an_exact_ratio() {
    assertThat(ExactRatio.ofPercent(new BigDecimal("99.8842")))
        .isEqualTo(ExactRatio.of(998_842, 1_000_000));
    assertThat(ExactRatio.ofPercent(new BigDecimal("1E+2"))).isEqualTo(ExactRatio.of(1, 1));
    assertThatThrownBy(() -> ExactRatio.ofPercent(new BigDecimal("-1")))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void availability_rejects_downtime_longer_than_the_month_and_impossible_objectives() {
    assertThatThrownBy(() -> Availability.of(SlaTarget.SYSTEM, 10, 11))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("downtimeSeconds"));
    assertThatThrownBy(() -> new Availability(SlaTarget.SYSTEM, new BigDecimal("100"), 10, 0))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("objectivePercent"));
    assertThatThrownBy(
            () -> new Availability(SlaTarget.SYSTEM, new BigDecimal("1e-999999999"), 10, 0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("objectivePercent = '1e-999999999': has more than 10 decimal places");
  }

  @Test
  void an_availability_above_100_percent_is_rejected_by_the_policy() {
    assertThatThrownBy(() -> CreditPolicy.GUIDE.creditPercent(ExactRatio.of(11, 10)))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void thresholds_with_many_digits_and_huge_ratios_are_still_compared_exactly() {
    ExactRatio ratio = ExactRatio.of(999, 1_000);
    ExactRatio huge = ExactRatio.of(Long.MAX_VALUE - 1, Long.MAX_VALUE);

    assertThat(ratio.compareToPercent(new BigDecimal("99.900000000000000000"))).isZero();
    assertThat(ratio.compareToPercent(new BigDecimal("99.900000000000000001"))).isNegative();
    assertThat(ratio.compareToPercent(new BigDecimal("99.899999999999999999"))).isPositive();
    assertThat(huge.compareToPercent(new BigDecimal("99.9"))).isPositive();
    assertThat(huge.compareToPercent(new BigDecimal("100"))).isNegative();
    assertThat(ratio.compareToPercent(new BigDecimal("-1"))).isPositive();
  }
}
