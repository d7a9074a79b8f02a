package app.omniy.core.sla;

import static app.omniy.core.post.Posts.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Posts;
import app.omniy.core.post.Reasons;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * POST-9 and SLA-3: published / (published + failed against us), exactly, with the user's own doing
 * apart.
 */
class PostSuccessRateTest {

  private static PostRecord ended(PostState state, String reason) {
    PostRecord r = PostRecord.scheduled(Posts.image().build());
    PostRecord publishing =
        new PostRecord(r.post(), PostState.PUBLISHING, 1, 1, NOW, null, null, List.of());
    return state == PostState.CANCELLED
        ? r.moved(state, reason, NOW, NOW)
        : publishing.moved(state, reason, NOW, NOW);
  }

  @Test
  void outcomes_are_sorted_into_counted_and_excluded() {
    List<PostRecord> records =
        List.of(
            ended(PostState.PUBLISHED, Reasons.PUBLISHED),
            ended(PostState.PUBLISHED, Reasons.PUBLISHED),
            ended(PostState.FAILED, Reasons.MISSED_WINDOW),
            ended(PostState.FAILED, "RETRIES_EXHAUSTED: TRANSIENT 2207001"),
            ended(PostState.FAILED, "USER_CAUSED: 2207026 video format"),
            ended(PostState.NEEDS_REAUTH, Reasons.NEEDS_REAUTH),
            ended(PostState.CANCELLED, Reasons.CANCELLED),
            PostRecord.scheduled(Posts.image().build()));

    PostSuccessRate rate = PostSuccessRate.of(records);

    assertThat(rate).isEqualTo(new PostSuccessRate(2, 2, 3));
    assertThat(rate.fraction()).isEqualTo("2/4");
    assertThat(rate.excludedUserCaused()).isEqualTo(3);
    assertThat(rate.percent(2)).contains(new BigDecimal("50.00"));
  }

  @Test
  void each_kind_of_the_users_own_doing_is_excluded_and_every_other_failure_counts() {
    PostSuccessRate oneExcluded = new PostSuccessRate(0, 0, 1);
    PostSuccessRate oneFailed = new PostSuccessRate(0, 1, 0);

    assertThat(PostSuccessRate.EMPTY.plus(ended(PostState.CANCELLED, Reasons.CANCELLED)))
        .isEqualTo(oneExcluded);
    assertThat(PostSuccessRate.EMPTY.plus(ended(PostState.FAILED, "USER_CAUSED: restricted")))
        .isEqualTo(oneExcluded);
    assertThat(PostSuccessRate.EMPTY.plus(ended(PostState.NEEDS_REAUTH, Reasons.NEEDS_REAUTH)))
        .isEqualTo(oneExcluded);
    assertThat(PostSuccessRate.EMPTY.plus(ended(PostState.FAILED, Reasons.MISSED_WINDOW)))
        .isEqualTo(oneFailed);
    assertThat(PostSuccessRate.EMPTY.plus(ended(PostState.FAILED, "PERMANENT_ERROR: 100")))
        .isEqualTo(oneFailed);
    assertThat(PostSuccessRate.EMPTY.plus(PostRecord.scheduled(Posts.image().build())))
        .isEqualTo(PostSuccessRate.EMPTY);
  }

  @Test
  void exactly_99_5_percent_is_met_and_user_caused_failures_do_not_count() {
    assertThat(new PostSuccessRate(995, 5, 1_000).met()).isTrue();
    assertThat(new PostSuccessRate(995, 5, 1_000).rate()).isEqualTo(ExactRatio.of(995, 1_000));
    assertThat(new PostSuccessRate(994, 6, 0).met()).isFalse();
  }

  @Test
  void the_target_is_compared_exactly_at_its_boundary() {
    assertThat(new PostSuccessRate(995, 5, 0).meets(new BigDecimal("99.5"))).isTrue();
    assertThat(new PostSuccessRate(994, 6, 0).meets(new BigDecimal("99.5"))).isFalse();
    // 1990/2000 = 99.5% exactly; 19899/20000 = 99.495% rounds to 99.50 at two places but misses
    assertThat(new PostSuccessRate(19_899, 101, 0).meets(new BigDecimal("99.5"))).isFalse();
    assertThat(new PostSuccessRate(19_899, 101, 0).met()).isFalse();
    assertThat(new PostSuccessRate(19_899, 101, 0).percent(2)).contains(new BigDecimal("99.50"));
  }

  @Test
  void excluded_outcomes_do_not_change_the_rate() {
    List<PostRecord> records = new ArrayList<>();
    for (int i = 0; i < 199; i++) {
      records.add(ended(PostState.PUBLISHED, Reasons.PUBLISHED));
    }
    records.add(ended(PostState.FAILED, Reasons.MISSED_WINDOW));
    PostSuccessRate before = PostSuccessRate.of(records);
    records.add(ended(PostState.FAILED, "USER_CAUSED: restricted"));
    records.add(ended(PostState.CANCELLED, Reasons.CANCELLED));

    PostSuccessRate after = PostSuccessRate.of(records);

    assertThat(after.fraction()).isEqualTo(before.fraction()).isEqualTo("199/200");
    assertThat(after.meets(new BigDecimal("99.5"))).isTrue();
    assertThat(after.excludedUserCaused()).isEqualTo(2);
  }

  @Test
  void with_no_outcomes_there_is_no_rate_and_nothing_missed() {
    assertThat(PostSuccessRate.EMPTY.percent(2)).isEmpty();
    assertThat(PostSuccessRate.EMPTY.meets(new BigDecimal("99.5"))).isTrue();
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
