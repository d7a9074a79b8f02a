package app.omniy.core.sla;

import app.omniy.core.Markdown;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders an {@link SlaReport} as Markdown for people (SLA-8). Percentages are truncated to four
 * decimals, never rounded up, so a missed objective never reads as met. Times are shown in the
 * report's zone with their offset. Text the host supplied (downtime notes, objective names) is
 * shown as text through {@link Markdown#escape}, never as Markdown or HTML.
 */
public final class SlaReportMarkdown {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private SlaReportMarkdown() {}

  /** The report as a Markdown document. */
  public static String render(SlaReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# SLA report ").append(report.month().month());
    md.append(" (").append(report.month().zone()).append(")\n\n");
    availability(md, report);
    if (report.unknownSeconds() > 0 || report.incomplete()) {
      md.append("\nUnknown time (no probe data): ").append(report.unknownSeconds()).append(" s");
      md.append(report.incomplete() ? " — **incomplete**: exceeds the error budget\n" : "\n");
    }
    periods(md, report);
    if (report.posts() != null) {
      posts(md, report.posts());
    }
    if (!report.latency().isEmpty()) {
      latency(md, report.latency());
    }
    credit(md, report.credit());
    return md.toString();
  }

  private static void availability(StringBuilder md, SlaReport report) {
    md.append(
        "| Target | Objective | Measured | Result | Downtime | Error budget | Budget used |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (Availability a : report.availability()) {
      md.append("| ").append(a.target().id());
      md.append(" | ").append(a.objectivePercent().toPlainString()).append('%');
      md.append(" | ").append(percent(a.uptime()));
      md.append(" | ").append(a.met() ? "met" : "missed");
      md.append(" | ").append(a.downtimeSeconds()).append(" s");
      md.append(" | ").append(a.errorBudgetSeconds().toPlainString()).append(" s");
      md.append(" | ").append(percent(a.errorBudgetUsed())).append(" |\n");
    }
  }

  private static void periods(StringBuilder md, SlaReport report) {
    md.append("\n## Downtime periods\n\n");
    if (report.periods().isEmpty()) {
      md.append("None.\n");
      return;
    }
    md.append("| Start | End | Seconds | Cause | Target | Counted | Note |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (DowntimePeriod p : report.periods()) {
      md.append("| ").append(TIME.format(p.start().atZone(report.month().zone())));
      md.append(" | ").append(TIME.format(p.end().atZone(report.month().zone())));
      md.append(" | ").append(p.seconds());
      md.append(" | ").append(p.cause().id());
      md.append(" | ").append(p.target().id());
      md.append(" | ").append(p.cause().excluded() ? "excluded" : "downtime");
      md.append(" | ").append(Markdown.escape(p.note())).append(" |\n");
    }
  }

  private static void posts(StringBuilder md, PostSuccessRate posts) {
    md.append("\n## Post success\n\n");
    md.append(percent(posts.rate())).append(" of ").append(posts.counted());
    md.append(" posts (objective ").append(PostSuccessRate.OBJECTIVE_PERCENT.toPlainString());
    md.append("%): ").append(posts.met() ? "met" : "missed");
    md.append(". Excluded as the user's doing: ").append(posts.excludedUserCaused()).append(".\n");
  }

  private static void latency(StringBuilder md, List<LatencySlo.Result> results) {
    md.append("\n## Latency (p95)\n\n");
    md.append("| Objective | Threshold | p95 | Result | Samples | Method |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (LatencySlo.Result r : results) {
      md.append("| ").append(Markdown.escape(r.slo().name()));
      md.append(" | ").append(r.slo().threshold().toMillis()).append(" ms");
      md.append(" | ").append(r.percentile().aboveLargestBucket() ? "> " : "");
      md.append(r.percentile().value().toMillis()).append(" ms");
      md.append(" | ").append(r.met() ? "met" : "missed");
      md.append(" | ").append(r.percentile().samples());
      md.append(" | ").append(r.percentile().method().description()).append(" |\n");
    }
  }

  private static void credit(StringBuilder md, ServiceCredit credit) {
    md.append("\n## Service credit\n\n");
    md.append("System availability ").append(percent(credit.availability()));
    md.append(": ").append(credit.creditPercent()).append("% of the monthly fee");
    if (credit.amount() != null) {
      md.append(" = ").append(credit.amount());
    }
    md.append(".\nPayable on request made by ");
    md.append(CreditRequests.deadline(credit.month())).append(" (SLA-7)");
    if (credit.reason() != null) {
      md.append("; ").append(credit.reason());
    }
    md.append(".\n");
  }

  private static String percent(ExactRatio ratio) {
    return ratio.percent(4).toPlainString() + "%";
  }
}
