package app.omniy.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InvalidValueExceptionTest {

  @Test
  void carries_field_value_and_reason_separately_for_callers_that_show_them() {
    var e = new InvalidValueException("publishAt", 42, "must be in the future");

    assertThat(e).isInstanceOf(OmniyException.class);
    assertThat(e.field()).isEqualTo("publishAt");
    assertThat(e.value()).isEqualTo("42");
    assertThat(e.reason()).isEqualTo("must be in the future");
    assertThat(e).hasMessage("publishAt = '42': must be in the future");
  }

  @Test
  void a_huge_decimal_is_kept_in_short_form_never_printed_in_full() {
    assertThat(new InvalidValueException("x", new BigDecimal("1e-999999999"), "r").value())
        .isEqualTo("1e-999999999");
    assertThat(new InvalidValueException("x", new BigDecimal("-1.5e999999999"), "r").value())
        .isEqualTo("-1.5e999999999");
    assertThat(new InvalidValueException("x", new BigDecimal("0.25"), "r").value())
        .isEqualTo("0.25");
    assertThat(new InvalidValueException("x", new BigDecimal("1E+3"), "r").value())
        .isEqualTo("1000");
  }

  @Test
  void a_long_value_is_cut_to_its_first_40_characters() {
    var e = new InvalidValueException("caption", "a".repeat(1_000_000), "is too long");

    assertThat(e.value()).isEqualTo("a".repeat(40) + "…");
    assertThat(e.getMessage()).hasSizeLessThan(80);
  }
}
