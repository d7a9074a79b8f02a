package app.omniy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void writes_only_when_enabled() {
    var shown = new ByteArrayOutputStream();
    var hidden = new ByteArrayOutputStream();

    new Progress(new PrintStream(shown, true, StandardCharsets.UTF_8), true).report("day 3/30");
    new Progress(new PrintStream(hidden, true, StandardCharsets.UTF_8), false).report("day 3/30");

    assertThat(shown.toString(StandardCharsets.UTF_8))
        .isEqualTo("day 3/30" + System.lineSeparator());
    assertThat(hidden.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void is_off_without_a_terminal_as_under_ci_and_pipes() {
    // Surefire forks the tests without a console, like CI and redirected output.
    assertThat(System.console()).isNull();
    assertThat(Progress.onTerminal().enabled()).isFalse();
  }
}
