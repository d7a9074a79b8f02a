package app.omniy.ops.report;

import app.omniy.core.InvalidValueException;
import app.omniy.core.incident.Breach;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.Milestone;
import app.omniy.core.support.EscalationLevel;
import app.omniy.core.support.SupportKpis;
import app.omniy.ops.sla.SlaJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
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
    if (report == null) {
      throw new InvalidValueException("report", null, "is required");
    }
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
    if (report == null) {
      throw new InvalidValueException("report", null, "is required");
    }
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
