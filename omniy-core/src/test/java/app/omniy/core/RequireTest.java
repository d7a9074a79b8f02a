package app.omniy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequireTest {

  @Test
  void a_missing_value_is_rejected_naming_the_field_not_with_a_null_pointer_exception() {
    assertThatThrownBy(() -> Require.nonNull(null, "caption"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("caption: is required")
        .extracting(e -> ((InvalidValueException) e).field())
        .isEqualTo("caption");
  }

  @Test
  void a_blank_string_is_rejected_with_its_value() {
    assertThatThrownBy(() -> Require.nonBlank("  ", "accountId"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("accountId = '  ': must not be blank");
  }

  @Test
  void durations_are_checked_for_sign() {
    assertThat(Require.positive(Duration.ofSeconds(1), "lease")).hasSeconds(1);
    assertThat(Require.nonNegative(Duration.ZERO, "grace")).isZero();
    assertThatThrownBy(() -> Require.positive(Duration.ZERO, "lease"))
        .hasMessage("lease = 'PT0S': must be positive");
    assertThatThrownBy(() -> Require.nonNegative(Duration.ofMinutes(-1), "grace"))
        .hasMessage("grace = 'PT-1M': must not be negative");
  }

  @Test
  void ranges_are_inclusive_at_both_ends() {
    assertThat(Require.inRange(2, 2, 10, "items")).isEqualTo(2);
    assertThat(Require.inRange(10, 2, 10, "items")).isEqualTo(10);
    assertThatThrownBy(() -> Require.inRange(11, 2, 10, "items"))
        .hasMessage("items = '11': must be between 2 and 10 inclusive");
    assertThatThrownBy(() -> Require.atLeast(-1, 0, "limit"))
        .hasMessage("limit = '-1': must be at least 0");
  }

  @Test
  void a_decimal_is_bounded_in_digits_before_and_after_the_point_before_any_other_use() {
    assertThat(Require.decimal(new BigDecimal("12.34"), 2, 2, "p"))
        .isEqualTo(new BigDecimal("12.34"));
    assertThat(Require.decimal(new BigDecimal("1.5000000"), 1, 2, "p").toPlainString())
        .isEqualTo("1.5");
    assertThat(Require.decimal(new BigDecimal("1E+2"), 3, 0, "p").toPlainString()).isEqualTo("100");
    assertThat(Require.decimal(new BigDecimal("0E-999999999"), 1, 0, "p"))
        .isEqualTo(BigDecimal.ZERO);
    assertThatThrownBy(() -> Require.decimal(new BigDecimal("1e-999999999"), 1, 4, "x"))
        .hasMessage("x = '1e-999999999': has more than 4 decimal places");
    assertThatThrownBy(() -> Require.decimal(new BigDecimal("1e999999999"), 15, 2, "amount"))
        .hasMessage("amount = '1e999999999': has more than 15 digits before the decimal point");
    assertThatThrownBy(() -> Require.decimal(new BigDecimal("0.5"), 1, 0, "n"))
        .hasMessage("n = '0.5': must be a whole number");
    assertThatThrownBy(() -> Require.decimal(new BigDecimal("1".repeat(65)), 99, 0, "n"))
        .hasMessageEndingWith("has more than 64 significant digits");
    assertThatThrownBy(() -> Require.decimal((BigDecimal) null, 1, 1, "n"))
        .hasMessage("n: is required");
  }

  @Test
  void decimal_text_is_parsed_bounded_and_echoed_as_written() {
    assertThat(Require.decimal(" 0.25 ", 1, 4, "x")).isEqualTo(new BigDecimal("0.25"));
    assertThatThrownBy(() -> Require.decimal("1e999", 3, 10, "above"))
        .hasMessage("above = '1e999': has more than 3 digits before the decimal point");
    assertThatThrownBy(() -> Require.decimal("ten", 3, 10, "above"))
        .hasMessage("above = 'ten': is not a decimal number");
    assertThatThrownBy(() -> Require.decimal("1".repeat(101), 3, 10, "above"))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("has more than 100 characters");
              assertThat(e.value()).hasSize(41);
            });
  }

  @Test
  void durations_and_instants_from_users_are_bounded() {
    assertThat(Require.atMost(Duration.ofDays(366), Require.MAX_DURATION, "over"))
        .isEqualTo(Duration.ofDays(366));
    assertThatThrownBy(() -> Require.atMost(Duration.ofDays(367), Require.MAX_DURATION, "over"))
        .hasMessage("over = 'PT8808H': must be at most 366 days");
    assertThat(Require.instant(Require.LATEST_INSTANT, "at")).isEqualTo(Require.LATEST_INSTANT);
    assertThat(Require.instant(Require.EARLIEST_INSTANT, "at")).isEqualTo(Require.EARLIEST_INSTANT);
    assertThatThrownBy(() -> Require.instant(Require.LATEST_INSTANT.plusNanos(1), "at"))
        .hasMessage("at = '+10001-01-01T00:00:00Z': must lie between the years -10000 and 10000");
    assertThatThrownBy(() -> Require.instant(Instant.MIN, "at")).hasMessageStartingWith("at = ");
  }
}
