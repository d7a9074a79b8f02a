package app.omniy.core.post.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostRejectedException;
import app.omniy.core.post.PostState;
import app.omniy.core.post.PostValidator;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.ViolationCode;
import app.omniy.core.quota.QuotaForecast;
import app.omniy.core.quota.QuotaPolicy;
import app.omniy.core.quota.ScheduleQuotaMode;
import app.omniy.core.quota.SchedulingQuota;
import app.omniy.testkit.SamplePosts;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * POST-3 at scheduling time: {@code schedule} tells the host that the account's rolling 24 h around
 * the publish time is already full, with the next free slot, or refuses the post.
 */
class ScheduleQuotaFullTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
  private static final Instant DAY_ONE = T0.plus(Duration.ofHours(12));
  private static final SchedulingQuota LIMIT_3 =
      new SchedulingQuota(
          ScheduleQuotaMode.WARN,
          new QuotaPolicy(3, 400, Duration.ofHours(24)),
          Duration.ofDays(7));

  private final SettableClock clock = SettableClock.at(T0);
  private final InMemoryPostStore store = new InMemoryPostStore();
  private final ScriptedPublisher publisher = new ScriptedPublisher();

  private PostService service(SchedulingQuota quota) {
    return new PostService(store, publisher, PostValidator.withDefaults(), clock, quota);
  }

  private static Post post(String id, Instant at) {
    return SamplePosts.image(id, "acct", at);
  }

  @Test
  void a_post_into_a_day_with_a_free_slot_is_stored_without_warning() {
    PostService service = service(LIMIT_3);
    service.schedule(post("a", DAY_ONE));
    service.schedule(post("b", DAY_ONE.plusSeconds(60)));

    Scheduled third = service.scheduleWithWarnings(post("c", DAY_ONE.plusSeconds(120)));

    assertThat(third.warnings()).isEmpty();
    assertThat(third.record().state()).isEqualTo(PostState.SCHEDULED);
  }

  @Test
  void a_post_into_a_full_day_is_stored_with_a_quota_full_warning_and_the_next_free_slot() {
    PostService service = service(LIMIT_3);
    for (int i = 0; i < 3; i++) {
      service.schedule(post("p" + i, DAY_ONE.plus(Duration.ofHours(i))));
    }

    Scheduled fourth = service.scheduleWithWarnings(post("p3", DAY_ONE.plus(Duration.ofHours(3))));

    assertThat(store.find("p3")).isPresent();
    ScheduleWarning warning = fourth.warning(ScheduleWarning.Code.QUOTA_FULL).orElseThrow();
    // The first post's slot frees a day after it: DAY_ONE + 24 h.
    assertThat(warning.next()).contains(DAY_ONE.plus(Duration.ofHours(24)));
    assertThat(warning.message())
        .isEqualTo(
            "3 of 3 posts already in a rolling PT24H around 2026-04-01T15:00:00Z; next free slot"
                + " at 2026-04-02T12:00:00Z");
  }

  @Test
  void with_refusal_configured_the_post_is_rejected_naming_the_next_free_slot_and_not_stored() {
    PostService service = service(LIMIT_3.withMode(ScheduleQuotaMode.REFUSE));
    for (int i = 0; i < 3; i++) {
      service.schedule(post("p" + i, DAY_ONE.plus(Duration.ofHours(i))));
    }

    assertThatThrownBy(() -> service.schedule(post("p3", DAY_ONE.plus(Duration.ofHours(3)))))
        .isInstanceOf(PostRejectedException.class)
        .satisfies(
            e -> {
              var v = ((PostRejectedException) e).violations();
              assertThat(v).hasSize(1);
              assertThat(v.get(0).code()).isEqualTo(ViolationCode.QUOTA_FULL);
              assertThat(v.get(0).field()).isEqualTo("publishAt");
              assertThat(v.get(0).message()).endsWith("next free slot at 2026-04-02T12:00:00Z");
            });
    assertThat(store.find("p3")).isEmpty();
  }

  @Test
  void with_the_check_off_nothing_is_read_or_said() {
    PostService service = service(LIMIT_3.withMode(ScheduleQuotaMode.OFF));
    for (int i = 0; i < 4; i++) {
      assertThat(
              service
                  .scheduleWithWarnings(post("p" + i, DAY_ONE.plus(Duration.ofHours(i))))
                  .warnings())
          .isEmpty();
    }

    assertThat(store.findByAccount("acct", EnumSet.of(PostState.SCHEDULED))).hasSize(4);
    assertThat(publisher.publishLimitReads()).isZero();
  }

  @Test
  void the_default_warns_at_the_catalogues_50_posts() {
    PostService service = new PostService(store, publisher, PostValidator.withDefaults(), clock);
    for (int i = 0; i < 50; i++) {
      assertThat(
              service
                  .scheduleWithWarnings(post("p" + i, DAY_ONE.plus(Duration.ofMinutes(10L * i))))
                  .warnings())
          .isEmpty();
    }

    Scheduled fiftyFirst = service.scheduleWithWarnings(post("p50", DAY_ONE.plusSeconds(30)));

    assertThat(fiftyFirst.warning(ScheduleWarning.Code.QUOTA_FULL)).isPresent();
  }

  @Test
  void the_accounts_live_limit_is_used_and_read_at_most_once_an_hour() {
    publisher.publishLimit("acct", 1);
    PostService service = service(SchedulingQuota.DEFAULTS);
    service.schedule(post("a", DAY_ONE));

    Scheduled second = service.scheduleWithWarnings(post("b", DAY_ONE.plusSeconds(60)));

    assertThat(second.warning(ScheduleWarning.Code.QUOTA_FULL)).isPresent();
    assertThat(publisher.publishLimitReads()).isEqualTo(1);
  }

  @Test
  void published_posts_count_and_cancelled_ones_free_their_slot() {
    PostService service = service(LIMIT_3);
    for (int i = 0; i < 3; i++) {
      service.schedule(post("p" + i, DAY_ONE.plus(Duration.ofHours(i))));
    }
    service.cancel("p1");

    assertThat(service.quotaAt("acct", DAY_ONE.plus(Duration.ofHours(3))).fits()).isTrue();

    // p0 publishes: it counts at the instant it took its slot.
    clock.set(DAY_ONE);
    PostRecord claimed = store.claimDue(DAY_ONE, 1, "w", Duration.ofMinutes(1)).get(0);
    PostRecord publishing =
        store.recordTransition(
            claimed.token(), PostState.PUBLISHING, Reasons.ATTEMPT_STARTED, DAY_ONE, DAY_ONE);
    store.finishAttempt(
        publishing.token(), PostState.PUBLISHED, Reasons.PUBLISHED, DAY_ONE, DAY_ONE);
    service.schedule(post("p4", DAY_ONE.plus(Duration.ofHours(4))));

    QuotaForecast full = service.quotaAt("acct", DAY_ONE.plus(Duration.ofHours(5)));
    assertThat(full.fits()).isFalse();
    assertThat(full.next()).contains(DAY_ONE.plus(Duration.ofHours(24)));
  }

  @Test
  void an_account_with_a_month_of_twice_its_limit_hears_of_it_on_every_post_beyond_the_limit() {
    // POST-3's incident: 100 posts a day on a 50-post limit, scheduled in order.
    PostService service = new PostService(store, publisher, PostValidator.withDefaults(), clock);
    int warned = 0;
    for (int i = 0; i < 300; i++) {
      Instant at = DAY_ONE.plus(Duration.ofSeconds(864L * i));
      warned += service.scheduleWithWarnings(post("m" + i, at)).warnings().size();
    }

    // The first 50 fit; each later post lands in a 24 h already holding 50 or more.
    assertThat(warned).isEqualTo(250);
    assertThat(store.findByAccount("acct", EnumSet.of(PostState.SCHEDULED))).hasSize(300);
  }
}
