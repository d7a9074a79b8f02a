package app.omniy.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import org.junit.jupiter.api.Test;

/** SLA-3 from POST-9 counts. */
class PostSuccessRateTest {

  @Test
  void exactly_99_5_percent_is_met_and_user_caused_failures_do_not_count() {
    assertThat(new PostSuccessRate(995, 5, 1_000).met()).isTrue();
    assertThat(new PostSuccessRate(995, 5, 1_000).rate()).isEqualTo(ExactRatio.of(995, 1_000));
    assertThat(new PostSuccessRate(994, 6, 0).met()).isFalse();
  }

  @Test
  void a_month_with_no_counted_posts_is_met() {
    assertThat(new PostSuccessRate(0, 0, 3).met()).isTrue();
    assertThat(new PostSuccessRate(0, 0, 3).counted()).isZero();
  }

  @Test
  void negative_counts_are_rejected_naming_the_field() {
    assertThatThrownBy(() -> new PostSuccessRate(-1, 0, 0))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("published"));
  }
}
