package app.omniy.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code omniy trial}: a simulated month of Omniy on this machine. Until the simulation lands it
 * says plainly what it can and cannot do yet; it never prints made-up figures.
 */
@Command(
    name = "trial",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Omniy locally over simulated time, with an in-memory store and a fake Instagram "
          + "Graph API, and reports what happened.",
      "Not available yet in this build: it lists the parts of the library that exist."
    })
final class TrialCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("The simulated month is not available in this build yet: no posts were run.");
    out.println("What this build contains:");
    out.println("  omniy-core       value checks and the exception hierarchy");
    out.println("  omniy-testkit    settable clock, Firestore-emulator JUnit extension");
    out.println("  omniy-instagram  Graph API endpoint configuration");
    out.println("  omniy-stripe     Stripe settings");
    out.println("  omniy-firestore  emulator connections");
    out.println("  omniy-ops        strict YAML/JSON configuration files");
    out.println("Run 'mvn -B -ntp verify' to run every test.");
    return 0;
  }
}
