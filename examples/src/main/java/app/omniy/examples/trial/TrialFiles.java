package app.omniy.examples.trial;

import app.omniy.core.Markdown;
import app.omniy.core.sla.CreditRequests;
import app.omniy.core.sla.DowntimeLedger;
import app.omniy.core.sla.SlaMonth;
import app.omniy.core.sla.SlaReportMarkdown;
import app.omniy.core.sla.SlaTarget;
import app.omniy.files.SlaJson;
import app.omniy.ops.status.DayStatus;
import app.omniy.ops.status.StatusPage;
import app.omniy.ops.status.StatusPageData;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code omniy trial --out DIR} writes: {@code sla-report.json}, {@code sla-report.md}, {@code
 * alerts.json}, one {@code rca-INCIDENT.md} per incident, the local notification log {@code
 * notifications.log}, the summary {@code trial.json} and the public status page {@code status.html}
 * as it stands at the end of the month (KPI-2).
 */
public final class TrialFiles {
  private TrialFiles() {}

  /**
   * Writes the files into {@code dir}, creating it if needed.
   *
   * @return the files written, in order
   */
  public static List<Path> write(TrialResult result, Path dir) {
    try {
      Files.createDirectories(dir);
      List<Path> written = new ArrayList<>();
      ObjectNode report = SlaJson.report(result.report());
      ArrayNode credits = report.putArray("planCredits");
      for (TrialResult.PlanCredit credit : result.credits()) {
        credits
            .addObject()
            .put("plan", credit.plan())
            .put("fee", credit.fee().toPlainString())
            .put("currency", credit.fee().currency().getCurrencyCode())
            .put("amount", credit.amount().toPlainString());
      }
      written.add(write(dir.resolve("sla-report.json"), TrialJson.pretty(report) + "\n"));
      written.add(write(dir.resolve("sla-report.md"), markdown(result)));
      written.add(
          write(dir.resolve("alerts.json"), TrialJson.pretty(TrialJson.alerts(result)) + "\n"));
      for (Map.Entry<String, String> rca : result.rca().entrySet()) {
        written.add(write(dir.resolve("rca-" + rca.getKey() + ".md"), rca.getValue()));
      }
      written.add(
          write(
              dir.resolve("notifications.log"), String.join("\n", result.notifications()) + "\n"));
      written.add(
          write(dir.resolve("trial.json"), TrialJson.pretty(TrialJson.summary(result)) + "\n"));
      written.add(write(dir.resolve("status.html"), statusPage(result)));
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the trial's files to " + dir, e);
    }
  }

  private static String markdown(TrialResult result) {
    StringBuilder md = new StringBuilder(SlaReportMarkdown.render(result.report()));
    md.append("\n## Credits per plan\n\n| plan | monthly fee | credit |\n|---|---:|---:|\n");
    for (TrialResult.PlanCredit credit : result.credits()) {
      md.append("| ")
          .append(Markdown.escape(credit.plan()))
          .append(" | ")
          .append(credit.fee())
          .append(" | ")
          .append(credit.amount())
          .append(" |\n");
    }
    md.append("\nPayable on the customer's request made by ")
        .append(CreditRequests.deadline(result.month()))
        .append(" (SLA-7).\n");
    return md.toString();
  }

  /** The status page at the month's end: one bar per day of the month, its incidents, its SLA. */
  private static String statusPage(TrialResult result) {
    ZoneId zone = SlaMonth.DEFAULT_ZONE;
    LocalDate lastDay = result.month().atEndOfMonth();
    StatusPageData.Builder page =
        StatusPageData.builder("Omniy trial", lastDay.plusDays(1).atStartOfDay(zone).toInstant())
            .zone(zone)
            .days(
                DayStatus.fromLedger(
                    DowntimeLedger.of(result.report().periods()),
                    SlaTarget.SYSTEM,
                    lastDay,
                    zone,
                    result.month().lengthOfMonth()))
            .sla(result.report());
    result.incidents().forEach(page::incident);
    return StatusPage.render(page.build());
  }

  private static Path write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
