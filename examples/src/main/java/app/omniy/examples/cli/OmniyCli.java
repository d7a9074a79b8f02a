package app.omniy.examples.cli;

import app.omniy.core.OmniyException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code omniy} command. Exit codes: 0 success; 1 the input was understood but rejected (a bad
 * file, a failed validation); 2 the command line itself is wrong. Results go to stdout, errors to
 * stderr.
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command with the given streams and returns its exit code; never exits the JVM. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new OmniyCli());
    cli.setOut(out);
    cli.setErr(err);
    // Anything else is a bug in omniy: picocli prints its stack trace and exits with 70
    // (EX_SOFTWARE), so it is never mistaken for rejected input.
    cli.getCommandSpec().exitCodeOnExecutionException(INTERNAL_ERROR);
    cli.getCommandSpec().exitCodeOnInvalidInput(USAGE);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parsed) -> {
          if (e instanceof OmniyException) {
            commandLine.getErr().println("omniy: " + e.getMessage());
            return REJECTED;
          }
          throw e;
        });
    return cli.execute(args);
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
