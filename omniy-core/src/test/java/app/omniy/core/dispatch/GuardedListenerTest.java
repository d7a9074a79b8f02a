package app.omniy.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.Posts;
import app.omniy.core.post.spi.OutcomeClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A host listener's bug never stops publishing, nor the listeners after it. */
class GuardedListenerTest {
  private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

  /** Records every callback it hears, by name. */
  static final class Recording implements DispatchListener {
    final List<String> heard = new ArrayList<>();

    @Override
    public void attemptStarted(PostRecord post, Duration lateness) {
      heard.add("attemptStarted");
    }

    @Override
    public void attemptEnded(PostRecord post, OutcomeClass outcome) {
      heard.add("attemptEnded");
    }

    @Override
    public void published(PostRecord post, String mediaId) {
      heard.add("published");
    }

    @Override
    public void commented(PostRecord post, String mediaId) {
      heard.add("commented");
    }

    @Override
    public void commentSkipped(PostRecord post, String reason) {
      heard.add("commentSkipped");
    }

    @Override
    public void failed(PostRecord post, String reason) {
      heard.add("failed");
    }

    @Override
    public void missedWindow(PostRecord post) {
      heard.add("missedWindow");
    }

    @Override
    public void deferred(PostRecord post, Instant until, String reason) {
      heard.add("deferred");
    }

    @Override
    public void needsReauth(PostRecord post, String reason) {
      heard.add("needsReauth");
    }

    @Override
    public void reauthWarning(PostRecord post, Instant publishAt) {
      heard.add("reauthWarning");
    }
  }

  /** Throws from every callback. */
  static final class Broken implements DispatchListener {
    private static final IllegalStateException BUG = new IllegalStateException("host bug");

    @Override
    public void attemptStarted(PostRecord post, Duration lateness) {
      throw BUG;
    }

    @Override
    public void attemptEnded(PostRecord post, OutcomeClass outcome) {
      throw BUG;
    }

    @Override
    public void published(PostRecord post, String mediaId) {
      throw BUG;
    }

    @Override
    public void commented(PostRecord post, String mediaId) {
      throw BUG;
    }

    @Override
    public void commentSkipped(PostRecord post, String reason) {
      throw BUG;
    }

    @Override
    public void failed(PostRecord post, String reason) {
      throw BUG;
    }

    @Override
    public void missedWindow(PostRecord post) {
      throw BUG;
    }

    @Override
    public void deferred(PostRecord post, Instant until, String reason) {
      throw BUG;
    }

    @Override
    public void needsReauth(PostRecord post, String reason) {
      throw BUG;
    }

    @Override
    public void reauthWarning(PostRecord post, Instant publishAt) {
      throw BUG;
    }
  }

  private static final List<String> EVERY_CALLBACK =
      List.of(
          "attemptStarted",
          "attemptEnded",
          "published",
          "commented",
          "commentSkipped",
          "failed",
          "missedWindow",
          "deferred",
          "needsReauth",
          "reauthWarning");

  private static void callEvery(DispatchListener listener) {
    PostRecord r = PostRecord.scheduled(Posts.image().build());
    listener.attemptStarted(r, Duration.ZERO);
    listener.attemptEnded(r, OutcomeClass.SUCCESS);
    listener.published(r, "m");
    listener.commented(r, "m");
    listener.commentSkipped(r, "why");
    listener.failed(r, "why");
    listener.missedWindow(r);
    listener.deferred(r, T0, "why");
    listener.needsReauth(r, "why");
    listener.reauthWarning(r, T0);
  }

  @Test
  void every_callback_reaches_every_listener_even_after_one_throws() {
    DispatchListener broken =
        new DispatchListener() {
          @Override
          public void published(PostRecord post, String mediaId) {
            throw new IllegalStateException("host bug");
          }

          @Override
          public void commented(PostRecord post, String mediaId) {
            throw new IllegalStateException("host bug");
          }
        };
    Recording recording = new Recording();
    List<String> failures = new ArrayList<>();
    GuardedListener listeners =
        new GuardedListener(
            List.of(broken, recording),
            (listener, callback, failure) -> failures.add(callback + ": " + failure.getMessage()));

    callEvery(listeners);

    assertThat(recording.heard).containsExactlyElementsOf(EVERY_CALLBACK);
    assertThat(failures).containsExactly("published: host bug", "commented: host bug");
  }

  @Test
  void the_dispatchers_guard_swallows_every_callbacks_exception() {
    DispatchListener guarded = GuardedListener.guard(new Broken());

    callEvery(guarded); // throws nothing

    Recording recording = new Recording();
    callEvery(GuardedListener.guard(recording));
    assertThat(recording.heard).containsExactlyElementsOf(EVERY_CALLBACK);
  }

  @Test
  void a_failure_handler_that_throws_stops_no_listener() {
    Recording recording = new Recording();
    GuardedListener listeners =
        new GuardedListener(
            List.of(new Broken(), recording),
            (listener, callback, failure) -> {
              throw new IllegalStateException("logging is down");
            });

    callEvery(listeners);

    assertThat(recording.heard).containsExactlyElementsOf(EVERY_CALLBACK);
  }

  @Test
  void a_runtimes_guard_is_used_as_it_is_not_wrapped_again() {
    GuardedListener runtimes =
        new GuardedListener(List.of(new Recording()), GuardedListener.FailureHandler.IGNORE);

    assertThat(GuardedListener.guard(runtimes)).isSameAs(runtimes);
  }

  @Test
  void a_missing_listener_is_rejected_naming_its_place() {
    assertThatThrownBy(
            () ->
                new GuardedListener(
                    Arrays.asList(new Recording(), null), GuardedListener.FailureHandler.IGNORE))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("listeners[1]"));
  }
}
