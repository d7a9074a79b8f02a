package app.omniy.ops.report;

import app.omniy.core.Require;
import app.omniy.core.incident.Breach;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.Milestone;
import app.omniy.core.maintenance.JobRun;
import app.omniy.core.security.LoginAnomaly;
import app.omniy.core.support.EscalationLevel;
import app.omniy.core.support.SupportKpis;
import app.omniy.files.SlaJson;
import app.omniy.ops.security.CertificateCheck;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The reports as JSON for machines (MNT-1, MNT-2, KPI-1). Like {@link SlaJson}: percentages and
 * means are strings truncated to fixed decimals, durations are whole milliseconds, times ISO-8601
 * with the report zone's offset, so no reader turns an exact figure into floating point.
 */
public final class ReportJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private ReportJson() {}

  /**
   * The daily report: {@code date}, {@code zone}, {@code latency[]} ({@code name}, {@code
   * p50Millis}, {@code p95Millis}, {@code p99Millis}, {@code samples}, {@code
   * previousMeanP95Millis}, {@code changePercent}, {@code previousDays}, {@code withinObjective}),
   * {@code requests}, {@code errors}, {@code errorPercent}, {@code postsPublished}, {@code
   * postsFailed}, {@code postSuccessPercent}.
   */
  public static ObjectNode daily(DailyPerformanceReport report) {
    Require.nonNull(report, "report");
    DailyFigures day = report.day();
    ObjectNode node = NODES.objectNode();
    node.put("date", day.date().toString());
    node.put("zone", report.zone().getId());
    ArrayNode latency = node.putArray("latency");
    for (LatencyTrend t : report.trends()) {
      LatencyFigures f = day.latency(t.name()).orElseThrow();
      ObjectNode row = latency.addObject();
      row.put("name", f.name());
      row.put("p50Millis", f.p50().toMillis());
      row.put("p95Millis", f.p95().toMillis());
      row.put("p99Millis", f.p99().toMillis());
      row.put("samples", f.samples());
      row.put("previousMeanP95Millis", t.previousMean().map(d -> d.toMillis()).orElse(null));
      row.put("changePercent", t.change().map(c -> c.toPlainString()).orElse(null));
      row.put("previousDays", t.previousDays());
      row.put("withinObjective", t.withinObjective());
    }
    node.put("requests", day.requests());
    node.put("errors", day.errors());
    node.put("errorPercent", day.errorRate().map(r -> r.percent(4).toPlainString()).orElse(null));
    node.put("postsPublished", day.postsPublished());
    node.put("postsFailed", day.postsFailed());
    node.put(
        "postSuccessPercent",
        day.postSuccess().map(r -> r.percent(4).toPlainString()).orElse(null));
    return node;
  }

  /**
   * The monthly report: {@code month}, {@code zone}, {@code asOf}, {@code allMet}, {@code
   * objectives[]} ({@code id}, {@code objective}, {@code measured}, {@code result}: met, missed or
   * no-data), {@code incidents[]}, {@code support} (or null), {@code costs} (or null) and the whole
   * SLA report under {@code sla} as {@link SlaJson#report} writes it.
   */
  public static ObjectNode monthly(MonthlyOperationsReport report) {
    Require.nonNull(report, "report");
    ZoneId zone = report.sla().month().zone();
    ObjectNode node = NODES.objectNode();
    node.put("month", report.sla().month().month().toString());
    node.put("zone", zone.getId());
    node.put("asOf", time(report.asOf(), zone));
    node.put("allMet", report.allMet());
    ArrayNode objectives = node.putArray("objectives");
    for (Attainment a : report.attainments()) {
      ObjectNode row = objectives.addObject();
      row.put("id", a.id());
      row.put("objective", a.objective());
      row.put("measured", a.measured());
      row.put("result", a.result().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    ArrayNode incidents = node.putArray("incidents");
    for (IncidentOutcome o : report.incidents()) {
      incidents.add(incident(o, zone));
    }
    SupportKpis s = report.support();
    if (s == null) {
      node.putNull("support");
    } else {
      node.set("support", support(s));
    }
    CostFigures c = report.costs();
    if (c == null) {
      node.putNull("costs");
    } else {
      node.set("costs", costs(c));
    }
    node.set("sla", SlaJson.report(report.sla()));
    return node;
  }

  /**
   * The Monday system review: {@code weekStart}, {@code weekEnd}, {@code zone}, {@code asOf},
   * {@code days[]} (as {@link #daily} names the day's figures), {@code missingDays[]}, {@code
   * latency[]} ({@code name}, {@code p50Millis}, {@code p95Millis}, {@code p99Millis} — the highest
   * daily values —, {@code samples}, {@code daysMeasured}, {@code worstDay}, {@code meanP95Millis},
   * {@code previousMeanP95Millis}, {@code changePercent}, {@code withinObjective}), {@code
   * postsPublished}, {@code postsFailed}, {@code postSuccessPercent}, {@code requests}, {@code
   * errors} and {@code incidents[]} as in {@link #monthly}.
   */
  public static ObjectNode weeklySystem(WeeklySystemReview review) {
    Require.nonNull(review, "review");
    ZoneId zone = review.zone();
    ObjectNode node = week(review.weekStart(), review.weekEnd(), zone, review.asOf());
    ArrayNode days = node.putArray("days");
    for (DailyFigures d : review.days()) {
      ObjectNode row = days.addObject();
      row.put("date", d.date().toString());
      row.put("requests", d.requests());
      row.put("errors", d.errors());
      row.put("postsPublished", d.postsPublished());
      row.put("postsFailed", d.postsFailed());
      ArrayNode latency = row.putArray("latency");
      for (LatencyFigures f : d.latency()) {
        ObjectNode l = latency.addObject();
        l.put("name", f.name());
        l.put("p50Millis", f.p50().toMillis());
        l.put("p95Millis", f.p95().toMillis());
        l.put("p99Millis", f.p99().toMillis());
        l.put("samples", f.samples());
      }
    }
    ArrayNode missing = node.putArray("missingDays");
    review.missingDays().forEach(d -> missing.add(d.toString()));
    ArrayNode latency = node.putArray("latency");
    for (WeeklySystemReview.WeeklyLatency l : review.latency()) {
      ObjectNode row = latency.addObject();
      row.put("name", l.name());
      row.put("p50Millis", l.p50().toMillis());
      row.put("p95Millis", l.p95().toMillis());
      row.put("p99Millis", l.p99().toMillis());
      row.put("samples", l.samples());
      row.put("daysMeasured", l.daysMeasured());
      row.put("worstDay", l.worstDay().toString());
      row.put("meanP95Millis", l.meanP95().toMillis());
      row.put(
          "previousMeanP95Millis",
          l.previousMeanP95() == null ? null : l.previousMeanP95().toMillis());
      row.put(
          "changePercent", l.changePercent() == null ? null : l.changePercent().toPlainString());
      row.put("withinObjective", l.withinObjective());
    }
    node.put("postsPublished", review.postsPublished());
    node.put("postsFailed", review.postsFailed());
    node.put(
        "postSuccessPercent",
        review.postSuccess().map(r -> r.percent(4).toPlainString()).orElse(null));
    node.put("requests", review.requests());
    node.put("errors", review.errors());
    ArrayNode incidents = node.putArray("incidents");
    for (IncidentOutcome o : review.incidents()) {
      incidents.add(incident(o, zone));
    }
    return node;
  }

  /**
   * The Wednesday security review: {@code weekStart}, {@code weekEnd}, {@code zone}, {@code asOf},
   * {@code loginAnomalies[]} ({@code at}, {@code kind}, {@code account}, {@code source}, {@code
   * detail}), {@code loginAnomaliesByKind}, {@code certificates[]} ({@code endpoint}, {@code
   * status}, {@code notAfter}, {@code daysLeft}, {@code problem}), {@code scanRuns}, {@code
   * failedScans[]} ({@code due}, {@code outcome}, {@code error}) and {@code permissionsChecked}
   * (always false: the host's job).
   */
  public static ObjectNode weeklySecurity(WeeklySecurityReview review) {
    Require.nonNull(review, "review");
    ZoneId zone = review.zone();
    ObjectNode node = week(review.weekStart(), review.weekEnd(), zone, review.asOf());
    ArrayNode logins = node.putArray("loginAnomalies");
    for (LoginAnomaly a : review.logins()) {
      ObjectNode row = logins.addObject();
      row.put("at", time(a.at(), zone));
      row.put("kind", a.kind().tag());
      row.put("account", a.account());
      row.put("source", a.source());
      row.put("detail", a.detail());
    }
    ObjectNode byKind = node.putObject("loginAnomaliesByKind");
    review.loginsByKind().forEach((k, n) -> byKind.put(k.tag(), n));
    ArrayNode certificates = node.putArray("certificates");
    for (CertificateCheck c : review.certificates()) {
      ObjectNode row = certificates.addObject();
      row.put("endpoint", c.endpoint().toString());
      row.put("status", c.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      row.put("notAfter", c.certificate() == null ? null : time(c.certificate().notAfter(), zone));
      row.put("daysLeft", c.certificate() == null ? null : c.certificate().daysLeft());
      row.put("problem", c.problem());
    }
    node.put("scanRuns", review.scanRuns());
    ArrayNode failed = node.putArray("failedScans");
    for (JobRun r : review.failedScans()) {
      ObjectNode row = failed.addObject();
      row.put("due", time(r.due(), zone));
      row.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
      row.put("error", r.error());
    }
    node.put("permissionsChecked", false);
    return node;
  }

  /**
   * The Friday capacity review: {@code weekStart}, {@code weekEnd}, {@code zone}, {@code asOf},
   * {@code slotsTaken}, {@code pending}, {@code accounts[]} ({@code account}, {@code slotsTaken},
   * {@code peakSlots}, {@code limit}, {@code peakPercent}, {@code peakAt}, {@code pending}) and
   * {@code costs} (as in {@link #monthly}, or null).
   */
  public static ObjectNode weeklyCapacity(WeeklyCapacityReview review) {
    Require.nonNull(review, "review");
    ZoneId zone = review.zone();
    ObjectNode node = week(review.weekStart(), review.weekEnd(), zone, review.asOf());
    node.put("slotsTaken", review.slotsTaken());
    node.put("pending", review.pending());
    ArrayNode accounts = node.putArray("accounts");
    for (WeeklyCapacityReview.AccountCapacity a : review.accounts()) {
      ObjectNode row = accounts.addObject();
      row.put("account", a.accountId());
      row.put("slotsTaken", a.slotsTaken());
      row.put("peakSlots", a.peakSlots());
      row.put("limit", a.limit());
      row.put("peakPercent", a.peakUsage().percent(2).toPlainString());
      row.put("peakAt", a.peakAt() == null ? null : time(a.peakAt(), zone));
      row.put("pending", a.pending());
    }
    CostFigures c = review.costs();
    if (c == null) {
      node.putNull("costs");
    } else {
      node.set("costs", costs(c));
    }
    return node;
  }

  private static ObjectNode week(LocalDate start, LocalDate end, ZoneId zone, Instant asOf) {
    ObjectNode node = NODES.objectNode();
    node.put("weekStart", start.toString());
    node.put("weekEnd", end.toString());
    node.put("zone", zone.getId());
    node.put("asOf", time(asOf, zone));
    return node;
  }

  /** {@code node} as compact JSON text. */
  public static String toJson(ObjectNode node) {
    return SlaJson.toJson(node);
  }

  private static ObjectNode incident(IncidentOutcome o, ZoneId zone) {
    Incident i = o.incident();
    ObjectNode row = NODES.objectNode();
    row.put("id", i.id());
    row.put("title", i.title());
    row.put("severity", i.severity().level());
    row.put("affects", i.affects().id());
    ObjectNode timeline = row.putObject("timeline");
    for (Map.Entry<Milestone, Instant> e : i.timeline().entrySet()) {
      timeline.put(e.getKey().name().toLowerCase(Locale.ROOT), time(e.getValue(), zone));
    }
    row.put("deadlinesMet", o.deadlinesMet());
    ArrayNode breaches = row.putArray("breaches");
    for (Breach b : o.breaches()) {
      ObjectNode breach = breaches.addObject();
      breach.put("milestone", b.milestone().name().toLowerCase(Locale.ROOT));
      breach.put("due", time(b.due(), zone));
      breach.put("reached", b.reachedAt().map(t -> time(t, zone)).orElse(null));
    }
    return row;
  }

  private static ObjectNode support(SupportKpis s) {
    ObjectNode node = NODES.objectNode();
    node.put("opened", s.opened());
    node.put("resolved", s.resolved());
    node.put("resolvedAtFirstContact", s.resolvedAtFirstContact());
    node.put(
        "firstContactResolutionPercent",
        s.firstContactResolution().map(r -> r.percent(2).toPlainString()).orElse(null));
    node.put("rated", s.rated());
    node.put("satisfaction", s.satisfaction().map(r -> r.decimal(2).toPlainString()).orElse(null));
    node.put(
        "meanResolutionHours",
        s.meanResolutionSeconds().map(r -> Text.hours(r).replace(" h", "")).orElse(null));
    node.put("responseBreaches", s.responseBreaches());
    ObjectNode levels = node.putObject("byLevel");
    for (EscalationLevel level : EscalationLevel.values()) {
      levels.put(level.name(), s.byLevel().get(level));
    }
    node.put("allMet", s.allMet());
    return node;
  }

  private static ObjectNode costs(CostFigures c) {
    ObjectNode node = NODES.objectNode();
    node.put("currency", c.revenue().currency().getCurrencyCode());
    node.put("revenue", c.revenue().toPlainString());
    node.put("infrastructureCost", c.infrastructureCost().toPlainString());
    node.put("supportCost", c.supportCost().toPlainString());
    node.put("infrastructurePercent", c.infrastructureShare().percent(2).toPlainString());
    node.put("supportPercent", c.supportShare().percent(2).toPlainString());
    node.put("operationalTasks", c.operationalTasks());
    node.put("automatedTasks", c.automatedTasks());
    node.put(
        "automationPercent", c.automation().map(a -> a.percent(2).toPlainString()).orElse(null));
    return node;
  }

  private static String time(Instant instant, ZoneId zone) {
    return TIME.format(instant.atZone(zone));
  }
}
