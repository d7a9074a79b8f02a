package app.omniy.examples.cli;

import app.omniy.examples.trial.DaySimulation;
import app.omniy.examples.trial.TrialResult;
import app.omniy.examples.trial.TrialSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code omniy trial}: the part of the local trial that exists today — one simulated day of
 * publishing through the real dispatcher and Instagram adapter against a fake Graph API with
 * faults. It says plainly what it does not simulate yet, and every figure it prints is counted.
 */
@Command(
    name = "trial",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Omniy locally over simulated time, with an in-memory store and a fake Instagram "
          + "Graph API, and reports what happened.",
      "Today it simulates the first day of the month: posts over several accounts published by "
          + "the real dispatcher and Instagram adapter, with Graph API faults. The rest of the "
          + "month, alerts, incidents, the SLA report, credits and the status page are not "
          + "simulated yet (issue 11)."
    })
final class TrialCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--month",
      paramLabel = "YYYY-MM",
      description = "The month whose first day is simulated; default: the last full month in JST.")
  @Nullable YearMonth month;

  @Option(
      names = "--posts",
      paramLabel = "N",
      defaultValue = "200",
      description = "Posts to schedule (default ${DEFAULT-VALUE}).")
  int posts;

  @Option(
      names = "--accounts",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "Instagram accounts (default ${DEFAULT-VALUE}). Each may publish 50 posts a rolling day"
              + " (POST-3): more posts than that per account are deferred and miss their window.")
  int accounts;

  @Option(
      names = "--fault-rate",
      paramLabel = "R",
      defaultValue = "0.02",
      description = "Share of Graph API calls that fail, 0 to 0.5 (default ${DEFAULT-VALUE}).")
  double faultRate;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed: the same seed and month give the same day (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print one JSON object instead of the summary.")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    YearMonth simulated =
        month != null ? month : YearMonth.now(Clock.system(ZoneId.of("Asia/Tokyo"))).minusMonths(1);
    var settings = new TrialSettings(simulated, posts, accounts, faultRate, seed);
    Progress progress = Progress.onTerminal();
    TrialResult result = DaySimulation.run(settings, progress::report);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(json(result)));
    } else {
      summary(out, result);
    }
    return 0;
  }

  private static void summary(PrintWriter out, TrialResult r) {
    out.println("Omniy trial: simulated " + r.day() + " (JST), one day of publishing");
    out.println(
        "Posts scheduled:        "
            + r.postsScheduled()
            + " (refused by validation: "
            + r.rejected()
            + ")");
    out.println("Published:              " + r.published());
    out.println("Failed:                 " + r.failed() + " " + r.failedByReason());
    out.println("Still pending:          " + r.pending());
    out.println("Published twice:        " + r.publishedTwice());
    out.println(
        "Success rate (POST-9):  "
            + r.successRate()
                .percent(2)
                .map(p -> p.toPlainString() + "%")
                .orElse("no final outcomes")
            + " ("
            + r.successRate().fraction()
            + "); target 99.5%: "
            + (r.successRate().meets(new BigDecimal("99.5")) ? "met" : "missed"));
    out.println("Graph API faults:       " + r.faultsInjected());
    out.println("Not simulated yet:      " + String.join(", ", r.notSimulated()));
  }

  private static ObjectNode json(TrialResult r) {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("day", r.day().toString());
    node.put("postsScheduled", r.postsScheduled());
    node.put("rejected", r.rejected());
    node.put("published", r.published());
    node.put("failed", r.failed());
    ObjectNode reasons = node.putObject("failedByReason");
    r.failedByReason().forEach(reasons::put);
    node.put("pending", r.pending());
    node.put("publishedTwice", r.publishedTwice());
    r.successRate()
        .percent(2)
        .ifPresentOrElse(
            p -> node.put("successRate", p.movePointLeft(2).toPlainString()),
            () -> node.putNull("successRate"));
    ObjectNode faults = node.putObject("faultsInjected");
    r.faultsInjected().forEach(faults::put);
    r.notSimulated().forEach(node.putArray("notSimulated")::add);
    return node;
  }
}
