package app.omniy.core.post;

import static app.omniy.core.post.Posts.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** POST-4's state machine: every allowed move, and everything else refused naming from and to. */
class PostStateTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "SCHEDULED, SCHEDULED",
    "SCHEDULED, PUBLISHING",
    "SCHEDULED, CANCELLED",
    "SCHEDULED, FAILED",
    "SCHEDULED, NEEDS_REAUTH",
    "PUBLISHING, PUBLISHED",
    "PUBLISHING, RETRY_WAIT",
    "PUBLISHING, FAILED",
    "PUBLISHING, NEEDS_REAUTH",
    "PUBLISHING, SCHEDULED",
    "RETRY_WAIT, RETRY_WAIT",
    "RETRY_WAIT, PUBLISHING",
    "RETRY_WAIT, SCHEDULED",
    "RETRY_WAIT, CANCELLED",
    "RETRY_WAIT, FAILED",
    "RETRY_WAIT, NEEDS_REAUTH",
    "NEEDS_REAUTH, NEEDS_REAUTH",
    "NEEDS_REAUTH, SCHEDULED",
    "NEEDS_REAUTH, CANCELLED",
    "NEEDS_REAUTH, FAILED",
    "FAILED, SCHEDULED",
    "FAILED, PUBLISHED"
  })
  void each_allowed_move_is_recorded_with_time_states_reason_and_attempt(
      PostState from, PostState to) {
    PostRecord r = at(from);

    PostRecord moved = r.moved(to, "WHY: because", NOW.plusSeconds(5), NOW);

    assertThat(moved.state()).isEqualTo(to);
    assertThat(moved.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
    Transition last = moved.lastTransition().orElseThrow();
    assertThat(last).isEqualTo(new Transition(NOW, from, to, "WHY: because", moved.attempt()));
    assertThat(last.reasonCode()).isEqualTo("WHY");
    assertThat(moved.attempt()).isEqualTo(to == PostState.PUBLISHING ? 1 : 0);
  }

  @ParameterizedTest
  @EnumSource(PostState.class)
  void every_move_not_listed_is_refused_naming_both_states(PostState from) {
    Set<PostState> refused = EnumSet.complementOf(EnumSet.copyOf(allowedOrNone(from)));
    for (PostState to : refused) {
      assertThatThrownBy(() -> at(from).moved(to, "x", NOW, NOW))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining(from + " → " + to)
          .satisfies(
              e -> {
                assertThat(((IllegalTransitionException) e).from()).isEqualTo(from);
                assertThat(((IllegalTransitionException) e).to()).isEqualTo(to);
              });
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = PostState.class,
      names = {"PUBLISHED", "CANCELLED"})
  void published_and_cancelled_are_final(PostState end) {
    assertThat(end.next()).isEmpty();
    assertThat(end.isFinal()).isTrue();
  }

  private static Set<PostState> allowedOrNone(PostState from) {
    Set<PostState> allowed = from.next();
    return allowed.isEmpty() ? EnumSet.noneOf(PostState.class) : allowed;
  }

  private static PostRecord at(PostState state) {
    PostRecord r = PostRecord.scheduled(Posts.image().build());
    return new PostRecord(r.post(), state, 1, 0, r.nextAttemptAt(), null, null, r.history());
  }
}
