package app.omniy.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Transition;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import app.omniy.core.post.spi.StatusPollAdvice;
import app.omniy.testkit.ManualDispatcher;
import app.omniy.testkit.SamplePosts;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A container still processing is polled on the publisher's cadence (the Instagram adapter's {@code
 * StatusPolling}), each poll a short attempt that holds no worker during the wait, and given up for
 * a new container when the cadence says so (POST-5, POST-7).
 */
class StatusPollingCadenceTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

  private final InMemoryPostStore store = new InMemoryPostStore();
  private final ScriptedPublisher scripted = new ScriptedPublisher().processingPolls(1_000);
  private final SettableClock clock = SettableClock.at(T0);
  private final List<String> polls = new ArrayList<>();

  /** 5 s doubling, giving up after 30 s in progress; records when each container was polled. */
  private final Publisher paced =
      new Publisher() {
        @Override
        public PublisherResult<String> createContainer(Post post, Instant now) {
          return scripted.createContainer(post, now);
        }

        @Override
        public PublisherResult<ContainerStatus> status(String account, String id, Instant now) {
          polls.add(id + " +" + Duration.between(T0, now).toSeconds() + "s");
          return scripted.status(account, id, now);
        }

        @Override
        public PublisherResult<String> publish(String account, String id, Instant now) {
          return scripted.publish(account, id, now);
        }

        @Override
        public PublisherResult<Reconciliation> reconcile(String account, String id, Instant now) {
          return scripted.reconcile(account, id, now);
        }

        @Override
        public Optional<StatusPollAdvice> statusPolling(int pollsSoFar, Duration inProgressFor) {
          if (inProgressFor.compareTo(Duration.ofSeconds(30)) >= 0) {
            return Optional.of(StatusPollAdvice.giveUp());
          }
          return Optional.of(StatusPollAdvice.after(Duration.ofSeconds(5L << (pollsSoFar - 1))));
        }
      };

  @Test
  void a_processing_container_is_polled_on_the_cadence_then_replaced_when_it_gives_up() {
    store.insert(SamplePosts.image("p", "acct", T0), T0.minusSeconds(3600));
    ManualDispatcher manual = ManualDispatcher.builder(store, paced, clock).seed(7).build();

    manual.tick(Duration.ofSeconds(36)); // polls at 0, 5, 15 and 35 s, then gives up
    scripted.processingPolls(0); // the next container is ready at once
    manual.tick(Duration.ofMinutes(2));

    PostRecord p = store.find("p").orElseThrow();
    String first = polls.get(0).split(" ")[0];
    assertThat(polls.subList(0, 4))
        .containsExactly(first + " +0s", first + " +5s", first + " +15s", first + " +35s");
    assertThat(p.state()).isEqualTo(PostState.PUBLISHED);
    assertThat(scripted.published()).hasSize(1);
    assertThat(scripted.published().get(0).containerId()).isNotEqualTo(first);
    assertThat(scripted.containersCreatedFor("p")).isEqualTo(2);
    assertThat(p.history())
        .extracting(Transition::reason)
        .filteredOn(r -> !r.startsWith("ATTEMPT_STARTED"))
        .startsWith(
            "NOT_READY: container " + first + " still processing (poll 1)",
            "NOT_READY: container " + first + " still processing (poll 2)",
            "NOT_READY: container " + first + " still processing (poll 3)",
            "NEW_CONTAINER: gave up polling container "
                + first
                + ", in progress for PT35S over 4 polls");
  }
}
