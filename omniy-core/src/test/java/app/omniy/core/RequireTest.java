package app.omniy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
}
