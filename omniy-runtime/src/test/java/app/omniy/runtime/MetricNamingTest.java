package app.omniy.runtime;

import static app.omniy.runtime.RuntimeFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.omniy.core.InvalidValueException;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.Channel;
import app.omniy.core.metrics.MetricNames;
import app.omniy.core.post.spi.OutcomeClass;
import app.omniy.core.post.spi.PublisherResult;
import app.omniy.testkit.Await;
import app.omniy.testkit.ScriptedPublisher;
import app.omniy.testkit.ScriptedPublisher.Operation;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Omniy's meters under a host's prefix (ALERT-6), the default rules still firing on them. */
class MetricNamingTest {
  @Test
  void names_map_to_the_prefix_and_back_and_leave_other_meters_alone() {
    MetricNaming naming = MetricNaming.prefix("acme.scheduler");

    assertThat(naming.published(MetricNames.POSTS_PUBLISHED))
        .isEqualTo("acme.scheduler.posts.published");
    assertThat(naming.canonical("acme.scheduler.posts.published"))
        .isEqualTo(MetricNames.POSTS_PUBLISHED);
    assertThat(naming.published("http.server.requests")).isEqualTo("http.server.requests");
    assertThat(naming.canonical("acme.schedulerx.y")).isEqualTo("acme.schedulerx.y");
    assertThat(MetricNaming.DEFAULT.published(MetricNames.POSTS_PUBLISHED))
        .isEqualTo(MetricNames.POSTS_PUBLISHED);
  }

  @Test
  void a_prefix_that_is_not_dot_separated_lower_case_words_is_refused_naming_it() {
    for (String bad : new String[] {"", "Acme", "acme.", ".acme", "acme..x", "ac me", "1acme"}) {
      assertThatThrownBy(() -> MetricNaming.prefix(bad))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageContaining("prefix")
          .hasMessageContaining(bad);
    }
    assertThatThrownBy(() -> MetricNaming.prefix(null)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void the_runtime_publishes_under_the_prefix_and_its_default_rules_still_fire() {
    var publisher = new ScriptedPublisher();
    for (int i = 0; i < 6; i++) {
      publisher.script(
          Operation.CREATE,
          PublisherResult.failure(OutcomeClass.PERMANENT, "2207001", "media rejected"));
    }
    List<AlertEvent> heard = new CopyOnWriteArrayList<>();
    var registry = new SimpleMeterRegistry();
    Omniy omniy =
        Omniy.builder()
            .publisher(publisher)
            .meterRegistry(registry)
            .metricNaming(MetricNaming.prefix("acme.scheduler"))
            .notifier(Channel.SLACK, heard::add)
            .alertEvery(Duration.ofMillis(50))
            .start();
    try {
      omniy.pause("until the meters are primed");
      omniy.alerts().orElseThrow().tick();
      Instant now = Instant.now();
      for (int i = 0; i < 6; i++) {
        omniy.store().insert(post("p" + i, "acct-" + i, now), now);
      }
      omniy.resume();

      Await.until("ALERT-C4 from the renamed meters", () -> !heard.isEmpty());

      List<String> names = registry.getMeters().stream().map(m -> m.getId().getName()).toList();
      assertThat(names)
          .contains("acme.scheduler.post.attempts", "acme.scheduler.dispatch.lateness");
      assertThat(names).noneMatch(n -> n.startsWith("omniy."));
      assertThat(heard.get(0).rule().id()).isEqualTo("ALERT-C4");
    } finally {
      omniy.close();
    }
  }

  @Test
  void without_a_prefix_the_meters_keep_omniys_names() {
    var registry = new SimpleMeterRegistry();
    Omniy omniy =
        Omniy.builder().publisher(new ScriptedPublisher()).meterRegistry(registry).start();
    try {
      assertThat(registry.getMeters())
          .extracting((Meter m) -> m.getId().getName())
          .contains(MetricNames.DISPATCH_LATENESS);
    } finally {
      omniy.close();
    }
  }
}
