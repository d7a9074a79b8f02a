package app.omniy.examples.cli;

import app.omniy.core.InvalidValueException;
import app.omniy.core.incident.Breach;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.Milestone;
import app.omniy.core.sla.Availability;
import app.omniy.core.sla.CreditRequests;
import app.omniy.examples.trial.MonthSimulation;
import app.omniy.examples.trial.TrialFiles;
import app.omniy.examples.trial.TrialJson;
import app.omniy.examples.trial.TrialResult;
import app.omniy.examples.trial.TrialSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code omniy trial}: a month of Omniy on this machine, over simulated time, with no account and
 * no network. Every figure it prints is counted from what ran.
 */
@Command(
    name = "trial",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a month of Omniy locally over simulated time, single-threaded, with in-memory stores, "
          + "the real Instagram adapter against a fake Graph API, the guide's alert rules with "
          + "notifiers writing to a local log, incidents, probes and host traffic, then prints the "
          + "month: posts, success rate (target 99.5%%), alerts, incidents, availability and the "
          + "credit per plan.",
      "The same --seed and --month give the same month. Progress goes to stderr on a terminal.",
      "Exit codes: 0 done; 1 a setting out of range, or an --out that is a file or cannot be"
          + " written; 2 a wrong command line; 70 a bug in omniy."
    })
final class TrialCommand implements Callable<Integer> {
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  @Spec CommandSpec spec;

  @Option(
      names = "--month",
      paramLabel = "YYYY-MM",
      converter = OptionValues.Month.class,
      description =
          "The month to simulate (JST), 2000-01 to 2099-12; default: the last full month in JST.")
  @Nullable YearMonth month;

  @Option(
      names = "--posts",
      paramLabel = "N",
      defaultValue = "600",
      description = "Posts to schedule over the month (default ${DEFAULT-VALUE}).")
  int posts;

  @Option(
      names = "--accounts",
      paramLabel = "N",
      defaultValue = "6",
      description =
          "Instagram accounts, in several time zones (default ${DEFAULT-VALUE}). Each may publish"
              + " 50 posts a rolling day (POST-3). With two or more, the last one's token expires"
              + " on the 15th.")
  int accounts;

  @Option(
      names = "--fault-rate",
      paramLabel = "R",
      defaultValue = "0.02",
      description =
          "Share of Graph API calls that meet a transient fault, 0 to 0.5 (default"
              + " ${DEFAULT-VALUE}).")
  double faultRate;

  @Option(
      names = "--outage",
      paramLabel = "MINUTES",
      defaultValue = "0",
      description =
          "An outage of this many minutes mid-month: host requests fail with 5xx, probes fail,"
              + " the Graph API is unreachable (default none).")
  int outage;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed: the same seed and month give the same month (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Also write sla-report.json, sla-report.md, alerts.json, one rca-INCIDENT.md per"
              + " incident, notifications.log and trial.json into DIR: a directory, or a path"
              + " that does not exist yet.")
  @Nullable Path out;

  @Option(names = "--json", description = "Print exactly one JSON object instead of the summary.")
  boolean json;

  @Override
  public Integer call() {
    YearMonth simulated = month != null ? month : YearMonth.now(Clock.system(JST)).minusMonths(1);
    var settings = new TrialSettings(simulated, posts, accounts, faultRate, outage, seed);
    if (out != null) {
      checkOut(out); // before the month is simulated, not after
    }
    Progress progress = Progress.onTerminal();
    TrialResult result = MonthSimulation.run(settings, progress::report);
    List<Path> files = out == null ? List.of() : write(result, out);
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      stdout.println(TerminalText.escapeLines(TrialJson.write(TrialJson.summary(result))));
    } else {
      StringWriter text = new StringWriter();
      summary(new PrintWriter(text), settings, result, files);
      stdout.print(TerminalText.escapeLines(text.toString()));
    }
    stdout.flush();
    return 0;
  }

  /**
   * {@code --out} must be a directory, or a path that does not exist yet whose nearest existing
   * parent is a directory, so that the files can be written there.
   *
   * @throws InvalidValueException naming {@code --out} otherwise
   */
  static void checkOut(Path dir) {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new InvalidValueException(
            "--out", dir, "is a file; give a directory, or a path that does not exist yet");
      }
      return;
    }
    for (Path parent = dir.toAbsolutePath().getParent();
        parent != null;
        parent = parent.getParent()) {
      if (Files.exists(parent)) {
        if (!Files.isDirectory(parent)) {
          throw new InvalidValueException(
              "--out", dir, "cannot be created: " + parent + " is a file, not a directory");
        }
        return;
      }
    }
  }

  /** Writes the files; a failure to write (no permission, a full disk) is rejected, not a bug. */
  private static List<Path> write(TrialResult result, Path dir) {
    try {
      return TrialFiles.write(result, dir);
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      throw new InvalidValueException(
          "--out",
          dir,
          "cannot be written: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
  }

  private static void summary(PrintWriter out, TrialSettings s, TrialResult r, List<Path> files) {
    out.printf(
        "Omniy trial: %s (JST), seed %d: %d posts over %d accounts, Graph API fault rate %s, %s%n",
        r.month(),
        s.seed(),
        s.posts(),
        s.accounts(),
        percent(s.faultRate()),
        s.outageMinutes() == 0 ? "no outage" : "an outage of " + s.outageMinutes() + " min");
    out.println();
    out.println("Posts");
    out.printf(
        "  scheduled          %d (refused by validation: %d)%n", r.postsScheduled(), r.rejected());
    out.printf("  published          %d%n", r.published());
    out.printf("  failed             %d %s%n", r.failed(), r.failedByReason());
    out.printf("  excluded (user)    %d %s%n", r.excluded(), r.excludedByReason());
    out.printf("  still pending      %d%n", r.pending());
    out.printf("  published twice    %d%n", r.publishedTwice());
    out.printf(
        "  success rate       %s (%s); target 99.5%%: %s%n",
        r.successRate().percent(2).map(p -> p.toPlainString() + "%").orElse("no outcomes"),
        r.successRate().fraction(),
        r.successTargetMet() ? "met" : "MISSED");
    out.println();
    out.println("Alerts" + (r.alertsFired().isEmpty() ? ": none fired" : ""));
    for (String rule : r.alertsFired()) {
      out.printf(
          "  %-9s fired %d, resolved %d%n",
          rule, r.firings().get(rule), r.resolutions().getOrDefault(rule, 0));
    }
    out.println();
    out.println("Incidents" + (r.incidents().isEmpty() ? ": none" : ""));
    Instant end = r.report().month().end();
    for (Incident incident : r.incidents()) {
      out.printf(
          "  %s Sev%d %s%n    %s%n    %s%n",
          incident.id(),
          incident.severity().level(),
          incident.title(),
          timeline(incident),
          deadlines(incident, end));
    }
    out.println();
    out.println("Availability");
    for (Availability a : r.report().availability()) {
      out.printf(
          "  %-9s %s%% (objective %s%%: %s), downtime %d s%n",
          a.target().id(),
          a.uptime().percent(4).toPlainString(),
          a.objectivePercent().toPlainString(),
          a.met() ? "met" : "MISSED",
          a.downtimeSeconds());
    }
    out.printf(
        "  probes every 5 min: %d, failed %d; host requests %d, failed with 5xx %d%n",
        r.probes().total(),
        r.probes().failed(),
        r.hostRequests().total(),
        r.hostRequests().failed());
    out.println();
    out.printf(
        "Credit (SLA-6): %d%% of the monthly fee, payable on request by %s%n",
        r.report().credit().creditPercent(), CreditRequests.deadline(r.month()));
    for (TrialResult.PlanCredit credit : r.credits()) {
      out.printf("  %-12s %s%n", credit.plan(), credit.amount());
    }
    out.println();
    out.println("Graph API faults injected: " + r.faultsInjected());
    out.println("Notifications sent (local log): " + r.notifications().size());
    if (!files.isEmpty()) {
      out.println("Files: " + files.get(0).getParent() + " (" + names(files) + ")");
    }
  }

  private static String timeline(Incident incident) {
    StringBuilder line = new StringBuilder();
    incident
        .timeline()
        .forEach(
            (m, at) ->
                line.append(line.length() == 0 ? "" : ", ")
                    .append(m.name().toLowerCase(Locale.ROOT))
                    .append(' ')
                    .append(WHEN.format(at.atZone(JST))));
    return line.toString();
  }

  private static String deadlines(Incident incident, Instant end) {
    List<Breach> breaches = incident.breaches(end);
    StringBuilder line = new StringBuilder();
    for (Milestone m : Milestone.WITH_TARGETS) {
      boolean breached = breaches.stream().anyMatch(b -> b.milestone() == m);
      line.append(line.length() == 0 ? "" : ", ")
          .append(m.name().toLowerCase(Locale.ROOT))
          .append(breached ? " BREACHED (due " : " met (due ")
          .append(WHEN.format(incident.due(m).atZone(JST)))
          .append(')');
    }
    if (incident.needsOutsideExperts(end)) {
      line.append("; escalated to outside experts (Sev1 unresolved after 30 min)");
    }
    return line.toString();
  }

  private static String percent(double ratio) {
    return new java.math.BigDecimal(Double.toString(ratio))
            .movePointRight(2)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }

  private static String names(List<Path> files) {
    return String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList());
  }
}
