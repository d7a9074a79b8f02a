package app.omniy.examples.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.Channel;
import app.omniy.runtime.alert.AlertRuntime;
import app.omniy.runtime.alert.NotificationDispatcher;
import app.omniy.testkit.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRulesFromYamlTest {
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void the_rules_come_from_the_file_and_a_bad_edit_keeps_them() throws IOException {
    Path file = dir.resolve("alerts.yaml");
    Files.writeString(file, AlertRulesFromYaml.SERVICE_DOWN_YAML);
    NotificationDispatcher notifications =
        new NotificationDispatcher(
            Map.of(Channel.SLACK, event -> {}),
            null,
            0,
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            executor);
    AlertRuntime runtime =
        AlertRulesFromYaml.runtime(
            file,
            new SimpleMeterRegistry(),
            notifications,
            SettableClock.at(Instant.parse("2026-04-01T00:00:00Z")));

    assertThat(AlertRulesFromYaml.describe(runtime))
        .singleElement()
        .asString()
        .startsWith("ALERT-C1 critical サービス停止")
        .contains("respond within 15m");

    Files.writeString(file, AlertRulesFromYaml.SERVICE_DOWN_YAML.replace("15m", "10m"));
    runtime.tick();
    assertThat(AlertRulesFromYaml.describe(runtime).get(0)).contains("respond within 10m");

    Files.writeString(file, AlertRulesFromYaml.SERVICE_DOWN_YAML.replace("10%", "ten percent"));
    runtime.tick();
    assertThat(AlertRulesFromYaml.describe(runtime).get(0))
        .as("a bad edit is rejected; the rules in force stay (ALERT-4)")
        .contains("respond within 10m");
  }
}
