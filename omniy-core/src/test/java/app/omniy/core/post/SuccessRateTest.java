package app.omniy.core.post;

import static app.omniy.core.post.Posts.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST-9: published / (published + failed), exactly, with the user's own doing apart. */
class SuccessRateTest {

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

    SuccessRate rate = SuccessRate.of(records);

    assertThat(rate).isEqualTo(new SuccessRate(2, 2, 1, 1, 1));
    assertThat(rate.fraction()).isEqualTo("2/4");
    assertThat(rate.excluded()).isEqualTo(3);
    assertThat(rate.percent(2)).contains(new BigDecimal("50.00"));
  }

  @Test
  void the_target_is_compared_exactly_at_its_boundary() {
    assertThat(new SuccessRate(995, 5, 0, 0, 0).meets(new BigDecimal("99.5"))).isTrue();
    assertThat(new SuccessRate(994, 6, 0, 0, 0).meets(new BigDecimal("99.5"))).isFalse();
    // 1990/2000 = 99.5% exactly; 19899/20000 = 99.495% rounds to 99.50 at two places but misses
    assertThat(new SuccessRate(19_899, 101, 0, 0, 0).meets(new BigDecimal("99.5"))).isFalse();
    assertThat(new SuccessRate(19_899, 101, 0, 0, 0).percent(2)).contains(new BigDecimal("99.50"));
  }

  @Test
  void excluded_outcomes_do_not_change_the_rate() {
    List<PostRecord> records = new ArrayList<>();
    for (int i = 0; i < 199; i++) {
      records.add(ended(PostState.PUBLISHED, Reasons.PUBLISHED));
    }
    records.add(ended(PostState.FAILED, Reasons.MISSED_WINDOW));
    SuccessRate before = SuccessRate.of(records);
    records.add(ended(PostState.FAILED, "USER_CAUSED: restricted"));
    records.add(ended(PostState.CANCELLED, Reasons.CANCELLED));

    SuccessRate after = SuccessRate.of(records);

    assertThat(after.fraction()).isEqualTo(before.fraction()).isEqualTo("199/200");
    assertThat(after.meets(new BigDecimal("99.5"))).isTrue();
    assertThat(after.excluded()).isEqualTo(2);
  }

  @Test
  void with_no_outcomes_there_is_no_rate_and_nothing_missed() {
    assertThat(SuccessRate.EMPTY.percent(2)).isEmpty();
    assertThat(SuccessRate.EMPTY.meets(new BigDecimal("99.5"))).isTrue();
  }
}
