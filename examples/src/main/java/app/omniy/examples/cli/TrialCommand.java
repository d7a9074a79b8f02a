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
    out.println("  omniy-core       posts (validation, lifecycle, quota, retry), SLA ledger and");
    out.println("                   credits, alert rules and evaluator, billing stores");
    out.println("  omniy-instagram  the Graph API publisher that never double-posts");
    out.println("  omniy-stripe     webhooks processed once, service credits applied once");
    out.println("  omniy-ops        rule and downtime files, alert runtime and notifiers");
    out.println("  omniy-testkit    settable clock, fake Graph API, contract suites, emulator");
    out.println("Try: omniy sla-credit --help, omniy sla-report --help, omniy rules --help");
    out.println("Run 'mvn -B -ntp verify' to run every test.");
    return 0;
  }
}
