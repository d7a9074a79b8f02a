package app.omniy.examples.cli;

import app.omniy.core.OmniyException;
import app.omniy.files.FileProblemsException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code omniy} command. Exit codes: 0 success; 1 the input was understood but rejected (a bad
 * file, a failed validation); 2 the command line itself is wrong; 70 a bug in omniy. Results go to
 * stdout, errors to stderr, each error on one line (a bad file: one line per problem) with every
 * control character of the input escaped ({@link TerminalText}).
 */
@Command(
    name = "omniy",
    mixinStandardHelpOptions = true,
    versionProvider = OmniyCli.Version.class,
    description = "Omniy: schedule Instagram posts with the operations guide's service levels.",
    subcommands = {
      TrialCommand.class,
      SlaCreditCommand.class,
      SlaReportCommand.class,
      RulesCommand.class,
      PostCommand.class,
      CommandLine.HelpCommand.class
    })
public final class OmniyCli implements Runnable {
  /** The input was understood but rejected. */
  public static final int REJECTED = 1;

  /** The command line itself is wrong. */
  public static final int USAGE = 2;

  /** A bug in omniy itself (sysexits' EX_SOFTWARE). */
  public static final int INTERNAL_ERROR = 70;

  private static final String DEBUG = "--debug";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = DEBUG,
      scope = ScopeType.INHERIT,
      description = "On an internal error (exit 70), also print its stack trace.")
  boolean debug;

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command with the given streams and returns its exit code; never exits the JVM. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(new CommandLine(new OmniyCli()), out, err, args);
  }

  /** Runs {@code cli}, the omniy command or one a test extended, as {@link #run} does. */
  static int run(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
    cli.setOut(out);
    cli.setErr(err);
    // Every path and date in words, not picocli's Java exception (found by CliOptionsFuzzTest).
    cli.registerConverter(Path.class, new OptionValues.FilePath());
    cli.registerConverter(LocalDate.class, new OptionValues.Date());
    // picocli reads these from the failing subcommand's spec, not the root's: set them on all.
    everyCommand(
        cli,
        c -> {
          c.getCommandSpec().exitCodeOnExecutionException(INTERNAL_ERROR);
          c.getCommandSpec().exitCodeOnInvalidInput(USAGE);
          // Every command has --version (mixinStandardHelpOptions); without the provider a
          // subcommand's printed nothing (found by CliOptionsFuzzTest).
          c.getCommandSpec().versionProvider(new Version());
        });
    cli.setParameterExceptionHandler(OmniyCli::usageError);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parsed) -> {
          if (e instanceof OmniyException rejected) {
            printRejection(commandLine.getErr(), rejected);
            return REJECTED;
          }
          return internalError(commandLine.getErr(), e, debug(parsed));
        });
    try {
      return cli.execute(args);
    } catch (RuntimeException | Error e) {
      // Whatever picocli does not route to the handlers above (an error, not an exception).
      return internalError(err, e, Arrays.asList(args).contains(DEBUG));
    }
  }

  /**
   * A wrong command line: picocli's message, escaped as it may quote the arguments, then the usage
   * or the suggestions for a mistyped name.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine failed = e.getCommandLine();
    PrintWriter err = failed.getErr();
    err.println(TerminalText.escape(String.valueOf(e.getMessage())));
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
      failed.usage(err);
    }
    err.flush();
    return USAGE;
  }

  /** Rejected input: one line per problem of a file, else the message. */
  private static void printRejection(PrintWriter err, OmniyException e) {
    if (e instanceof FileProblemsException file) {
      err.println(
          "omniy: "
              + TerminalText.escape(
                  file.file() + ": " + file.problems().size() + plural(file.problems().size())));
      file.problems().forEach(problem -> err.println(TerminalText.escape(problem.getMessage())));
    } else {
      err.println("omniy: " + TerminalText.escapeLines(String.valueOf(e.getMessage())));
    }
    err.flush();
  }

  private static String plural(int problems) {
    return problems == 1 ? " problem" : " problems";
  }

  /**
   * A bug in omniy: one line naming the problem, the stack trace only with {@code --debug}, and
   * exit 70 so it is never mistaken for rejected input.
   */
  static int internalError(PrintWriter err, Throwable e, boolean debug) {
    String message = e.getMessage();
    err.println(
        TerminalText.escape(
            "omniy: internal error: "
                + e.getClass().getSimpleName()
                + (message == null ? "" : ": " + message)
                + (debug ? "" : " (run with " + DEBUG + " for the stack trace)")));
    if (debug) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(TerminalText.escapeLines(trace.toString()));
    }
    err.flush();
    return INTERNAL_ERROR;
  }

  /** Whether {@code --debug} was given to the command or any of its subcommands. */
  private static boolean debug(CommandLine.@Nullable ParseResult parsed) {
    for (var p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(DEBUG)) {
        return true;
      }
    }
    return false;
  }

  private static void everyCommand(CommandLine command, Consumer<CommandLine> action) {
    action.accept(command);
    command.getSubcommands().values().forEach(sub -> everyCommand(sub, action));
  }

  /** Without a subcommand there is nothing to do: show the usage and fail as a usage error. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = OmniyCli.class.getPackage().getImplementationVersion();
      return new String[] {"omniy " + (version == null ? "development" : version)};
    }
  }
}
