package app.omniy.core.retry;

import static app.omniy.core.post.Posts.IN_ONE_HOUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Posts;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.Transition;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST-5's durable retry level and POST-6's missed window. */
class RetryPolicyTest {
  private final RetryPolicy policy = RetryPolicy.DEFAULTS;

  /** A post due in one hour, at attempt {@code attempt}, in PUBLISHING. */
  private static PostRecord attempt(int attempt) {
    PostRecord r = PostRecord.scheduled(Posts.image().build());
    return new PostRecord(
        r.post(), PostState.PUBLISHING, 3, attempt, IN_ONE_HOUR, null, null, r.history());
  }

  @ParameterizedTest(name = "after attempt {0} the ceiling is {1}")
  @CsvSource({"1, PT30S", "2, PT1M", "3, PT2M", "5, PT8M", "6, PT15M", "60, PT15M", "1000, PT15M"})
  void the_backoff_ceiling_doubles_and_is_capped(int attempt, Duration ceiling) {
    assertThat(policy.ceiling(attempt)).isEqualTo(ceiling);
  }

  @Test
  void full_jitter_stays_between_zero_and_the_ceiling_and_covers_the_range() {
    RandomGenerator random = new SplittableRandom(42);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 10_000; i++) {
      long ms = policy.backoff(3, random).toMillis();
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }

    assertThat(min).isBetween(0L, 1_200L);
    assertThat(max).isBetween(118_800L, 120_000L);
  }

  @Test
  void the_same_seed_gives_the_same_schedule() {
    Instant now = IN_ONE_HOUR;
    RetryDecision a =
        policy.decide(attempt(2), OutcomeClass.TRANSIENT, "x", null, now, new SplittableRandom(7));
    RetryDecision b =
        policy.decide(attempt(2), OutcomeClass.TRANSIENT, "x", null, now, new SplittableRandom(7));

    assertThat(a).isEqualTo(b);
    assertThat(a.state()).isEqualTo(PostState.RETRY_WAIT);
    assertThat(a.nextAttemptAt()).isBetween(now, now.plus(Duration.ofMinutes(1)));
    assertThat(a.reason()).isEqualTo("TRANSIENT: x");
  }

  @Test
  void transient_failures_end_after_the_last_attempt() {
    RetryDecision fourth =
        policy.decide(
            attempt(4),
            OutcomeClass.TRANSIENT,
            "2207001",
            null,
            IN_ONE_HOUR,
            new SplittableRandom(1));
    RetryDecision fifth =
        policy.decide(
            attempt(5),
            OutcomeClass.TRANSIENT,
            "2207001",
            null,
            IN_ONE_HOUR,
            new SplittableRandom(1));

    assertThat(fourth.state()).isEqualTo(PostState.RETRY_WAIT);
    assertThat(fifth.state()).isEqualTo(PostState.FAILED);
    assertThat(fifth.reason()).startsWith(Reasons.RETRIES_EXHAUSTED);
  }

  @Test
  void attempts_that_ended_rate_limited_or_not_ready_use_up_no_attempt_before_a_failure() {
    PostRecord r = PostRecord.scheduled(Posts.image().build());
    Instant at = IN_ONE_HOUR.minus(Duration.ofMinutes(30));
    List<Transition> history = new ArrayList<>(r.history());
    String[] endings = {
      "RATE_LIMITED: status 80002 too many calls",
      "RATE_LIMITED: reconcile usage held back",
      "NOT_READY: container c still processing",
      "TRANSIENT: publish 2 unexpected error"
    };
    for (int n = 1; n <= endings.length; n++) {
      history.add(
          new Transition(at, PostState.RETRY_WAIT, PostState.PUBLISHING, "ATTEMPT_STARTED", n));
      history.add(
          new Transition(at, PostState.PUBLISHING, PostState.RETRY_WAIT, endings[n - 1], n));
    }
    history.add(
        new Transition(at, PostState.RETRY_WAIT, PostState.PUBLISHING, "ATTEMPT_STARTED", 5));
    PostRecord fifth =
        new PostRecord(r.post(), PostState.PUBLISHING, 11, 5, IN_ONE_HOUR, "c", null, history);

    RetryDecision d =
        policy.decide(
            fifth, OutcomeClass.TRANSIENT, "no answer", null, IN_ONE_HOUR, new SplittableRandom(1));

    assertThat(RetryPolicy.countedAttempts(fifth)).as("two failures so far").isEqualTo(2);
    assertThat(d.state()).isEqualTo(PostState.RETRY_WAIT);
  }

  @Test
  void a_rate_limit_waits_as_long_as_the_api_says_and_never_exhausts_attempts() {
    RetryDecision d =
        policy.decide(
            attempt(9),
            PublisherResult.throttled(
                OutcomeClass.RATE_LIMITED, "4", "app limit", Duration.ofMinutes(7)),
            IN_ONE_HOUR,
            new SplittableRandom(1));

    assertThat(d.state()).isEqualTo(PostState.RETRY_WAIT);
    assertThat(d.nextAttemptAt()).isEqualTo(IN_ONE_HOUR.plus(Duration.ofMinutes(7)));
    assertThat(d.reason()).isEqualTo("RATE_LIMITED: 4 app limit");
  }

  @Test
  void a_container_still_processing_is_polled_again_without_using_up_attempts() {
    RetryDecision d =
        policy.decide(
            attempt(9),
            OutcomeClass.NOT_READY,
            "container c still processing",
            null,
            IN_ONE_HOUR,
            new SplittableRandom(1));

    assertThat(d.state()).isEqualTo(PostState.RETRY_WAIT);
    assertThat(d.nextAttemptAt()).isBetween(IN_ONE_HOUR, IN_ONE_HOUR.plus(Duration.ofMinutes(15)));
    assertThat(d.reason()).startsWith("NOT_READY");
  }

  @Test
  void a_quota_error_defers_the_post_as_scheduled() {
    RetryDecision stated =
        policy.decide(
            attempt(1),
            PublisherResult.throttled(OutcomeClass.QUOTA, "9", "limit", Duration.ofMinutes(20)),
            IN_ONE_HOUR,
            new SplittableRandom(1));
    RetryDecision unstated =
        policy.decide(
            attempt(1), OutcomeClass.QUOTA, "limit", null, IN_ONE_HOUR, new SplittableRandom(1));

    assertThat(stated.state()).isEqualTo(PostState.SCHEDULED);
    assertThat(stated.nextAttemptAt()).isEqualTo(IN_ONE_HOUR.plus(Duration.ofMinutes(20)));
    assertThat(stated.reason()).startsWith(Reasons.QUOTA_DEFERRED);
    assertThat(unstated.nextAttemptAt()).isEqualTo(IN_ONE_HOUR.plus(policy.quotaRecheck()));
  }

  @Test
  void an_expired_container_is_retried_with_a_new_one() {
    PostRecord withContainer = attempt(1).withContainer("c-17");
    RetryDecision d =
        policy.decide(
            withContainer,
            OutcomeClass.NEW_CONTAINER,
            "2207020",
            null,
            IN_ONE_HOUR,
            new SplittableRandom(1));
    PostRecord next = withContainer.moved(d.state(), d.reason(), d.nextAttemptAt(), IN_ONE_HOUR);

    assertThat(d.state()).isEqualTo(PostState.RETRY_WAIT);
    assertThat(d.nextAttemptAt()).isBetween(IN_ONE_HOUR, IN_ONE_HOUR.plus(policy.ceiling(1)));
    assertThat(d.reason()).isEqualTo("NEW_CONTAINER: 2207020");
    // The old container stays recorded: the next attempt reconciles it first (POST-7), learns that
    // it expired and only then creates a new one.
    assertThat(next.lastTransition().orElseThrow().reasonCode())
        .isEqualTo(OutcomeClass.NEW_CONTAINER.name());
    assertThat(next.containerId()).isEqualTo("c-17");
  }

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource({
    "AUTH, NEEDS_REAUTH, NEEDS_REAUTH",
    "PERMANENT, FAILED, PERMANENT_ERROR",
    "USER_CAUSED, FAILED, USER_CAUSED",
    "SUCCESS, PUBLISHED, PUBLISHED"
  })
  void outcomes_that_retrying_cannot_fix_end_at_once(
      OutcomeClass outcome, PostState state, String reasonCode) {
    RetryDecision d =
        policy.decide(attempt(1), outcome, "detail", null, IN_ONE_HOUR, new SplittableRandom(1));

    assertThat(d.state()).isEqualTo(state);
    assertThat(d.nextAttemptAt()).isEqualTo(IN_ONE_HOUR);
    assertThat(d.reason()).startsWith(reasonCode);
  }

  @Test
  void a_retry_that_would_land_after_the_grace_fails_with_missed_window() {
    Instant late = IN_ONE_HOUR.plus(Duration.ofMinutes(59));
    RetryDecision d =
        policy.decide(
            attempt(1),
            PublisherResult.throttled(
                OutcomeClass.RATE_LIMITED, "4", "wait", Duration.ofMinutes(2)),
            late,
            new SplittableRandom(1));

    assertThat(d.state()).isEqualTo(PostState.FAILED);
    assertThat(d.reason()).startsWith(Reasons.MISSED_WINDOW);
  }

  @Test
  void the_window_ends_exactly_at_the_grace_and_is_configurable_per_account() {
    Post post = Posts.image().build();
    Instant end = IN_ONE_HOUR.plus(Duration.ofMinutes(60));

    assertThat(policy.missedWindow(post, end)).isFalse();
    assertThat(policy.missedWindow(post, end.plusNanos(1))).isTrue();
    RetryPolicy lenient = policy.withGrace("acct", Duration.ofHours(3));
    assertThat(lenient.missedWindow(post, end.plusNanos(1))).isFalse();
    assertThat(lenient.graceFor("other")).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void configuration_is_checked() {
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(1),
                    3,
                    Duration.ZERO,
                    Map.of(),
                    Duration.ofMinutes(1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("maxDelay");
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(1),
                    0,
                    Duration.ZERO,
                    Map.of(),
                    Duration.ofMinutes(1)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("maxAttempts");
    assertThatThrownBy(
            () -> policy.decide(attempt(1), OutcomeClass.TRANSIENT, "x", null, IN_ONE_HOUR, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("random");
  }
}
