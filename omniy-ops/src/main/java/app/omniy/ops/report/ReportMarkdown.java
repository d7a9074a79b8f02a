package app.omniy.ops.report;

import app.omniy.core.InvalidValueException;
import app.omniy.core.incident.Breach;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.Milestone;
import app.omniy.core.sla.PostSuccessRate;
import app.omniy.core.support.EscalationLevel;
import app.omniy.core.support.SupportKpis;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The reports as Markdown for people (MNT-1, MNT-2). Figures are truncated, never rounded up; text
 * the host supplied (incident titles, names) is made safe for table cells.
 */
public final class ReportMarkdown {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private ReportMarkdown() {}

  /** The daily performance report. */
  public static String daily(DailyPerformanceReport report) {
    if (report == null) {
      throw new InvalidValueException("report", null, "is required");
    }
    DailyFigures day = report.day();
    StringBuilder md = new StringBuilder();
    md.append("# Performance report ").append(day.date());
    md.append(" (").append(report.zone()).append(")\n\n## Latency\n\n");
    if (day.latency().isEmpty()) {
      md.append("No latency measured.\n");
    } else {
      md.append("| Measured | p50 | p95 | p99 | Samples | p95 vs previous days | Objective |\n");
      md.append("|---|---|---|---|---|---|---|\n");
      for (LatencyTrend t : report.trends()) {
        LatencyFigures f = day.latency(t.name()).orElseThrow();
        md.append("| ").append(Text.cell(t.name()));
        md.append(" | ").append(Text.millis(f.p50()));
        md.append(" | ").append(Text.millis(f.p95()));
        md.append(" | ").append(Text.millis(f.p99()));
        md.append(" | ").append(f.samples());
        md.append(" | ").append(trend(t));
        md.append(" | ").append(objective(t, f)).append(" |\n");
      }
    }
    md.append("\n## Errors\n\n");
    md.append(day.errors()).append(" of ").append(day.requests()).append(" requests failed");
    md.append(day.errorRate().map(r -> " (" + Text.percent4(r) + ")").orElse("")).append(".\n");
    md.append("\n## Posts\n\n");
    md.append(day.postsPublished()).append(" published, ").append(day.postsFailed());
    md.append(" failed");
    md.append(day.postSuccess().map(r -> " (" + Text.percent4(r) + " success)").orElse(""));
    md.append(".\n");
    return md.toString();
  }

  /** The monthly operations report. */
  public static String monthly(MonthlyOperationsReport report) {
    if (report == null) {
      throw new InvalidValueException("report", null, "is required");
    }
    ZoneId zone = report.sla().month().zone();
    StringBuilder md = new StringBuilder();
    md.append("# Operations report ").append(report.sla().month().month());
    md.append(" (").append(zone).append(")\n\n");
    md.append(report.allMet() ? "Every objective met.\n" : "**Objectives missed.**\n");
    md.append("\n## Objectives\n\n| Objective | Target | Measured | Result |\n|---|---|---|---|\n");
    for (Attainment a : report.attainments()) {
      md.append("| ").append(a.label()).append(" | ").append(a.objective());
      md.append(" | ").append(a.measured());
      md.append(" | ").append(a.result().name().toLowerCase(Locale.ROOT).replace('_', ' '));
      md.append(" |\n");
    }
    posts(md, report.sla().posts());
    incidents(md, report, zone);
    support(md, report.support());
    md.append("\n## Credit\n\n").append(report.sla().credit().creditPercent());
    md.append("% of the monthly fee for the system availability.\n");
    return md.toString();
  }

  private static String trend(LatencyTrend t) {
    if (t.previousMeanP95() == null) {
      return "no earlier days";
    }
    String change = t.change().map(Text::signedPercent).orElse("n/a");
    return change
        + " (mean "
        + Text.millis(t.previousMeanP95())
        + " over "
        + t.previousDays()
        + " days)";
  }

  private static String objective(LatencyTrend t, LatencyFigures f) {
    Boolean within = t.withinObjective();
    if (within == null) {
      return "-";
    }
    String threshold = Text.millis(f.objective().orElseThrow().threshold());
    return (within ? "within " : "**over** ") + threshold;
  }

  private static void posts(StringBuilder md, PostSuccessRate posts) {
    md.append("\n## Posts\n\n");
    if (posts == null) {
      md.append("Not measured.\n");
      return;
    }
    md.append(posts.counted() + posts.excludedUserCaused()).append(" posts run: ");
    md.append(posts.published()).append(" published, ").append(posts.failedAgainstUs());
    md.append(" failed against us, ").append(posts.excludedUserCaused());
    md.append(" failed through the user's doing (not counted). Success rate ");
    md.append(Text.percent4(posts.rate())).append(".\n");
  }

  private static void incidents(StringBuilder md, MonthlyOperationsReport report, ZoneId zone) {
    md.append("\n## Incidents\n\n");
    if (report.incidents().isEmpty()) {
      md.append("None.\n");
      return;
    }
    md.append("| Id | Severity | Title | Detected | Resolved | Deadlines |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (IncidentOutcome o : report.incidents()) {
      Incident i = o.incident();
      md.append("| ").append(Text.cell(i.id()));
      md.append(" | Sev").append(i.severity().level());
      md.append(" | ").append(Text.cell(i.title()));
      md.append(" | ").append(TIME.format(i.timeline().get(Milestone.DETECTED).atZone(zone)));
      md.append(" | ")
          .append(i.at(Milestone.RESOLVED).map(t -> TIME.format(t.atZone(zone))).orElse("open"));
      md.append(" | ").append(o.deadlinesMet() ? "met" : breaches(o)).append(" |\n");
    }
  }

  private static String breaches(IncidentOutcome o) {
    StringBuilder s = new StringBuilder("breached: ");
    for (int n = 0; n < o.breaches().size(); n++) {
      Breach b = o.breaches().get(n);
      s.append(n == 0 ? "" : ", ").append(b.milestone().name().toLowerCase(Locale.ROOT));
    }
    return s.toString();
  }

  private static void support(StringBuilder md, SupportKpis s) {
    md.append("\n## Support\n\n");
    if (s == null) {
      md.append("Not supplied.\n");
      return;
    }
    md.append(s.opened()).append(" tickets opened, ").append(s.resolved()).append(" resolved, ");
    md.append(s.responseBreaches()).append(" first responses late. By level:");
    for (EscalationLevel level : EscalationLevel.values()) {
      md.append(' ').append(level).append(' ').append(s.byLevel().get(level));
    }
    md.append(".\n");
  }
}
