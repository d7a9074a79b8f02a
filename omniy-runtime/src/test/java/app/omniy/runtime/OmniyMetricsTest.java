package app.omniy.runtime;

import static app.omniy.runtime.RuntimeFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.omniy.core.dispatch.DispatchSettings;
import app.omniy.core.memory.InMemoryPostStore;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.core.quota.QuotaPolicy;
import app.omniy.testkit.ManualDispatcher;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.ScriptedPublisher.Operation;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The meters, driven deterministically by the test kit's ManualDispatcher. */
class OmniyMetricsTest {
  private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

  @Test
  void counts_attempts_outcomes_and_lateness_under_the_core_metric_names() {
    var store = new InMemoryPostStore();
    var publisher = new ScriptedPublisher();
    var clock = SettableClock.at(T0);
    var registry = new SimpleMeterRegistry();
    var metrics = new OmniyMetrics(() -> 0, () -> 4, () -> 0);
    metrics.bindTo(registry);
    for (int i = 0; i < 4; i++) {
      store.insert(post("p" + i, "acct", T0.plusSeconds(10)), T0);
    }
    store.insert(post("p4", "acct", T0.plusSeconds(10)), T0);
    publisher
        .script(
            Operation.CREATE,
            PublisherResult.failure(OutcomeClass.TRANSIENT, "2207001", "server error"))
        .script(
            Operation.CREATE,
            PublisherResult.failure(OutcomeClass.PERMANENT, "2207032", "unsupported"));
    var manual =
        ManualDispatcher.builder(store, publisher, clock)
            .settings(
                DispatchSettings.defaults("w")
                    .withQuotaPolicy(new QuotaPolicy(3, 400, Duration.ofHours(24))))
            .listener(metrics)
            .step(Duration.ofSeconds(3))
            .build();

    manual.tick(Duration.ofMinutes(70));

    // p0 transient, p1 permanent, p2 p3 p4 published and the quota of 3 used up, so p0's retry
    // is deferred past its window and fails as missed (POST-3, POST-6).
    assertThat(registry.counter(MetricNames.POSTS_PUBLISHED).count()).isEqualTo(3.0);
    assertThat(
            registry.counter(MetricNames.POST_ATTEMPTS, MetricNames.TAG_OUTCOME, "success").count())
        .isEqualTo(3.0);
    assertThat(
            registry.counter(MetricNames.POST_ATTEMPTS, MetricNames.TAG_OUTCOME, "failure").count())
        .isEqualTo(2.0);
    assertThat(
            registry
                .counter(MetricNames.POSTS_FAILED, MetricNames.TAG_REASON, "PERMANENT_ERROR")
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .counter(MetricNames.POSTS_FAILED, MetricNames.TAG_REASON, "MISSED_WINDOW")
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .counter(MetricNames.POSTS_DEFERRED, MetricNames.TAG_REASON, "TRANSIENT")
                .count())
        .isEqualTo(1.0);
    assertThat(registry.get(MetricNames.POSTS_SUCCESS_RATIO).gauge().value())
        .isCloseTo(3.0 / 5.0, within(1e-9));
    var lateness = registry.get(MetricNames.DISPATCH_LATENESS).timer();
    assertThat(lateness.count()).as("first attempts only, not p0's retry").isEqualTo(5);
    // Due at +10 s, the 3 s steps reach +12 s: each first attempt started 2 s late.
    assertThat(lateness.max(TimeUnit.SECONDS)).isEqualTo(2.0);
    assertThat(MetricNames.all())
        .contains(
            MetricNames.POSTS_PUBLISHED,
            MetricNames.POSTS_FAILED,
            MetricNames.DISPATCH_LATENESS,
            MetricNames.POSTS_SUCCESS_RATIO);
  }
}
