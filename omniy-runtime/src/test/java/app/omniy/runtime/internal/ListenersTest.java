package app.omniy.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.testkit.SamplePosts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenersTest {
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
    Listeners listeners = new Listeners(List.of(broken, recording));
    PostRecord r = PostRecord.scheduled(SamplePosts.image("p", "acct", T0));

    listeners.attemptStarted(r, Duration.ZERO);
    listeners.attemptEnded(r, OutcomeClass.SUCCESS);
    listeners.published(r, "m");
    listeners.commented(r, "m");
    listeners.commentSkipped(r, "why");
    listeners.failed(r, "why");
    listeners.missedWindow(r);
    listeners.deferred(r, T0, "why");
    listeners.needsReauth(r, "why");
    listeners.reauthWarning(r, T0);

    assertThat(recording.heard)
        .containsExactly(
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
  }
}
