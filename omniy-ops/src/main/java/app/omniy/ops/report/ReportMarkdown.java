package app.omniy.ops.report;

import app.omniy.core.Markdown;
import app.omniy.core.Require;
import app.omniy.core.incident.Breach;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.Milestone;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.security.LoginAnomaly;
import app.omniy.core.sla.PostSuccessRate;
import app.omniy.core.support.EscalationLevel;
import app.omniy.core.support.SupportKpis;
import app.omniy.ops.security.CertificateCheck;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reports as Markdown for people (MNT-1, MNT-2). Figures are truncated, never rounded up; text
 * the host or a file supplied (incident ids and titles, measured names, accounts, login details,
 * certificate findings, job errors, objective labels) is shown as text through {@link
 * Markdown#escape}: never as Markdown or HTML, and never breaking a table row.
 */
public final class ReportMarkdown {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private ReportMarkdown() {}

  /** The daily performance report. */
  public static String daily(DailyPerformanceReport report) {
    Require.nonNull(report, "report");
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
        md.append("| ").append(Markdown.escape(t.name()));
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
    Require.nonNull(report, "report");
    ZoneId zone = report.sla().month().zone();
    StringBuilder md = new StringBuilder();
    md.append("# Operations report ").append(report.sla().month().month());
    md.append(" (").append(zone).append(")\n\n");
    md.append(report.allMet() ? "Every objective met.\n" : "**Objectives missed.**\n");
    md.append("\n## Objectives\n\n| Objective | Target | Measured | Result |\n|---|---|---|---|\n");
    for (Attainment a : report.attainments()) {
      md.append("| ").append(Markdown.escape(a.label()));
      md.append(" | ").append(Markdown.escape(a.objective()));
      md.append(" | ").append(Markdown.escape(a.measured()));
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

  /** The Monday system review (MNT-2). */
  public static String weeklySystem(WeeklySystemReview review) {
    Require.nonNull(review, "review");
    ZoneId zone = review.zone();
    StringBuilder md = new StringBuilder();
    md.append("# System review ").append(review.weekStart()).append(" to ");
    md.append(review.weekEnd()).append(" (").append(zone).append(")\n\n## Days\n\n");
    md.append("| Day | Requests | Errors | Published | Failed | Highest p95 |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (DailyFigures d : review.days()) {
      md.append("| ").append(d.date()).append(" | ").append(d.requests());
      md.append(" | ").append(d.errors()).append(" | ").append(d.postsPublished());
      md.append(" | ").append(d.postsFailed()).append(" | ");
      md.append(
          d.latency().stream()
              .map(LatencyFigures::p95)
              .max(Duration::compareTo)
              .map(Text::millis)
              .orElse("-"));
      md.append(" |\n");
    }
    if (!review.missingDays().isEmpty()) {
      md.append("\nNo figures for: ").append(review.missingDays()).append(".\n");
    }
    md.append("\n## Latency\n\n");
    if (review.latency().isEmpty()) {
      md.append("No latency measured.\n");
    } else {
      md.append("| Measured | p50 | p95 | p99 | Worst day | Mean p95 | vs previous week |");
      md.append(" Objective |\n|---|---|---|---|---|---|---|---|\n");
      for (WeeklySystemReview.WeeklyLatency l : review.latency()) {
        md.append("| ").append(Markdown.escape(l.name()));
        md.append(" | ").append(Text.millis(l.p50()));
        md.append(" | ").append(Text.millis(l.p95()));
        md.append(" | ").append(Text.millis(l.p99()));
        md.append(" | ").append(l.worstDay());
        md.append(" | ").append(Text.millis(l.meanP95()));
        md.append(" | ");
        if (l.previousMeanP95() == null) {
          md.append("no figures");
        } else {
          md.append(l.changePercent() == null ? "n/a" : Text.signedPercent(l.changePercent()));
          md.append(" (mean ").append(Text.millis(l.previousMeanP95())).append(")");
        }
        md.append(" | ");
        Boolean within = l.withinObjective();
        md.append(within == null ? "-" : within ? "within" : "**over**").append(" |\n");
      }
      md.append("\np50, p95 and p99 are the highest daily values of the week.\n");
    }
    md.append("\n## Posts\n\n");
    md.append(review.postsPublished()).append(" published, ").append(review.postsFailed());
    md.append(" failed");
    md.append(review.postSuccess().map(r -> " (" + Text.percent4(r) + " success)").orElse(""));
    md.append(". ").append(review.errors()).append(" of ").append(review.requests());
    md.append(" requests failed.\n");
    md.append("\n## Incident retrospective\n\n");
    if (review.incidents().isEmpty()) {
      md.append("No incidents this week.\n");
    } else {
      md.append("| Id | Severity | Title | Detected | Time to respond | Time to recover |");
      md.append(" Time to resolve | Deadlines |\n|---|---|---|---|---|---|---|---|\n");
      for (IncidentOutcome o : review.incidents()) {
        Incident i = o.incident();
        Instant detected = i.timeline().get(Milestone.DETECTED);
        md.append("| ").append(Markdown.escape(i.id()));
        md.append(" | Sev").append(i.severity().level());
        md.append(" | ").append(Markdown.escape(i.title()));
        md.append(" | ").append(TIME.format(detected.atZone(zone)));
        for (Milestone m : List.of(Milestone.RESPONDED, Milestone.RECOVERED, Milestone.RESOLVED)) {
          md.append(" | ")
              .append(i.at(m).map(t -> minutes(Duration.between(detected, t))).orElse("open"));
        }
        md.append(" | ").append(o.deadlinesMet() ? "met" : breaches(o)).append(" |\n");
      }
    }
    md.append("\n## Improvement proposals\n\n");
    List<String> prompts = new ArrayList<>();
    for (IncidentOutcome o : review.incidents()) {
      for (Breach b : o.breaches()) {
        prompts.add(
            "- "
                + Markdown.escape(o.incident().id())
                + ": "
                + b.milestone().name().toLowerCase(Locale.ROOT)
                + " target missed (due "
                + TIME.format(b.due().atZone(zone))
                + ", "
                + b.reachedAt()
                    .map(t -> "reached " + TIME.format(t.atZone(zone)))
                    .orElse("not reached")
                + ")\n");
      }
    }
    for (WeeklySystemReview.WeeklyLatency l : review.latency()) {
      if (Boolean.FALSE.equals(l.withinObjective())) {
        prompts.add(
            "- " + Markdown.escape(l.name()) + " p95 over its objective on " + l.worstDay() + "\n");
      }
    }
    md.append("To be written by the team.");
    md.append(prompts.isEmpty() ? " No target was missed this week.\n" : " Targets missed:\n\n");
    prompts.forEach(md::append);
    return md.toString();
  }

  /** The Wednesday security review (MNT-2, ALERT-I3). */
  public static String weeklySecurity(WeeklySecurityReview review) {
    Require.nonNull(review, "review");
    ZoneId zone = review.zone();
    StringBuilder md = new StringBuilder();
    md.append("# Security review ").append(review.weekStart()).append(" to ");
    md.append(review.weekEnd()).append(" (").append(zone).append(")\n\n## Login anomalies\n\n");
    md.append(review.logins().size()).append(" this week:");
    review.loginsByKind().forEach((k, n) -> md.append(' ').append(k.tag()).append(' ').append(n));
    md.append(".\n");
    if (!review.logins().isEmpty()) {
      md.append("\n| At | Kind | Account | Source | Detail |\n|---|---|---|---|---|\n");
      for (LoginAnomaly a : review.logins()) {
        md.append("| ").append(TIME.format(a.at().atZone(zone)));
        md.append(" | ").append(a.kind().tag());
        md.append(" | ").append(Markdown.escape(a.account()));
        md.append(" | ").append(Markdown.escape(a.source()));
        md.append(" | ").append(Markdown.escape(a.detail())).append(" |\n");
      }
    }
    md.append("\n## Certificates\n\n");
    if (review.certificates().isEmpty()) {
      md.append("No endpoints configured.\n");
    } else {
      for (CertificateCheck c : review.certificates()) {
        md.append("- ").append(c.finding() ? "**" : "").append(Markdown.escape(c.describe()));
        md.append(c.finding() ? "**" : "").append('\n');
      }
    }
    md.append("\n## Security scan runs\n\n");
    md.append(review.failedScans().size()).append(" of ").append(review.scanRuns());
    md.append(" daily scans failed or were missed.\n");
    for (JobRun r : review.failedScans()) {
      md.append("- ").append(TIME.format(r.due().atZone(zone))).append(' ');
      md.append(r.outcome().name().toLowerCase(Locale.ROOT));
      md.append(r.errorMessage().map(e -> ": " + Markdown.escape(e)).orElse("")).append('\n');
    }
    md.append("\n## Permissions and vulnerabilities\n\n");
    md.append("Not checked by Omniy: review the host's access rights and the build's dependency");
    md.append(" scan by hand.\n");
    return md.toString();
  }

  /** The Friday capacity and cost review (MNT-2, POST-3, KPI-1). */
  public static String weeklyCapacity(WeeklyCapacityReview review) {
    Require.nonNull(review, "review");
    ZoneId zone = review.zone();
    StringBuilder md = new StringBuilder();
    md.append("# Capacity review ").append(review.weekStart()).append(" to ");
    md.append(review.weekEnd()).append(" (").append(zone).append(")\n\n## Accounts\n\n");
    md.append(review.slotsTaken()).append(" publishing slots taken, ").append(review.pending());
    md.append(" posts pending.\n");
    if (!review.accounts().isEmpty()) {
      md.append("\n| Account | Slots taken | Peak in a window | Peak at | Pending |\n");
      md.append("|---|---|---|---|---|\n");
      for (WeeklyCapacityReview.AccountCapacity a : review.accounts()) {
        md.append("| ").append(Markdown.escape(a.accountId()));
        md.append(" | ").append(a.slotsTaken());
        md.append(" | ").append(a.peakSlots()).append(" of ").append(a.limit());
        md.append(" (").append(Text.percent2(a.peakUsage())).append(")");
        md.append(" | ").append(a.peakAt() == null ? "-" : TIME.format(a.peakAt().atZone(zone)));
        md.append(" | ").append(a.pending()).append(" |\n");
      }
    }
    md.append("\n## Costs\n\n");
    CostFigures c = review.costs();
    if (c == null) {
      md.append("Not supplied.\n");
    } else {
      md.append("Infrastructure ").append(Text.percent2(c.infrastructureShare()));
      md.append(" of revenue (at most ").append(CostFigures.INFRASTRUCTURE_MAX_PERCENT);
      md.append("%), support ").append(Text.percent2(c.supportShare()));
      md.append(" (at most ").append(CostFigures.SUPPORT_MAX_PERCENT).append("%)");
      md.append(c.automation().map(a -> ", automation " + Text.percent2(a)).orElse(""));
      md.append(".\n");
    }
    md.append("\n## Capacity plan\n\nTo be written by the team.\n");
    return md.toString();
  }

  private static String minutes(Duration d) {
    return d.toMinutes() + " min";
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
      md.append("| ").append(Markdown.escape(i.id()));
      md.append(" | Sev").append(i.severity().level());
      md.append(" | ").append(Markdown.escape(i.title()));
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
