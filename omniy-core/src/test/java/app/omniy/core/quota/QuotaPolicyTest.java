package app.omniy.core.quota;

import static app.omniy.core.post.Posts.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.post.Media;
import app.omniy.core.post.Posts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST-3: the rolling 24 h publishing quota and the 400-container limit. */
class QuotaPolicyTest {
  private final QuotaPolicy policy = QuotaPolicy.DEFAULTS;

  /** {@code n} publishes, one a minute, the newest {@code newestAgo} before now. */
  private static List<Instant> publishes(int n, Duration newestAgo) {
    List<Instant> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(NOW.minus(newestAgo).minus(Duration.ofMinutes(i)));
    }
    return out;
  }

  @Test
  void the_fiftieth_post_in_24_hours_may_go_and_the_fifty_first_is_deferred() {
    QuotaDecision fiftieth =
        policy.decide(new QuotaUsage(publishes(49, Duration.ofHours(1)), List.of(), null), 1, NOW);
    List<Instant> fifty = publishes(50, Duration.ofHours(1));
    QuotaDecision fiftyFirst = policy.decide(new QuotaUsage(fifty, List.of(), null), 1, NOW);

    assertThat(fiftieth.mayGoNow()).isTrue();
    assertThat(fiftieth.earliest()).isEqualTo(NOW);
    assertThat(fiftyFirst.mayGoNow()).isFalse();
    Instant oldest = NOW.minus(Duration.ofHours(1)).minus(Duration.ofMinutes(49));
    assertThat(fiftyFirst.earliest()).isEqualTo(oldest.plus(Duration.ofHours(24)));
    assertThat(fiftyFirst.reason()).contains("50 of 50 posts");
    assertThat(fiftyFirst.transitionReason()).startsWith("QUOTA_DEFERRED: ");
  }

  @Test
  void a_post_leaves_the_window_exactly_24_hours_after_it_was_published() {
    List<Instant> fifty = publishes(49, Duration.ofHours(1));
    Instant oldest = NOW.minus(Duration.ofHours(24));
    fifty.add(oldest.plusNanos(1));

    assertThat(policy.decide(new QuotaUsage(fifty, List.of(), null), 1, NOW).mayGoNow()).isFalse();
    fifty.set(49, oldest);
    assertThat(policy.decide(new QuotaUsage(fifty, List.of(), null), 1, NOW).mayGoNow()).isTrue();
  }

  @Test
  void the_live_quota_total_overrides_the_default() {
    QuotaUsage usage = new QuotaUsage(publishes(25, Duration.ofMinutes(5)), List.of(), 25);

    QuotaDecision decision = policy.decide(usage, 1, NOW);

    assertThat(decision.mayGoNow()).isFalse();
    assertThat(decision.reason()).contains("25 of 25");
    assertThat(
            policy
                .decide(
                    new QuotaUsage(publishes(25, Duration.ofMinutes(5)), List.of(), 100), 1, NOW)
                .mayGoNow())
        .isTrue();
  }

  @Test
  void a_lowered_live_quota_waits_for_enough_posts_to_leave() {
    List<Instant> ten = publishes(10, Duration.ofHours(1)); // newest first
    QuotaDecision decision = policy.decide(new QuotaUsage(ten, List.of(), 8), 1, NOW);

    // 10 used, 8 allowed: 3 must leave before one more fits; the third oldest is ten.get(7)
    assertThat(decision.earliest()).isEqualTo(ten.get(7).plus(Duration.ofHours(24)));
  }

  @Test
  void a_carousel_needs_all_its_containers_to_fit_under_400() {
    List<Instant> containers = publishes(390, Duration.ofMinutes(1));

    assertThat(policy.decide(new QuotaUsage(List.of(), containers, null), 10, NOW).mayGoNow())
        .isTrue();
    QuotaDecision eleven = policy.decide(new QuotaUsage(List.of(), containers, null), 11, NOW);
    assertThat(eleven.mayGoNow()).isFalse();
    assertThat(eleven.earliest()).isEqualTo(containers.get(389).plus(Duration.ofHours(24)));
    assertThat(eleven.reason()).contains("390 of 400 containers");
  }

  @Test
  void when_both_limits_bind_the_later_instant_wins_and_both_reasons_are_given() {
    QuotaUsage usage =
        new QuotaUsage(
            publishes(50, Duration.ofHours(20)), publishes(400, Duration.ofHours(1)), null);

    QuotaDecision decision = policy.decide(usage, 1, NOW);

    assertThat(decision.earliest())
        .isEqualTo(
            NOW.minus(Duration.ofHours(1))
                .minus(Duration.ofMinutes(399))
                .plus(Duration.ofHours(24)));
    assertThat(decision.reason()).contains("posts").contains("containers");
  }

  @Test
  void a_carousel_counts_its_items_and_itself_as_containers() {
    Media carousel = Media.carousel(List.of(Posts.jpeg(1080, 1080), Posts.jpeg(1080, 1080)));

    assertThat(carousel.containersNeeded()).isEqualTo(3);
    assertThat(Media.image(Posts.jpeg(1080, 1080)).containersNeeded()).isEqualTo(1);
  }

  @Test
  void bad_input_names_the_field() {
    assertThatThrownBy(() -> policy.decide(null, 1, NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("usage");
    assertThatThrownBy(() -> policy.decide(QuotaUsage.none(), 401, NOW))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("containersNeeded");
    assertThatThrownBy(() -> new QuotaUsage(java.util.Arrays.asList(NOW, null), List.of(), null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("publishedAt[1]");
    assertThatThrownBy(() -> new QuotaPolicy(50, 400, Duration.ofHours(-1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("window");
  }
}
