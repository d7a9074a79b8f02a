package app.omniy.ops.status;

import app.omniy.core.Money;
import app.omniy.core.Require;
import app.omniy.core.sla.ExactRatio;
import app.omniy.core.sla.LatencySlo;
import app.omniy.core.sla.PostSuccessRate;
import app.omniy.core.sla.SlaTarget;
import app.omniy.core.support.SupportKpis;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The operator dashboard (KPI-2) as one self-contained HTML document: four sections of tiles —
 * system, infrastructure, business, user experience — each tile green, amber or red against the
 * guide's objective or warning level, and the posts per day as an inline SVG sparkline. No script
 * and no external asset; every text the host supplied is escaped.
 */
public final class Dashboard {
  /** The sparkline's size in pixels. */
  public static final int SPARK_WIDTH = 240;

  /** The sparkline's height in pixels. */
  public static final int SPARK_HEIGHT = 48;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
  private static final BigDecimal CPU_WARN = new BigDecimal("80");
  private static final BigDecimal STORAGE_WARN = new BigDecimal("85");
  private static final BigDecimal MEMORY_WARN = new BigDecimal("85");
  private static final BigDecimal ERROR_BAD = new BigDecimal("10");

  private Dashboard() {}

  private enum Tone {
    OK,
    WARN,
    BAD,
    INFO
  }

  /** The dashboard as HTML. */
  public static String render(DashboardData data) {
    Require.nonNull(data, "data");
    String title = Html.escape(data.title());
    StringBuilder html = new StringBuilder(16_384);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    html.append("<title>").append(title).append("</title><style>").append(CSS);
    html.append("</style></head><body><main>\n<h1>").append(title).append("</h1>\n");
    system(html, data.system());
    infrastructure(html, data.infrastructure());
    business(html, data.business());
    userExperience(html, data.userExperience());
    html.append("<footer>Updated ");
    html.append(TIME.format(data.generatedAt().atZone(data.zone())));
    html.append("</footer>\n</main></body></html>\n");
    return html.toString();
  }

  private static void system(StringBuilder html, SystemFigures f) {
    open(html, "system", "System overview");
    if (f != null) {
      boolean met = f.availability().isAtLeastPercent(SlaTarget.SYSTEM.objectivePercent());
      tile(
          html,
          "availability",
          "Availability (month)",
          Html.percent(f.availability(), 4),
          "objective ≥ 99.9%",
          met ? Tone.OK : Tone.BAD);
      tile(
          html,
          "api-p95",
          "API p95",
          millis(f.apiP95()),
          "objective ≤ 500 ms",
          within(f.apiP95(), LatencySlo.API));
      ExactRatio errors = ExactRatio.of(f.errors(), Math.max(1, f.requests()));
      tile(
          html,
          "errors",
          "Errors",
          Html.percent(errors, 2),
          f.errors() + " of " + f.requests() + " requests",
          errors.compareToPercent(ERROR_BAD) > 0 ? Tone.BAD : Tone.OK);
      tile(
          html,
          "alerts",
          "Alerts firing",
          Long.toString(f.firingAlerts()),
          "now",
          f.firingAlerts() > 0 ? Tone.WARN : Tone.OK);
      tile(
          html,
          "incidents",
          "Open incidents",
          Long.toString(f.openIncidents()),
          "now",
          f.openIncidents() > 0 ? Tone.BAD : Tone.OK);
    }
    close(html, f == null);
  }

  private static void infrastructure(StringBuilder html, InfrastructureFigures f) {
    open(html, "infrastructure", "Infrastructure");
    if (f != null) {
      usage(html, "cpu", "CPU", f.cpu(), CPU_WARN);
      usage(html, "memory", "Memory", f.memory(), MEMORY_WARN);
      usage(html, "storage", "Storage", f.storage(), STORAGE_WARN);
      tile(html, "instances", "Instances", Integer.toString(f.instances()), "running", Tone.INFO);
      Money cost = f.monthlyCost();
      if (cost != null) {
        tile(html, "cost", "Cost (month)", money(cost), "so far", Tone.INFO);
      }
    }
    close(html, f == null);
  }

  private static void business(StringBuilder html, BusinessFigures f) {
    open(html, "business", "Business");
    if (f != null) {
      PostSuccessRate posts = f.posts();
      tile(html, "signups", "Sign-ups", Long.toString(f.signUps()), "this month", Tone.INFO);
      tile(
          html, "active-users", "Active users", Long.toString(f.activeUsers()), "today", Tone.INFO);
      tile(
          html,
          "posts",
          "Posts run",
          Long.toString(posts.counted() + posts.excludedUserCaused()),
          posts.published() + " published",
          Tone.INFO);
      tile(
          html,
          "post-success",
          "Post success",
          Html.percent(posts.rate(), 2),
          "objective ≥ 99.5%",
          posts.met() ? Tone.OK : Tone.BAD);
      tile(html, "mrr", "MRR", money(f.mrr()), "monthly recurring revenue", Tone.INFO);
      sparkline(html, f.postsPerDay());
    }
    close(html, f == null);
  }

  private static void userExperience(StringBuilder html, UserExperienceFigures f) {
    open(html, "user-experience", "User experience");
    if (f != null) {
      tile(
          html,
          "page-p95",
          "Page load p95",
          millis(f.pageP95()),
          "objective ≤ 3000 ms",
          within(f.pageP95(), LatencySlo.WEB_PAGE));
      tile(
          html,
          "upload-p95",
          "Image upload p95",
          millis(f.imageUploadP95()),
          "objective ≤ 10000 ms",
          within(f.imageUploadP95(), LatencySlo.IMAGE_UPLOAD));
      tile(
          html,
          "tickets",
          "Open tickets",
          Long.toString(f.openTickets()),
          f.lateTickets() + " past first-response deadline",
          f.lateTickets() > 0 ? Tone.WARN : Tone.OK);
      SupportKpis s = f.support();
      if (s != null) {
        tile(
            html,
            "satisfaction",
            "Satisfaction",
            s.satisfaction().map(r -> r.decimal(2).toPlainString() + " / 5").orElse("no data"),
            "objective ≥ 4.5",
            s.satisfactionMet() ? Tone.OK : Tone.WARN);
        tile(
            html,
            "first-contact",
            "First-contact resolution",
            s.firstContactResolution().map(r -> Html.percent(r, 2)).orElse("no data"),
            "objective ≥ 80%",
            s.firstContactResolutionMet() ? Tone.OK : Tone.WARN);
      }
    }
    close(html, f == null);
  }

  private static void usage(
      StringBuilder html, String id, String label, ExactRatio share, BigDecimal warnAbove) {
    tile(
        html,
        id,
        label,
        Html.percent(share, 1),
        "warning above " + warnAbove + "%",
        share.compareToPercent(warnAbove) > 0 ? Tone.WARN : Tone.OK);
  }

  private static void sparkline(StringBuilder html, List<Long> points) {
    if (points.isEmpty()) {
      return;
    }
    // Scaled from the lowest to the highest day, so a change of a few percent still shows.
    long min = points.stream().mapToLong(Long::longValue).min().orElse(0);
    long span = Math.max(1, points.stream().mapToLong(Long::longValue).max().orElse(0) - min);
    html.append("<figure class=\"tile wide\"><figcaption>Posts per day, last ");
    html.append(points.size()).append(" days</figcaption><svg id=\"posts-sparkline\" ");
    html.append("width=\"").append(SPARK_WIDTH);
    html.append("\" height=\"").append(SPARK_HEIGHT).append("\" viewBox=\"0 0 ");
    html.append(SPARK_WIDTH).append(' ').append(SPARK_HEIGHT).append("\"><polyline points=\"");
    int steps = Math.max(1, points.size() - 1);
    for (int i = 0; i < points.size(); i++) {
      long x = (long) i * (SPARK_WIDTH - 4) / steps + 2;
      long y = SPARK_HEIGHT - 2 - (points.get(i) - min) * (SPARK_HEIGHT - 4) / span;
      html.append(i == 0 ? "" : " ").append(x).append(',').append(y);
    }
    html.append("\"/></svg></figure>\n");
  }

  private static void open(StringBuilder html, String id, String heading) {
    html.append("<section id=\"").append(id).append("\"><h2>").append(heading);
    html.append("</h2><div class=\"tiles\">\n");
  }

  private static void close(StringBuilder html, boolean missing) {
    if (missing) {
      html.append("<p class=\"empty\">Not supplied.</p>");
    }
    html.append("</div></section>\n");
  }

  private static void tile(
      StringBuilder html, String id, String label, String value, String hint, Tone tone) {
    html.append("<div class=\"tile ").append(tone.name().toLowerCase(java.util.Locale.ROOT));
    html.append("\" id=\"tile-").append(id).append("\"><div class=\"label\">");
    html.append(Html.escape(label)).append("</div><div class=\"value\">");
    html.append(Html.escape(value)).append("</div><div class=\"hint\">");
    html.append(Html.escape(hint)).append("</div></div>\n");
  }

  private static Tone within(Duration value, LatencySlo slo) {
    return value.compareTo(slo.threshold()) <= 0 ? Tone.OK : Tone.BAD;
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }

  private static String money(Money m) {
    return m.toPlainString() + " " + m.currency().getCurrencyCode();
  }

  private static final String CSS =
      "body{margin:0;background:#11151c;color:#e6e9ef;"
          + "font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif}"
          + "main{max-width:1100px;margin:0 auto;padding:20px}"
          + "h1{font-size:22px;margin:0 0 14px}h2{font-size:16px;margin:0 0 10px;color:#aab2c0}"
          + "section{background:#1a202b;border-radius:8px;padding:14px 16px;margin-bottom:14px}"
          + ".tiles{display:flex;flex-wrap:wrap;gap:10px}"
          + ".tile{background:#232b38;border-radius:6px;padding:10px 12px;min-width:150px;"
          + "border-top:4px solid #5c6573}"
          + ".tile.ok{border-color:#37b24d}.tile.warn{border-color:#f59f00}"
          + ".tile.bad{border-color:#f03e3e}.tile.info{border-color:#4dabf7}"
          + ".tile.wide{margin:0;min-width:260px}"
          + ".label{color:#aab2c0;font-size:12px;text-transform:uppercase;letter-spacing:.04em}"
          + ".value{font-size:24px;font-weight:700;font-variant-numeric:tabular-nums}"
          + ".hint{color:#8b95a5;font-size:12px}"
          + "figcaption{color:#aab2c0;font-size:12px;margin-bottom:4px}"
          + "polyline{fill:none;stroke:#4dabf7;stroke-width:2}"
          + ".empty{color:#8b95a5;margin:0}"
          + "footer{color:#8b95a5;font-size:12px;text-align:center}";
}
