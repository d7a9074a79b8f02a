package app.omniy.files;

import static org.assertj.core.api.Assertions.assertThat;

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
 * rules.yaml}, {@code samples.csv} and {@code expected.txt} — the lines {@code omniy rules eval
 * rules.yaml --samples samples.csv} prints (lines starting with {@code #} are comments).
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

  private void replays(String name) throws IOException {
    Path rules = copy(name, "rules.yaml");
    Path samples = copy(name, "samples.csv");
    List<String> expected =
        Files.readAllLines(copy(name, "expected.txt")).stream()
            .filter(line -> !line.startsWith("#") && !line.isBlank())
            .toList();

    List<String> printed =
        Replay.run(RuleFiles.read(rules), SampleFiles.read(samples), Duration.ofMinutes(1), null)
            .stream()
            .map(Replay.Change::describe)
            .toList();

    Files.write(Path.of("target", name + ".actual.txt"), printed, StandardCharsets.UTF_8);
    assertThat(printed).containsExactlyElementsOf(expected);
  }

  private Path copy(String name, String file) throws IOException {
    Path target = dir.resolve(file);
    try (InputStream in = getClass().getResourceAsStream("replay/" + name + "/" + file)) {
      Files.write(target, in == null ? new byte[0] : in.readAllBytes());
    }
    return target;
  }
}
