package app.omniy.examples.cli;

import app.omniy.core.alert.AlertRule;
import app.omniy.files.Replay;
import app.omniy.files.RuleFiles;
import app.omniy.files.SampleFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omniy rules}: check alert rule files and replay samples through them (ALERT-4). */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Checks alert rule files and replays samples through them.",
    subcommands = {RulesCommand.Check.class, RulesCommand.Eval.class})
final class RulesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing a command: check or eval");
  }

  /** {@code omniy rules check FILE}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Reads a rule file and prints one line per rule: id, severity, name, condition in words,"
            + " channels and response deadline.",
        "A bad file exits with 1 and lists every problem as FILE:LINE: field: problem."
      })
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The YAML rule file.")
    Path file;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<AlertRule> rules = RuleFiles.read(file);
      rules.forEach(rule -> out.println(rule.describe()));
      out.println(rules.size() + (rules.size() == 1 ? " rule" : " rules") + " OK");
      return 0;
    }
  }

  /** {@code omniy rules eval FILE --samples CSV}. */
  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description = {
        "Replays samples through the rules of FILE, evaluating at every step as a runtime would,"
            + " and prints each state change and notification with its time.",
        "",
        "Samples file format: " + SampleFiles.FORMAT
      })
  static final class Eval implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The YAML rule file.")
    Path file;

    @Option(
        names = "--samples",
        required = true,
        paramLabel = "CSV",
        description = "The samples to replay (format above).")
    Path samples;

    @Option(
        names = "--every",
        paramLabel = "DURATION",
        defaultValue = "PT1M",
        description = "How often to evaluate, as ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration every;

    @Option(
        names = "--until",
        paramLabel = "INSTANT",
        description = "Keep evaluating until this instant (e.g. to see escalations).")
    @Nullable Instant until;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<AlertRule> rules = RuleFiles.read(file);
      List<Replay.Change> changes = Replay.run(rules, SampleFiles.read(samples), every, until);
      changes.forEach(change -> out.println(change.describe()));
      if (changes.isEmpty()) {
        out.println("No alert changed state.");
      }
      return 0;
    }
  }
}
