package app.omniy.core;

import static org.assertj.core.api.Assertions.assertThat;

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
}
