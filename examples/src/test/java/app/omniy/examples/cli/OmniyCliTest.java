package app.omniy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class OmniyCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return OmniyCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void help_lists_every_subcommand_on_stdout_and_exits_0() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: omniy", "trial");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void version_names_the_tool() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("omniy ");
  }

  @Test
  void every_subcommand_has_help() {
    assertThat(run("trial", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: omniy trial");
  }

  @Test
  void an_unknown_subcommand_is_a_usage_error_on_stderr_with_exit_2() {
    assertThat(run("publish-everything")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument", "publish-everything");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void an_unknown_option_is_a_usage_error_with_exit_2() {
    assertThat(run("trial", "--frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("--frobnicate");
  }

  @Test
  void no_subcommand_is_a_usage_error_with_exit_2() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing a command");
  }
}
