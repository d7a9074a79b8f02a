package app.omniy.core.retry;

import static app.omniy.core.post.Posts.IN_ONE_HOUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Posts;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.Transition;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.sla.PostSuccessRate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * POST-9: media Instagram cannot fetch from the user's URL (9004 / 2207052) is retried once, then
 * fails as the user's doing, which the success rate excludes.
 */
class MediaUnfetchableTest {
  private static final String ANSWER =
      "9004/2207052 Graph API error 9004/2207052 (OAuthException, HTTP 400): Only photo or video"
          + " can be accepted as media type.";

  private final RetryPolicy policy = RetryPolicy.DEFAULTS;

  /** A post in PUBLISHING at attempt {@code attempt}, whose earlier attempts ended as given. */
  private static PostRecord attempt(int attempt, String... earlierEndings) {
    PostRecord r = PostRecord.scheduled(Posts.image().build());
    List<Transition> history = new ArrayList<>(r.history());
    Instant at = IN_ONE_HOUR;
    for (int n = 1; n < attempt; n++) {
      history.add(
          new Transition(at, PostState.RETRY_WAIT, PostState.PUBLISHING, "ATTEMPT_STARTED", n));
      history.add(
          new Transition(at, PostState.PUBLISHING, PostState.RETRY_WAIT, earlierEndings[n - 1], n));
    }
    history.add(
        new Transition(at, PostState.RETRY_WAIT, PostState.PUBLISHING, "ATTEMPT_STARTED", attempt));
    return new PostRecord(
        r.post(), PostState.PUBLISHING, 2L * attempt, attempt, IN_ONE_HOUR, null, null, history);
  }

  private RetryDecision unfetchable(RetryPolicy p, PostRecord r, Instant now) {
    return p.decide(r, OutcomeClass.MEDIA_UNFETCHABLE, ANSWER, null, now, new SplittableRandom(3));
  }

  @Test
  void the_first_media_fetch_failure_is_retried_after_a_backoff() {
    RetryDecision d = unfetchable(policy, attempt(1), IN_ONE_HOUR);

    assertThat(d.state()).isEqualTo(PostState.RETRY_WAIT);
    assertThat(d.nextAttemptAt()).isBetween(IN_ONE_HOUR, IN_ONE_HOUR.plus(policy.ceiling(1)));
    assertThat(d.reason()).startsWith("MEDIA_UNFETCHABLE: 9004/2207052");
  }

  @Test
  void the_second_media_fetch_failure_fails_the_post_as_the_users_with_advice() {
    RetryDecision d = unfetchable(policy, attempt(2, "MEDIA_UNFETCHABLE: " + ANSWER), IN_ONE_HOUR);

    assertThat(d.state()).isEqualTo(PostState.FAILED);
    assertThat(d.reason())
        .isEqualTo(
            Reasons.MEDIA_UNFETCHABLE
                + ": "
                + RetryPolicy.MEDIA_UNFETCHABLE_ADVICE
                + " Last answer: "
                + ANSWER);
  }

  @Test
  void other_failures_before_do_not_use_up_the_media_fetch_retry() {
    RetryDecision d =
        unfetchable(policy, attempt(3, "TRANSIENT: 2207001", "TRANSIENT: 2207001"), IN_ONE_HOUR);

    assertThat(d.state()).isEqualTo(PostState.RETRY_WAIT);
  }

  @Test
  void a_retry_that_would_land_after_the_window_fails_as_unfetchable_not_as_missed() {
    // 59 min 50 s after the publish time: any backoff above 10 s lands after the 60-minute grace.
    Instant late = IN_ONE_HOUR.plus(Duration.ofMinutes(59)).plusSeconds(50);
    RetryPolicy slow = policy.withMediaFetchRetries(3);
    PostRecord third = attempt(3, "MEDIA_UNFETCHABLE: " + ANSWER, "MEDIA_UNFETCHABLE: " + ANSWER);

    RetryDecision d = unfetchable(slow, third, late);

    assertThat(d.state()).isEqualTo(PostState.FAILED);
    assertThat(d.reason()).startsWith(Reasons.MEDIA_UNFETCHABLE + ": ");
  }

  @Test
  void with_no_retries_the_first_media_fetch_failure_is_final() {
    RetryDecision d = unfetchable(policy.withMediaFetchRetries(0), attempt(1), IN_ONE_HOUR);

    assertThat(d.state()).isEqualTo(PostState.FAILED);
    assertThat(d.reason()).startsWith(Reasons.MEDIA_UNFETCHABLE);
  }

  @Test
  void a_transient_failure_after_the_media_fetch_retry_still_counts_against_us_when_exhausted() {
    PostRecord fifth =
        attempt(
            5,
            "MEDIA_UNFETCHABLE: " + ANSWER,
            "TRANSIENT: 2207001",
            "TRANSIENT: 2207001",
            "TRANSIENT: 2207001");

    RetryDecision d =
        policy.decide(
            fifth, OutcomeClass.TRANSIENT, "2207001", null, IN_ONE_HOUR, new SplittableRandom(1));

    assertThat(d.reason()).startsWith(Reasons.RETRIES_EXHAUSTED);
  }

  @Test
  void the_success_rate_excludes_a_post_whose_media_could_not_be_fetched() {
    PostRecord r = attempt(2, "MEDIA_UNFETCHABLE: " + ANSWER);
    RetryDecision d = unfetchable(policy, r, IN_ONE_HOUR);
    PostRecord failed = r.moved(d.state(), d.reason(), d.nextAttemptAt(), IN_ONE_HOUR);

    PostSuccessRate rate = PostSuccessRate.EMPTY.plus(failed);

    assertThat(rate).isEqualTo(new PostSuccessRate(0, 0, 1));
    assertThat(rate.met()).isTrue();
    assertThat(Reasons.isUserCausedFailure(Reasons.MEDIA_UNFETCHABLE)).isTrue();
    assertThat(Reasons.isUserCausedFailure(Reasons.RETRIES_EXHAUSTED)).isFalse();
  }

  @Test
  void a_negative_number_of_media_fetch_retries_is_refused() {
    assertThatThrownBy(() -> policy.withMediaFetchRetries(-1))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("mediaFetchRetries");
  }

  @Test
  void the_six_argument_constructor_keeps_the_default_of_one_retry() {
    RetryPolicy p =
        new RetryPolicy(
            policy.baseDelay(),
            policy.maxDelay(),
            policy.maxAttempts(),
            policy.missedWindowGrace(),
            policy.graceByAccount(),
            policy.quotaRecheck());

    assertThat(p.mediaFetchRetries()).isEqualTo(1);
    assertThat(p.withGrace("acct", Duration.ofMinutes(5)).mediaFetchRetries()).isEqualTo(1);
  }
}
