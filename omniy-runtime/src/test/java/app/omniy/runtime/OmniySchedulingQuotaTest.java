package app.omniy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.post.PostRejectedException;
import app.omniy.core.post.service.ScheduleWarning;
import app.omniy.core.quota.QuotaPolicy;
import app.omniy.core.quota.ScheduleQuotaMode;
import app.omniy.core.quota.SchedulingQuota;
import app.omniy.testkit.SamplePosts;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code Omniy.builder().schedulingQuota(…)}: what scheduling into a full day does (POST-3). */
class OmniySchedulingQuotaTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  private static final Instant NOON = T0.plus(Duration.ofHours(12));
  private static final SchedulingQuota LIMIT_2 =
      new SchedulingQuota(
          ScheduleQuotaMode.WARN,
          new QuotaPolicy(2, 400, Duration.ofHours(24)),
          Duration.ofDays(7));

  private final SettableClock clock = SettableClock.at(T0);

  private Omniy omniy(SchedulingQuota quota) {
    return Omniy.builder()
        .publisher(new ScriptedPublisher())
        .clock(clock)
        .schedulingQuota(quota)
        .start();
  }

  @Test
  void the_default_warns_with_the_next_free_slot_and_keeps_the_post() {
    try (Omniy omniy = omniy(LIMIT_2)) {
      omniy.posts().schedule(SamplePosts.image("a", "acct", NOON));
      omniy.posts().schedule(SamplePosts.image("b", "acct", NOON.plusSeconds(60)));

      var third = omniy.posts().scheduleWithWarnings(SamplePosts.image("c", "acct", NOON));

      assertThat(third.warning(ScheduleWarning.Code.QUOTA_FULL)).isPresent();
      assertThat(omniy.store().find("c")).isPresent();
    }
  }

  @Test
  void refuse_keeps_a_post_out_of_a_full_day() {
    try (Omniy omniy = omniy(LIMIT_2.withMode(ScheduleQuotaMode.REFUSE))) {
      omniy.posts().schedule(SamplePosts.image("a", "acct", NOON));
      omniy.posts().schedule(SamplePosts.image("b", "acct", NOON.plusSeconds(60)));

      assertThatThrownBy(
              () -> omniy.posts().scheduleWithWarnings(SamplePosts.image("c", "acct", NOON)))
          .isInstanceOf(PostRejectedException.class)
          .hasMessageContaining("QUOTA_FULL");
      assertThat(omniy.store().find("c")).isEmpty();
    }
  }
}
