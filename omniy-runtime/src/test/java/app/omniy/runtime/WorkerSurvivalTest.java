package app.omniy.runtime;

import static app.omniy.runtime.RuntimeFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.Post;
import app.omniy.core.post.PostRecord;
import app.omniy.core.post.PostState;
import app.omniy.core.post.Reasons;
import app.omniy.core.post.spi.ContainerStatus;
import app.omniy.core.post.spi.Publisher;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.post.spi.Reconciliation;
import app.omniy.core.retry.RetryPolicy;
import app.omniy.testkit.Await;
import app.omniy.testkit.ScriptedPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A worker survives whatever an attempt throws short of the JVM failing; a worker thread that dies
 * anyway is replaced and the health report says so.
 */
class WorkerSurvivalTest {
  /** Quick retries, three attempts: the test sees a post retried and failed in milliseconds. */
  private static final RetryPolicy QUICK =
      new RetryPolicy(
          Duration.ofMillis(5),
          Duration.ofMillis(10),
          3,
          Duration.ofMinutes(60),
          Map.of(),
          Duration.ofMinutes(15));

  /** Delegates; a publish for account {@code bad} throws the error {@code error} gives, if any. */
  private record Throwing(Publisher delegate, String bad, Supplier<Throwable> error)
      implements Publisher {
    @Override
    public PublisherResult<String> createContainer(Post post, Instant now) {
      return delegate.createContainer(post, now);
    }

    @Override
    public PublisherResult<ContainerStatus> status(String a, String c, Instant now) {
      return delegate.status(a, c, now);
    }

    @Override
    public PublisherResult<String> publish(String accountId, String containerId, Instant now) {
      if (accountId.equals(bad)) {
        Throwable t = error.get();
        if (t instanceof Error e) {
          throw e;
        }
      }
      return delegate.publish(accountId, containerId, now);
    }

    @Override
    public PublisherResult<Reconciliation> reconcile(String a, String c, Instant now) {
      return delegate.reconcile(a, c, now);
    }
  }

  private static double attempts(Omniy omniy, String outcome) {
    return omniy
        .meterRegistry()
        .counter(MetricNames.POST_ATTEMPTS, MetricNames.TAG_OUTCOME, outcome)
        .count();
  }

  @Test
  void a_publisher_error_on_one_post_fails_that_post_with_the_reason_and_the_others_publish() {
    var scripted = new ScriptedPublisher();
    var store = new InMemoryPostStore();
    Instant now = Instant.now();
    store.insert(post("bad", "acct-bad", now), now);
    for (int i = 0; i < 20; i++) {
      store.insert(post("p" + i, "acct-" + (i % 5), now), now);
    }
    Omniy omniy =
        Omniy.builder()
            .store(store)
            .publisher(
                new Throwing(scripted, "acct-bad", () -> new AssertionError("publisher bug")))
            .settings(DispatchSettings.defaults("w1").withRetryPolicy(QUICK))
            .threads(2)
            .start();

    Await.until(
        "every post is final",
        () ->
            store.find("bad").orElseThrow().state() == PostState.FAILED
                && scripted.published().size() == 20);
    HealthReport health = omniy.health();
    omniy.close();

    PostRecord bad = store.find("bad").orElseThrow();
    assertThat(bad.lastTransition().orElseThrow().reasonCode()).isEqualTo(Reasons.INTERNAL_ERROR);
    assertThat(bad.lastTransition().orElseThrow().reason()).contains("AssertionError");
    assertThat(bad.history())
        .filteredOn(t -> t.to() == PostState.RETRY_WAIT)
        .hasSize(2)
        .allSatisfy(t -> assertThat(t.reasonCode()).isEqualTo(Reasons.INTERNAL_ERROR));
    assertThat(bad.lease()).isNull();
    assertThat(attempts(omniy, MetricNames.OUTCOME_FAILURE)).isEqualTo(3.0);
    assertThat(attempts(omniy, MetricNames.OUTCOME_SUCCESS)).isEqualTo(20.0);
    assertThat(health.checks())
        .filteredOn(c -> c.name().equals("workers"))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(HealthStatus.UP));
  }

  @Test
  void a_worker_thread_killed_by_a_fatal_error_is_replaced_and_the_health_report_says_so() {
    var scripted = new ScriptedPublisher();
    var store = new InMemoryPostStore();
    Instant now = Instant.now();
    store.insert(post("fatal", "acct-fatal", now), now);
    AtomicInteger thrown = new AtomicInteger();
    Omniy omniy =
        Omniy.builder()
            .store(store)
            .publisher(
                new Throwing(
                    scripted,
                    "acct-fatal",
                    () -> thrown.getAndIncrement() == 0 ? new InternalError("JVM broken") : null))
            .settings(
                DispatchSettings.defaults("w1")
                    .withRetryPolicy(QUICK)
                    .withLeaseDuration(Duration.ofMillis(400)))
            .threads(1)
            .start();

    Await.until(
        "the worker died", () -> thrown.get() == 1 && omniy.health().status() != HealthStatus.UP);
    for (int i = 0; i < 5; i++) {
      store.insert(post("p" + i, "acct-" + i, Instant.now()), Instant.now());
    }
    // The only worker died: posts go out only if it was replaced. The post it died on is
    // recovered through its lease and published.
    Await.until("every post is published", () -> scripted.published().size() == 6);
    HealthReport health = omniy.health();
    omniy.close();

    assertThat(health.checks())
        .filteredOn(c -> c.name().equals("workers"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(HealthStatus.DEGRADED);
              assertThat(c.detail()).startsWith("1 worker replaced").contains("JVM broken");
            });
    assertThat(store.find("fatal").orElseThrow().history())
        .anySatisfy(t -> assertThat(t.reasonCode()).isEqualTo("LEASE_EXPIRED"));
  }
}
