package app.omniy.runtime;

import static app.omniy.runtime.RuntimeFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.dispatch.spi.DispatchListener;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.spi.CircuitState;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.testkit.Await;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.ScriptedPublisher.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class OmniyTest {
  private static final Set<PostState> ALL = EnumSet.allOf(PostState.class);

  @Test
  void three_lines_start_a_runtime_that_publishes_due_posts_and_tells_the_host() {
    var publisher = new ScriptedPublisher();
    List<String> told = new CopyOnWriteArrayList<>();
    DispatchListener host =
        new DispatchListener() {
          @Override
          public void published(PostRecord post, String mediaId) {
            told.add(post.id() + " " + mediaId);
          }
        };
    Omniy omniy = Omniy.builder().publisher(publisher).listener(host).start();
    omniy.store().insert(post("p1", "acct", Instant.now()), Instant.now());

    Await.until("p1 is published", () -> told.size() == 1);
    omniy.close();

    assertThat(omniy.store().find("p1").orElseThrow().state()).isEqualTo(PostState.PUBLISHED);
    assertThat(told).containsExactly("p1 " + publisher.published().get(0).mediaId());
    assertThat(omniy.meterRegistry().counter(MetricNames.POSTS_PUBLISHED).count()).isEqualTo(1.0);
    assertThat(
            omniy
                .meterRegistry()
                .counter(MetricNames.POST_ATTEMPTS, MetricNames.TAG_OUTCOME, "success")
                .count())
        .isEqualTo(1.0);
    assertThat(omniy.meterRegistry().get(MetricNames.DISPATCH_LATENESS).timer().count())
        .isEqualTo(1);
  }

  @Test
  void graceful_shutdown_under_load_leaves_no_post_claimed_and_a_second_runtime_finishes() {
    var store = new InMemoryPostStore();
    var scripted = new ScriptedPublisher();
    // About 3 s of work for 4 threads: the shutdown below comes long before the last post.
    var slow = new RuntimeFixtures.SlowPublisher(scripted, Duration.ofMillis(20));
    Instant now = Instant.now();
    for (int i = 0; i < 600; i++) { // 30 per account, within the daily quota (POST-3)
      store.insert(post("p" + i, "acct-" + (i % 20), now), now);
    }

    Omniy first = Omniy.builder().store(store).publisher(slow).threads(4).start();
    Await.until("the first runtime published some", () -> scripted.published().size() >= 20);
    assertThat(first.shutdown(Duration.ofSeconds(20))).isTrue();

    List<PostRecord> afterFirst = all(store);
    assertThat(afterFirst).allSatisfy(r -> assertThat(r.lease()).isNull());
    assertThat(afterFirst).noneMatch(r -> r.state() == PostState.PUBLISHING);
    long left = afterFirst.stream().filter(r -> r.state() == PostState.SCHEDULED).count();
    assertThat(left).as("the first runtime stopped before draining everything").isPositive();
    assertThat(first.health().status()).isEqualTo(HealthStatus.DOWN);

    Omniy second = Omniy.builder().store(store).publisher(slow).threads(4).start();
    Await.until(
        "every post is published",
        () -> all(store).stream().allMatch(r -> r.state() == PostState.PUBLISHED));
    second.close();

    assertThat(scripted.published()).hasSize(600);
    assertThat(scripted.published().stream().map(m -> m.containerId()).distinct()).hasSize(600);
  }

  @Test
  void a_publisher_that_does_not_answer_makes_the_runtime_claim_less() {
    var publisher = new ScriptedPublisher();
    for (int i = 0; i < 40; i++) {
      publisher.script(
          Operation.CREATE,
          PublisherResult.failure(OutcomeClass.TRANSIENT, "no-answer", "circuit open"));
    }
    Instant now = Instant.now();
    Omniy omniy = Omniy.builder().publisher(publisher).threads(8).start();
    for (int i = 0; i < 20; i++) {
      omniy.store().insert(post("p" + i, "acct-" + i, now), now);
    }

    Await.until(
        "the claim limit fell to one",
        () -> omniy.meterRegistry().get(MetricNames.DISPATCH_CLAIM_LIMIT).gauge().value() == 1.0);
    HealthReport health = omniy.health();
    omniy.close();

    assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(health.toJson())
        .contains("\"name\":\"publisher\",\"status\":\"DEGRADED\"")
        .contains(" of 8 attempts allowed");
  }

  @Test
  void an_account_whose_publish_hangs_does_not_hold_up_other_accounts_posts() throws Exception {
    var scripted = new ScriptedPublisher();
    var unblock = new CountDownLatch(1);
    var publisher = new RuntimeFixtures.HangingAccount(scripted, "stuck", unblock);
    var store = new InMemoryPostStore();
    Instant now = Instant.now();
    store.insert(post("stuck-0", "stuck", now.minusSeconds(1)), now);
    for (int i = 0; i < 60; i++) {
      store.insert(post("p" + i, "acct-" + (i % 20), now), now);
    }
    Omniy omniy = Omniy.builder().store(store).publisher(publisher).threads(2).start();

    Await.until(
        "every other account's post is published while stuck-0 hangs",
        () -> all(store).stream().allMatch(r -> r.state() == PostState.PUBLISHED));
    assertThat(store.find("stuck-0").orElseThrow().state()).isEqualTo(PostState.PUBLISHING);
    unblock.countDown();
    Await.until(
        "stuck-0 is published",
        () -> store.find("stuck-0").orElseThrow().state() == PostState.PUBLISHED);
    omniy.close();

    assertThat(scripted.published()).hasSize(61);
  }

  @Test
  void an_account_whose_every_publish_hangs_holds_one_worker_however_many_of_its_posts_are_due()
      throws Exception {
    var scripted = new ScriptedPublisher();
    var unblock = new CountDownLatch(1);
    var publisher = new RuntimeFixtures.HangingAccount(scripted, "stuck", unblock);
    var store = new InMemoryPostStore();
    Instant now = Instant.now();
    for (int i = 0; i < 6; i++) {
      store.insert(post("stuck-" + i, "stuck", now.minusSeconds(1)), now);
    }
    for (int i = 0; i < 60; i++) {
      store.insert(post("p" + i, "acct-" + (i % 20), now), now);
    }
    // Four workers and six hanging posts: with one attempt per account at a time the stuck
    // account holds one worker (POST-10); otherwise it would hold all four and nothing else moves.
    Omniy omniy = Omniy.builder().store(store).publisher(publisher).threads(4).start();

    Await.until(
        "every other account's post is published while the stuck account hangs",
        () -> all(store).stream().allMatch(r -> r.state() == PostState.PUBLISHED));
    Await.until(
        "an attempt of the stuck account hangs",
        () ->
            store.findByAccount("stuck", ALL).stream()
                .anyMatch(r -> r.state() == PostState.PUBLISHING));
    Thread.sleep(200); // three idle workers, five due posts of the stuck account: none may start
    assertThat(store.findByAccount("stuck", ALL))
        .filteredOn(r -> r.state() == PostState.PUBLISHING)
        .as("attempts of the stuck account in flight")
        .hasSize(1);
    unblock.countDown();
    Await.until(
        "the stuck account's posts are published after it",
        () ->
            store.findByAccount("stuck", ALL).stream()
                .allMatch(r -> r.state() == PostState.PUBLISHED));
    omniy.close();

    assertThat(scripted.published()).hasSize(66);
  }

  @Test
  void health_reports_a_pause_and_renders_as_json() {
    Omniy omniy =
        Omniy.builder()
            .publisher(new ScriptedPublisher())
            .lastBackup(() -> Optional.of(Instant.now().minusSeconds(3600)))
            .start();
    assertThat(omniy.health().status()).isEqualTo(HealthStatus.UP);

    omniy.pause("INC-4: Instagram incident");
    HealthReport paused = omniy.health();
    omniy.close();

    assertThat(paused.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(paused.toJson())
        .startsWith("{\"status\":\"DEGRADED\",\"at\":\"")
        .contains(
            "{\"name\":\"publishing\",\"status\":\"DEGRADED\",\"detail\":\"paused: INC-4: Instagram incident\"}")
        .contains("{\"name\":\"store\",\"status\":\"UP\",\"detail\":\"reachable\"}");
    assertThat(omniy.meterRegistry().get(MetricNames.DISPATCH_PAUSED).gauge().value())
        .isEqualTo(1.0);
  }

  @Test
  void an_open_publisher_circuit_is_down_and_a_half_open_one_degraded() {
    ScriptedPublisher publisher = new ScriptedPublisher().circuit(CircuitState.CLOSED);
    Omniy omniy =
        Omniy.builder()
            .publisher(publisher)
            .lastBackup(() -> Optional.of(Instant.now().minusSeconds(3600)))
            .start();
    try {
      assertThat(check(omniy.health(), "publisher").status()).isEqualTo(HealthStatus.UP);

      publisher.circuit(CircuitState.OPEN);
      HealthReport open = omniy.health();
      publisher.circuit(CircuitState.HALF_OPEN);
      HealthReport halfOpen = omniy.health();

      assertThat(open.status()).isEqualTo(HealthStatus.DOWN);
      assertThat(check(open, "publisher").detail()).contains("circuit open");
      assertThat(check(halfOpen, "publisher").status()).isEqualTo(HealthStatus.DEGRADED);
    } finally {
      omniy.close();
    }
  }

  private static HealthCheck check(HealthReport report, String name) {
    return report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void the_builder_requires_a_publisher_and_rejects_bad_settings() {
    assertThatThrownBy(() -> Omniy.builder().start())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("publisher");
    assertThatThrownBy(() -> Omniy.builder().threads(0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("threads");
    assertThatThrownBy(() -> Omniy.builder().pollInterval(Duration.ZERO))
        .isInstanceOf(InvalidValueException.class);
  }

  private static List<PostRecord> all(InMemoryPostStore store) {
    return java.util.stream.IntStream.range(0, 20)
        .boxed()
        .flatMap(a -> store.findByAccount("acct-" + a, ALL).stream())
        .toList();
  }
}
