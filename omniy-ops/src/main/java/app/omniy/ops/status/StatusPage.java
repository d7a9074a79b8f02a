package app.omniy.ops.status;

import app.omniy.core.Require;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.IncidentSeverity;
import app.omniy.core.incident.Milestone;
import app.omniy.core.sla.Availability;
import app.omniy.core.sla.ExactRatio;
import app.omniy.core.sla.LatencySlo;
import app.omniy.core.sla.PostSuccessRate;
import app.omniy.core.sla.SlaReport;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * The public status page (KPI-2) as one self-contained HTML document: inline CSS, the availability
 * bars as inline SVG, no script, no external asset, so it can be served from any static host or
 * opened from disk. Every text the host supplied is escaped.
 *
 * <p>A day's bar is green without downtime, amber with an uptime of at least 99% and red below;
 * grey when nothing was measured. The overall state follows the worst open incident: Sev1 a major
 * outage, Sev2 a partial outage, Sev3 degraded performance.
 */
public final class StatusPage {
  /** The width of one day's bar in the SVG, in pixels; bars are one pixel apart. */
  public static final int BAR_WIDTH = 7;

  /** The height of the bars, in pixels. */
  public static final int BAR_HEIGHT = 40;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
  private static final ExactRatio MINOR = ExactRatio.of(99, 100);

  private StatusPage() {}

  /** The page as HTML. */
  public static String render(StatusPageData data) {
    Require.nonNull(data, "data");
    StringBuilder html = new StringBuilder(32_768);
    String name = Html.escape(data.serviceName());
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    html.append("<title>").append(name).append(" status</title><style>").append(CSS);
    html.append("</style></head><body><main>\n<header><h1>").append(name).append(" status</h1>");
    overall(html, data.incidents());
    html.append("</header>\n");
    bars(html, data.days());
    incidents(html, data);
    notices(html, data);
    sla(html, data.sla());
    html.append("<footer>Updated ").append(time(data, data.generatedAt()));
    html.append("</footer>\n</main></body></html>\n");
    return html.toString();
  }

  private static void overall(StringBuilder html, List<Incident> incidents) {
    IncidentSeverity worst =
        incidents.stream()
            .filter(i -> !i.isResolved())
            .map(Incident::severity)
            .min(Comparator.naturalOrder())
            .orElse(null);
    String[] state =
        worst == null
            ? new String[] {"ok", "All systems operational"}
            : switch (worst) {
              case SEV1 -> new String[] {"major", "Major outage"};
              case SEV2 -> new String[] {"partial", "Partial outage"};
              case SEV3 -> new String[] {"minor", "Degraded performance"};
            };
    html.append("<p id=\"overall\" class=\"overall ").append(state[0]).append("\">");
    html.append(state[1]).append("</p>");
  }

  private static void bars(StringBuilder html, List<DayStatus> days) {
    html.append("<section id=\"uptime\"><h2>Availability, last ").append(days.size());
    html.append(" days</h2>\n");
    int width = Math.max(1, days.size() * (BAR_WIDTH + 1) - 1);
    html.append("<svg id=\"bars\" width=\"").append(width);
    html.append("\" height=\"").append(BAR_HEIGHT).append("\" viewBox=\"0 0 ").append(width);
    html.append(' ')
        .append(BAR_HEIGHT)
        .append("\" role=\"img\" aria-label=\"daily availability\">");
    long measured = 0;
    long down = 0;
    for (int i = 0; i < days.size(); i++) {
      DayStatus day = days.get(i);
      measured += day.measuredSeconds();
      down += day.downtimeSeconds();
      String kind = day.uptime().map(StatusPage::kind).orElse("none");
      String shown = day.uptime().map(u -> Html.percent(u, 4)).orElse("no data");
      html.append("\n<rect class=\"bar ").append(kind).append("\" data-date=\"");
      html.append(day.date()).append("\" data-uptime=\"").append(shown).append("\" x=\"");
      html.append(i * (BAR_WIDTH + 1)).append("\" y=\"0\" width=\"").append(BAR_WIDTH);
      html.append("\" height=\"").append(BAR_HEIGHT).append("\" rx=\"1\"><title>");
      html.append(day.date()).append(": ").append(shown);
      if (day.downtimeSeconds() > 0) {
        html.append(", ").append(day.downtimeSeconds()).append(" s down");
      }
      html.append("</title></rect>");
    }
    html.append("</svg>\n<p class=\"legend\"><span>")
        .append(days.size())
        .append(" days ago</span>");
    html.append("<span id=\"uptime-total\">");
    html.append(
        measured == 0
            ? "no data"
            : Html.percent(ExactRatio.of(measured - down, measured), 2) + " uptime");
    html.append("</span><span>today</span></p></section>\n");
  }

  private static String kind(ExactRatio uptime) {
    if (uptime.numerator() == uptime.denominator()) {
      return "ok";
    }
    return uptime.compareTo(MINOR) >= 0 ? "minor" : "major";
  }

  private static void incidents(StringBuilder html, StatusPageData data) {
    html.append("<section id=\"incidents\"><h2>Incidents</h2>\n");
    if (data.incidents().isEmpty()) {
      html.append("<p class=\"empty\">No current incidents.</p>");
    }
    for (Incident i : data.incidents()) {
      html.append("<article class=\"incident sev").append(i.severity().level()).append("\">");
      html.append("<h3>").append(Html.escape(i.title())).append("</h3><p>");
      html.append("<span class=\"tag\">Sev").append(i.severity().level()).append("</span> ");
      html.append(stage(i)).append(" · since ");
      html.append(time(data, i.timeline().get(Milestone.OCCURRED))).append("</p></article>\n");
    }
    html.append("</section>\n");
  }

  /** The stage users read, from the furthest milestone reached. */
  private static String stage(Incident i) {
    if (i.isResolved()) {
      return "Resolved";
    }
    if (i.at(Milestone.RECOVERED).isPresent()) {
      return "Monitoring: service restored";
    }
    if (i.at(Milestone.MITIGATED).isPresent()) {
      return "Identified: mitigation in place";
    }
    return "Investigating";
  }

  private static void notices(StringBuilder html, StatusPageData data) {
    html.append("<section id=\"notices\"><h2>Notices</h2>\n");
    if (data.notices().isEmpty()) {
      html.append("<p class=\"empty\">No notices.</p>");
    }
    for (Notice n : data.notices()) {
      html.append("<article class=\"notice\"><h3>").append(Html.escape(n.title())).append("</h3>");
      html.append("<p class=\"when\">").append(time(data, n.from()));
      html.append(n.end().map(u -> " – " + time(data, u)).orElse(" until further notice"));
      html.append("</p><p>").append(Html.escape(n.body())).append("</p></article>\n");
    }
    html.append("</section>\n");
  }

  private static void sla(StringBuilder html, SlaReport sla) {
    if (sla == null) {
      return;
    }
    html.append("<section id=\"sla\"><h2>Service levels, ").append(sla.month().month());
    html.append("</h2>\n<table><thead><tr><th>Objective</th><th>Target</th><th>This month</th>");
    html.append("<th>Result</th></tr></thead><tbody>\n");
    for (Availability a : sla.availability()) {
      row(
          html,
          "uptime-" + a.target().id(),
          "Uptime (" + a.target().id() + ")",
          "≥ " + a.objectivePercent().toPlainString() + "%",
          Html.percent(a.uptime(), 4),
          a.met());
    }
    PostSuccessRate posts = sla.posts();
    if (posts != null) {
      row(
          html,
          "post-success",
          "Post success",
          "≥ " + PostSuccessRate.OBJECTIVE_PERCENT.toPlainString() + "%",
          Html.percent(posts.rate(), 4),
          posts.met());
    }
    for (LatencySlo.Result r : sla.latency()) {
      row(
          html,
          "latency-" + r.slo().name(),
          "Response time p95 (" + r.slo().name() + ")",
          "≤ " + r.slo().threshold().toMillis() + " ms",
          (r.percentile().aboveLargestBucket() ? "> " : "")
              + r.percentile().value().toMillis()
              + " ms",
          r.met());
    }
    html.append("</tbody></table></section>\n");
  }

  private static void row(
      StringBuilder html, String id, String label, String target, String value, boolean met) {
    html.append("<tr id=\"sla-").append(Html.escape(id)).append("\" class=\"");
    html.append(met ? "met" : "missed").append("\"><td>").append(Html.escape(label));
    html.append("</td><td>").append(Html.escape(target)).append("</td><td class=\"figure\">");
    html.append(Html.escape(value)).append("</td><td>").append(met ? "met" : "missed");
    html.append("</td></tr>\n");
  }

  private static String time(StatusPageData data, Instant instant) {
    return TIME.format(instant.atZone(data.zone()));
  }

  private static final String CSS =
      "body{margin:0;background:#f6f7f9;color:#1d2330;"
          + "font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif}"
          + "main{max-width:780px;margin:0 auto;padding:24px}"
          + "h1{font-size:26px;margin:0 0 12px}h2{font-size:18px;margin:0 0 10px}"
          + "h3{font-size:16px;margin:0}"
          + "section,header{background:#fff;border:1px solid #dde1e7;border-radius:8px;"
          + "padding:16px 20px;margin-bottom:16px}"
          + ".overall{margin:0;padding:10px 14px;border-radius:6px;font-weight:600;color:#fff}"
          + ".overall.ok{background:#2f9e44}.overall.minor{background:#e8a317}"
          + ".overall.partial{background:#e8590c}.overall.major{background:#c92a2a}"
          + ".bar.ok{fill:#2f9e44}.bar.minor{fill:#e8a317}.bar.major{fill:#c92a2a}"
          + ".bar.none{fill:#ced4da}"
          + "#bars{display:block;max-width:100%;height:auto}"
          + ".legend{display:flex;justify-content:space-between;color:#5c6573;font-size:13px;"
          + "margin:6px 0 0}"
          + "article{border-left:4px solid #ced4da;padding:6px 12px;margin:8px 0}"
          + "article.sev1{border-color:#c92a2a}article.sev2{border-color:#e8590c}"
          + "article.sev3{border-color:#e8a317}article.notice{border-color:#1c7ed6}"
          + "article p{margin:4px 0 0}.tag{font-weight:600}.when{color:#5c6573;font-size:13px}"
          + ".empty{color:#5c6573;margin:0}"
          + "table{border-collapse:collapse;width:100%}"
          + "th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e9ecef}"
          + "td.figure{font-variant-numeric:tabular-nums;font-weight:600}"
          + "tr.met td:last-child{color:#2f9e44}tr.missed td:last-child{color:#c92a2a;"
          + "font-weight:600}"
          + "footer{color:#5c6573;font-size:13px;text-align:center}";
}
