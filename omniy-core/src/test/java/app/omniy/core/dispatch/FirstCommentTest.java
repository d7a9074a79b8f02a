package app.omniy.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.testkit.ManualDispatcher;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.ScriptedPublisher.Operation;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first comment goes on the media publish returned, and is never guessed (POST-1, POST-7). */
class FirstCommentTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

  private final InMemoryPostStore store = new InMemoryPostStore();
  private final ScriptedPublisher publisher = new ScriptedPublisher();
  private final SettableClock clock = SettableClock.at(T0);
  private final List<String> events = new ArrayList<>();

  private ManualDispatcher dispatcher() {
    return ManualDispatcher.builder(store, publisher, clock)
        .settings(DispatchSettings.defaults("w1").withLeaseDuration(Duration.ofSeconds(60)))
        .listener(
            new DispatchListener() {
              @Override
              public void commented(PostRecord post, String mediaId) {
                events.add("commented " + post.id() + " " + mediaId);
              }

              @Override
              public void commentSkipped(PostRecord post, String reason) {
                events.add("skipped " + post.id() + ": " + reason);
              }
            })
        .build();
  }

  private void schedule(String id) {
    store.insert(
        DispatchFixtures.post(id, "acct", T0).toBuilder().firstComment("Open 9-18").build(), T0);
  }

  @Test
  void goes_on_the_media_that_publish_returned() {
    schedule("p1");

    dispatcher().runDue();

    String media = publisher.published().get(0).mediaId();
    assertThat(store.find("p1").orElseThrow().state()).isEqualTo(PostState.PUBLISHED);
    assertThat(publisher.comments()).containsExactly(media + ": Open 9-18");
    assertThat(events).containsExactly("commented p1 " + media);
  }

  @Test
  void is_skipped_and_reported_when_the_publish_answer_was_lost() {
    schedule("p1");
    publisher.loseNextPublishResponse();

    dispatcher().runDue();

    assertThat(store.find("p1").orElseThrow().state()).isEqualTo(PostState.PUBLISHED);
    assertThat(publisher.published()).hasSize(1);
    assertThat(publisher.comments()).isEmpty();
    assertThat(events).singleElement().asString().startsWith("skipped p1: the media id is unknown");
  }

  @Test
  void a_failing_comment_leaves_the_post_published() {
    schedule("p1");
    publisher.script(
        Operation.COMMENT, PublisherResult.failure(OutcomeClass.TRANSIENT, "2", "server error"));

    dispatcher().runDue();

    assertThat(store.find("p1").orElseThrow().state()).isEqualTo(PostState.PUBLISHED);
    assertThat(events).singleElement().asString().startsWith("skipped p1: comment: 2");
  }
}
