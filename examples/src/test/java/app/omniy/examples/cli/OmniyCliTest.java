package app.omniy.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

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
  void every_subcommand_prints_the_version() {
    assertThat(run("rules", "--version")).isZero();
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

  @Test
  void a_path_the_file_system_cannot_take_is_a_usage_error_in_words() {
    // Found by CliOptionsFuzzTest: picocli's own conversion named
    // java.nio.file.InvalidPathException.
    assertThat(run("rules", "check", "a\u0000b")).isEqualTo(2);
    assertThat(err.toString().lines().findFirst().orElseThrow())
        .contains("FILE", "'a\\u0000b' is not a file path (nul character not allowed)")
        .doesNotContain("java.", "Exception");
  }

  @Test
  void a_date_that_is_not_one_is_a_usage_error_in_words() {
    int code =
        run(
            "sla-credit",
            "--month=2026-04",
            "--fee=1980",
            "--currency=JPY",
            "--uptime=99.5",
            "--requested-on=2026-02-30");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines().findFirst().orElseThrow())
        .isEqualTo(
            "Invalid value for option '--requested-on': '2026-02-30' is not a date (expected"
                + " YYYY-MM-DD, such as 2026-05-31)");
  }

  /** A command with a bug, as any of omniy's could have. */
  @Command(name = "divide")
  static final class Divide implements Callable<Integer> {
    @Parameters int by;

    @Override
    public Integer call() {
      return 1 / by;
    }
  }

  /** A command whose bug is an error, not an exception. */
  @Command(name = "recurse")
  static final class Recurse implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new StackOverflowError("deep");
    }
  }

  private int runWithBugs(String... args) {
    CommandLine cli =
        new CommandLine(new OmniyCli()).addSubcommand(new Divide()).addSubcommand(new Recurse());
    return OmniyCli.run(cli, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void a_bug_is_one_line_on_stderr_naming_the_problem_and_exit_70() {
    assertThat(runWithBugs("divide", "0")).isEqualTo(70);

    assertThat(err.toString())
        .isEqualTo(
            "omniy: internal error: ArithmeticException: / by zero (run with --debug for the"
                + " stack trace)"
                + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void an_error_rather_than_an_exception_is_a_bug_too() {
    assertThat(runWithBugs("recurse")).isEqualTo(70);

    assertThat(err.toString().lines())
        .containsExactly(
            "omniy: internal error: StackOverflowError: deep (run with --debug for the stack"
                + " trace)");
  }

  @Test
  void debug_before_or_after_the_command_adds_the_stack_trace() {
    assertThat(runWithBugs("--debug", "divide", "0")).isEqualTo(70);
    String before = err.toString();
    err.getBuffer().setLength(0);
    assertThat(runWithBugs("divide", "--debug", "0")).isEqualTo(70);

    for (String trace : List.of(before, err.toString())) {
      assertThat(trace)
          .startsWith("omniy: internal error: ArithmeticException: / by zero")
          .contains("java.lang.ArithmeticException: / by zero", "\tat ", "Divide.call")
          .doesNotContain("run with --debug");
    }
  }

  @Test
  void debug_is_an_option_of_every_command() {
    assertThat(run("rules", "eval", "--help")).isZero();
    assertThat(out.toString()).contains("--debug");
  }

  @Test
  void a_wrong_command_line_quoting_control_characters_is_escaped() {
    assertThat(run("publish\u001b]0;pwned\u0007")).isEqualTo(2);

    assertThat(err.toString())
        .contains("Unmatched argument at index 0: 'publish\\u001b]0;pwned\\u0007'")
        .doesNotContain("\u001b", "\u0007");
  }
}
