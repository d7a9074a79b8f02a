package app.omniy.files;

import static org.assertj.core.api.Assertions.assertThat;

import app.omniy.core.alert.silence.Silence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay cases kept as files, each a directory under {@code replay/} of the test resources: {@code
 * rules.yaml}, {@code samples.csv}, optionally {@code silences.yaml}, and {@code expected.txt} —
 * the lines {@code omniy rules eval rules.yaml --samples samples.csv [--silences silences.yaml]}
 * prints (lines starting with {@code #} are comments).
 */
class ReplayCasesTest {
  @TempDir Path dir;

  /**
   * ALERT-C4 at low traffic: resolves within one window of the failures stopping, never escalates,
   * and the real burst two days later fires and notifies again.
   */
  @Test
  void c4_after_a_burst_at_low_traffic_resolves_and_a_later_burst_fires_again() throws IOException {
    replays("c4-low-traffic");
  }

  /** ALERT-I2 per account: one at 95% fires naming it, the other at 10% never does. */
  @Test
  void i2_with_two_accounts_alerts_for_the_busy_one_only() throws IOException {
    replays("i2-two-accounts");
  }

  /**
   * A planned-maintenance window silences ALERT-C1: it fires during the window without notifying,
   * and notifies when the window ends because it is still firing.
   */
  @Test
  void a_maintenance_window_silences_c1_and_releases_it_when_the_window_ends() throws IOException {
    replays("c1-maintenance-silence");
  }

  /** ALERT-C1 firing inhibits ALERT-W1, which notifies once C1 resolves while W1 still fires. */
  @Test
  void c1_inhibits_w1_while_it_fires() throws IOException {
    replays("c1-inhibits-w1");
  }

  private void replays(String name) throws IOException {
    Path rules = copy(name, "rules.yaml");
    Path samples = copy(name, "samples.csv");
    List<String> expected =
        Files.readAllLines(copy(name, "expected.txt")).stream()
            .filter(line -> !line.startsWith("#") && !line.isBlank())
            .toList();

    List<Silence> silences =
        exists(name, "silences.yaml")
            ? SilencesFile.read(copy(name, "silences.yaml")).toSilences()
            : List.of();

    List<String> printed =
        Replay.run(
                RuleFiles.read(rules),
                RuleFiles.readInhibitions(rules),
                silences,
                SampleFiles.read(samples),
                Duration.ofMinutes(1),
                null)
            .stream()
            .map(Replay.Change::describe)
            .toList();

    Files.write(Path.of("target", name + ".actual.txt"), printed, StandardCharsets.UTF_8);
    assertThat(printed).containsExactlyElementsOf(expected);
  }

  private boolean exists(String name, String file) {
    return getClass().getResource("replay/" + name + "/" + file) != null;
  }

  private Path copy(String name, String file) throws IOException {
    Path target = dir.resolve(file);
    try (InputStream in = getClass().getResourceAsStream("replay/" + name + "/" + file)) {
      Files.write(target, in == null ? new byte[0] : in.readAllBytes());
    }
    return target;
  }
}
