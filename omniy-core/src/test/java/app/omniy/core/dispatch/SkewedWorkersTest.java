package app.omniy.core.dispatch;

import static app.omniy.core.dispatch.DispatchFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import app.omniy.testkit.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Two workers on one store whose clocks disagree, one of them in calls that overrun their timeout:
 * no container is ever published twice with the default settings (POST-7, POST-8).
 *
 * <p>Worker A's calls take time on a shared "real" clock, in half-second steps; at every step
 * worker B, whose clock is skewed from A's, runs its loop (recover expired leases, claim, process)
 * as a concurrent worker would. A's publish lands at the very end of its call, the worst case: a
 * reconciliation during the call finds the container not yet published. Before the lease rules took
 * the publish duration and the skew into account (a 60 s lease renewed only when less than half was
 * left, against a 30 s timeout), a publish that started with 30–35 s of lease left was published a
 * second time by B with B's clock 1–5 s ahead, or with a call 0.5 s over its timeout.
 */
class SkewedWorkersTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

  /** The publisher's request timeout: what it declares as its longest publish. */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final Duration STEP = Duration.ofMillis(500);

  /** Instagram, as the workers share it: each container's status and how often it went out. */
  private static final class Platform {
    final Map<String, ContainerStatus> containers = new HashMap<>();
    final Map<String, Integer> publishes = new HashMap<>();
    int next;

    String create() {
      String id = "c" + ++next;
      containers.put(id, ContainerStatus.FINISHED);
      return id;
    }

    void land(String container) {
      publishes.merge(container, 1, Integer::sum);
      containers.put(container, ContainerStatus.PUBLISHED);
    }

    List<String> publishedMoreThanOnce() {
      return publishes.entrySet().stream()
          .filter(e -> e.getValue() > 1)
          .map(e -> e.getKey())
          .toList();
    }
  }

  /**
   * One worker's view of the platform: its create and publish take {@code createTakes} and {@code
   * publishTakes} of the real clock, stepping it and running {@code meanwhile} at every step.
   */
  private static final class Worker implements Publisher {
    final Platform platform;
    final SettableClock real;
    final Duration createTakes;
    final Duration publishTakes;
    Runnable meanwhile = () -> {};

    Worker(Platform platform, SettableClock real, Duration createTakes, Duration publishTakes) {
      this.platform = platform;
      this.real = real;
      this.createTakes = createTakes;
      this.publishTakes = publishTakes;
    }

    private void take(Duration d) {
      for (Duration left = d; !left.isNegative() && !left.isZero(); left = left.minus(STEP)) {
        real.advance(left.compareTo(STEP) < 0 ? left : STEP);
        meanwhile.run();
      }
    }

    @Override
    public Optional<Duration> maxPublishDuration() {
      return Optional.of(TIMEOUT);
    }

    @Override
    public PublisherResult<String> createContainer(Post post, Instant now) {
      take(createTakes);
      return PublisherResult.success(platform.create());
    }

    @Override
    public PublisherResult<ContainerStatus> status(String a, String container, Instant now) {
      return PublisherResult.success(platform.containers.get(container));
    }

    @Override
    public PublisherResult<String> publish(String a, String container, Instant now) {
      take(publishTakes);
      platform.land(container); // the request reaches Instagram at the end of the call
      return PublisherResult.success("m-" + container);
    }

    @Override
    public PublisherResult<Reconciliation> reconcile(String a, String container, Instant now) {
      return PublisherResult.success(
          platform.containers.get(container) == ContainerStatus.PUBLISHED
              ? Reconciliation.PUBLISHED
              : Reconciliation.NOT_PUBLISHED);
    }
  }

  private static Dispatcher dispatcher(InMemoryPostStore store, Publisher publisher, String owner) {
    return new Dispatcher(
        store,
        publisher,
        DispatchSettings.defaults(owner),
        DispatchListener.NONE,
        new SplittableRandom(1));
  }

  /** One loop of a worker: recover, claim, process, all on its own clock. */
  private static void turn(Dispatcher worker, Clock clock) {
    worker.recoverExpired(clock.instant(), 10);
    for (PostRecord r : worker.claim(clock.instant(), 10)) {
      worker.process(r, clock);
    }
  }

  /**
   * Worker A attempts the post, its create taking {@code createTakes}, its publish the timeout plus
   * {@code overrun}, while B (clock {@code skew} ahead of A's) runs concurrently.
   *
   * @return the containers published more than once, or how the post ended if not published
   */
  private static List<String> race(Duration skew, Duration overrun, Duration createTakes) {
    SettableClock real = SettableClock.at(T0);
    Clock clockB = Clock.offset(real, skew);
    Platform platform = new Platform();
    InMemoryPostStore store = new InMemoryPostStore();
    store.insert(post("p1", "acct", T0), T0);
    Worker slow = new Worker(platform, real, createTakes, TIMEOUT.plus(overrun));
    Dispatcher a = dispatcher(store, slow, "A");
    Dispatcher b = dispatcher(store, new Worker(platform, real, Duration.ZERO, Duration.ZERO), "B");
    slow.meanwhile = () -> turn(b, clockB);

    turn(a, real);
    for (int i = 0; i < 60 && store.find("p1").orElseThrow().state() != PostState.PUBLISHED; i++) {
      real.advance(Duration.ofSeconds(10));
      slow.meanwhile = () -> {};
      turn(b, clockB);
      turn(a, real);
    }
    List<String> wrong = new ArrayList<>(platform.publishedMoreThanOnce());
    PostRecord end = store.find("p1").orElseThrow();
    if (end.state() != PostState.PUBLISHED) {
      wrong.add("p1 ended " + end.state() + ": " + end.lastTransition().orElseThrow().reason());
    }
    return wrong;
  }

  @Test
  void no_container_is_published_twice_whatever_the_moment_a_slow_publish_starts() {
    List<String> duplicates = new ArrayList<>();
    // B's clock from 5 s behind to 5 s ahead of A's; A's publish up to 3 s over its timeout; A's
    // create from 0 s to 150 s (past the lease), so A's publish starts with every amount of lease
    // left.
    for (int skewSeconds : new int[] {-5, -1, 0, 1, 5}) {
      for (int overrunMillis : new int[] {0, 500, 3_000}) {
        for (int createMillis = 0; createMillis <= 150_000; createMillis += 2_500) {
          List<String> wrong =
              race(
                  Duration.ofSeconds(skewSeconds),
                  Duration.ofMillis(overrunMillis),
                  Duration.ofMillis(createMillis));
          if (!wrong.isEmpty()) {
            duplicates.add(
                "B "
                    + skewSeconds
                    + " s ahead, publish "
                    + overrunMillis
                    + " ms over, create "
                    + createMillis
                    + " ms: "
                    + wrong);
          }
        }
      }
    }

    assertThat(duplicates).isEmpty();
  }
}
