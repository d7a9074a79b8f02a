package app.omniy.examples.cli;

import app.omniy.core.OmniyException;
import app.omniy.core.alert.AlertRule;
import app.omniy.core.alert.silence.Inhibition;
import app.omniy.core.alert.silence.Silence;
import app.omniy.files.InvalidFileException;
import app.omniy.files.Replay;
import app.omniy.files.RuleFiles;
import app.omniy.files.SampleFiles;
import app.omniy.files.SilencesFile;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omniy rules}: check alert rule files and replay samples through them (ALERT-4). */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description =
        "Checks alert rule files, replays samples through them and prints the built-in rules.",
    subcommands = {RulesCommand.Check.class, RulesCommand.Eval.class, RulesCommand.Defaults.class})
final class RulesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing a command: check, eval or defaults");
  }

  /** {@code omniy rules defaults}. */
  @Command(
      name = "defaults",
      mixinStandardHelpOptions = true,
      description = {
        "Prints the built-in rules (the operations guide's eleven, MNT-3's and SUP-1's) as a rule"
            + " file, with every key written out: a starting point to edit, which 'rules check'"
            + " and 'rules eval' accept as it is.",
        "Example: omniy rules defaults > alerts.yaml"
      })
  static final class Defaults implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.print(RuleFiles.defaults());
      out.flush();
      return 0;
    }
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
      rules.forEach(rule -> out.println(TerminalText.escape(rule.describe())));
      out.println(rules.size() + (rules.size() == 1 ? " rule" : " rules") + " OK");
      return 0;
    }
  }

  /** {@code omniy rules eval FILE --samples CSV}. */
  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description = {
        "Replays samples through the rules of FILE, evaluating at every step as a runtime would"
            + " (each rule when due by its own 'every'), and prints each state change and"
            + " notification with its time as it is found, one line each, split by spaces:",
        "  TIME RULE-ID {LABELS} WORD NOTIFIED: FINDING",
        "  WORD is FIRED, REPEATED, ESCALATED or RESOLVED (a notification), or PENDING or"
            + " INACTIVE (a change that notifies no one); NOTIFIED is the channels, comma-separated"
            + " (plus escalation-contact), or '-'; or 'silenced' (a --silences silence holds it) or"
            + " 'inhibited' (a firing source alert mutes it: the rule file's inhibit: section, by"
            + " default ALERT-C1 mutes ALERT-W1 and ALERT-W4). A held alert still firing when"
            + " nothing holds it any more notifies then.",
        "  e.g. 2026-03-02T09:01:00Z ALERT-C1 {} FIRED slack,sms,email: 12% (12 of 100) > 10%",
        "Samples in time order are replayed as the file is read, in fixed memory; a file out of"
            + " order is sorted in memory first. One replay covers at most 366 days from the first"
            + " sample.",
        "Exit codes: 0 done; 1 a bad rule or samples file; 2 a wrong command line, such as"
            + " --every outside PT1S to P1D or --until more than 366 days after the first sample;"
            + " 70 a bug in omniy.",
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
        converter = OptionValues.Every.class,
        description =
            "How often to evaluate, as ISO-8601, from PT1S to P1D (default: ${DEFAULT-VALUE}).")
    Duration every;

    @Option(
        names = "--until",
        paramLabel = "INSTANT",
        converter = OptionValues.AnInstant.class,
        description =
            "Keep evaluating until this instant (e.g. to see escalations), at most 366 days after"
                + " the first sample.")
    @Nullable Instant until;

    @Option(
        names = "--silences",
        paramLabel = "FILE",
        description =
            "Silences to apply (YAML: silences: - match: {id: ALERT-C1} start: … end: … by: …"
                + " comment: …); a held notification's line says 'silenced'.")
    @Nullable Path silences;

    @Override
    public Integer call() {
      List<AlertRule> rules = RuleFiles.read(file);
      List<Inhibition> inhibitions = RuleFiles.readInhibitions(file);
      List<Silence> silenced =
          silences == null ? List.of() : SilencesFile.read(silences).toSilences();
      SampleFiles.Summary summary = SampleFiles.check(samples);
      if (summary.first() != null && summary.last() != null) {
        checkSpan(summary.first(), summary.last());
      }
      PrintWriter out = spec.commandLine().getOut();
      long[] printed = {0};
      Replay replay =
          Replay.start(
              rules,
              inhibitions,
              silenced,
              every,
              until,
              change -> {
                out.println(TerminalText.escape(change.describe()));
                // Each change as it is found, not at the end of a long replay; checkError()
                // flushes, and tells when no one reads any more (`| head -1`).
                if (out.checkError()) {
                  throw new OmniyException("the output is closed: replay stopped");
                }
                printed[0]++;
              });
      if (summary.inTimeOrder()) {
        SampleFiles.forEach(samples, replay::feed);
      } else {
        SampleFiles.read(samples).forEach(replay::feed);
      }
      replay.finish();
      if (printed[0] == 0) {
        out.println("No alert changed state.");
      }
      out.flush();
      return 0;
    }

    /**
     * A replay covers at most {@link Replay#MAX_SPAN} from the first sample: a later {@code
     * --until} is a wrong command line, samples spread wider a file to split.
     */
    private void checkSpan(Instant first, Instant last) {
      Instant limit = first.plus(Replay.MAX_SPAN);
      if (until != null && until.isAfter(limit)) {
        throw new ParameterException(
            spec.commandLine(),
            "--until: "
                + until
                + " is more than "
                + Replay.MAX_SPAN.toDays()
                + " days after the first sample ("
                + first
                + "); give an instant up to "
                + limit);
      }
      if (last.isAfter(limit)) {
        throw new InvalidFileException(
            samples,
            0,
            0,
            "",
            "the samples run from "
                + first
                + " to "
                + last
                + ", more than the "
                + Replay.MAX_SPAN.toDays()
                + " days one replay covers; split the file");
      }
    }
  }
}
