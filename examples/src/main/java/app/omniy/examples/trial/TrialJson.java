package app.omniy.examples.trial;

import app.omniy.core.alert.AlertEvent;
import app.omniy.core.alert.Channel;
import app.omniy.core.incident.Breach;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.Milestone;
import app.omniy.core.sla.Availability;
import app.omniy.core.sla.SlaMonth;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Locale;

/** The trial's JSON: the one object {@code omniy trial --json} prints, and {@code alerts.json}. */
public final class TrialJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrialJson() {}

  /**
   * The month in one object: {@code month}, {@code postsScheduled}, {@code published}, {@code
   * failed}, {@code publishedTwice}, {@code successRate} (a ratio as text), {@code alertsFired},
   * {@code incidents} (a count), {@code uptimePercent}, {@code creditPercent}, {@code credits}, and
   * the details behind them.
   */
  public static ObjectNode summary(TrialResult r) {
    ObjectNode node = JSON.createObjectNode();
    node.put("month", r.month().toString());
    node.put("postsScheduled", r.postsScheduled());
    node.put("rejected", r.rejected());
    node.put("published", r.published());
    node.put("failed", r.failed());
    ObjectNode failed = node.putObject("failedByReason");
    r.failedByReason().forEach(failed::put);
    node.put("excluded", r.excluded());
    ObjectNode excluded = node.putObject("excludedByReason");
    r.excludedByReason().forEach(excluded::put);
    node.put("pending", r.pending());
    node.put("publishedTwice", r.publishedTwice());
    node.put("successRate", r.successRatio());
    node.put("successTargetMet", r.successTargetMet());
    ArrayNode fired = node.putArray("alertsFired");
    r.alertsFired().forEach(fired::add);
    ObjectNode firings = node.putObject("alertFirings");
    r.firings().forEach(firings::put);
    ObjectNode resolutions = node.putObject("alertResolutions");
    r.resolutions().forEach(resolutions::put);
    node.put("incidents", r.incidents().size());
    ArrayNode incidents = node.putArray("incidentDetails");
    r.incidents().forEach(i -> incidents.add(incident(i, r.report().month())));
    Availability system = r.report().system();
    node.put("uptimePercent", system.uptime().percent(4).toPlainString());
    node.put("downtimeSeconds", system.downtimeSeconds());
    node.put("unknownSeconds", r.report().unknownSeconds());
    node.put("creditPercent", r.report().credit().creditPercent());
    ArrayNode credits = node.putArray("credits");
    for (TrialResult.PlanCredit credit : r.credits()) {
      ObjectNode c = credits.addObject();
      c.put("plan", credit.plan());
      c.put("fee", credit.fee().toPlainString());
      c.put("currency", credit.fee().currency().getCurrencyCode());
      c.put("amount", credit.amount().toPlainString());
    }
    node.put("hostRequests", r.hostRequests().total());
    node.put("hostRequestsFailed", r.hostRequests().failed());
    node.put("probes", r.probes().total());
    node.put("probesFailed", r.probes().failed());
    ObjectNode faults = node.putObject("faultsInjected");
    r.faultsInjected().forEach(faults::put);
    return node;
  }

  /** One incident: id, severity, title, timeline, breaches and whether it went to experts. */
  static ObjectNode incident(Incident incident, SlaMonth month) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", incident.id());
    node.put("severity", incident.severity().level());
    node.put("title", incident.title());
    ObjectNode timeline = node.putObject("timeline");
    incident.timeline().forEach((m, at) -> timeline.put(name(m), at.toString()));
    ArrayNode breaches = node.putArray("breached");
    for (Breach breach : incident.breaches(month.end())) {
      breaches.add(name(breach.milestone()));
    }
    node.put("outsideExperts", incident.needsOutsideExperts(month.end()));
    return node;
  }

  /** Every notification the alert engine and the incident runtime sent, in order. */
  public static ArrayNode alerts(TrialResult r) {
    ArrayNode list = JSON.createArrayNode();
    for (AlertEvent event : r.alertEvents()) {
      ObjectNode node = list.addObject();
      node.put("at", event.at().toString());
      node.put("kind", event.kind().name());
      node.put("rule", event.rule().id());
      node.put("alert", event.key().toString());
      node.put("severity", event.rule().severity().name().toLowerCase(Locale.ROOT));
      node.put("firingSince", event.firingSince().toString());
      ArrayNode channels = node.putArray("channels");
      EnumSet<Channel> sorted = EnumSet.noneOf(Channel.class);
      sorted.addAll(event.channels());
      sorted.forEach(c -> channels.add(c.name().toLowerCase(Locale.ROOT)));
      node.put("toEscalationContact", event.toEscalationContact());
      node.put("text", event.summary());
    }
    return list;
  }

  /** {@code node} as compact JSON. */
  public static String write(Object node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** {@code node} as indented JSON, for files people open. */
  public static String pretty(Object node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static String name(Milestone milestone) {
    return milestone.name().toLowerCase(Locale.ROOT);
  }
}
