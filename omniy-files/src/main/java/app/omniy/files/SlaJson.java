package app.omniy.files;

import app.omniy.core.Money;
import app.omniy.core.Require;
import app.omniy.core.sla.Availability;
import app.omniy.core.sla.DowntimePeriod;
import app.omniy.core.sla.LatencySlo;
import app.omniy.core.sla.PostSuccessRate;
import app.omniy.core.sla.ServiceCredit;
import app.omniy.core.sla.SlaReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Credits and monthly reports as JSON, for billing and dashboards (SLA-8). Percentages are strings
 * truncated to 4 decimals (never rounded up); money amounts are strings with exactly the currency's
 * minor-unit digits ({@code "198"} for JPY, {@code "1.00"} for USD), so no reader turns them into
 * floating point on the way. Keys keep the order written here.
 */
public final class SlaJson {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final int DECIMALS = 4;

  private SlaJson() {}

  /**
   * The credit as one object: {@code month}, {@code uptimePercent}, {@code creditPercent}, {@code
   * creditAmount}, {@code currency}, {@code eligible}, {@code reason}. Amount and currency are null
   * when no fee was given; {@code eligible} is null when no request date was given.
   */
  public static ObjectNode credit(ServiceCredit credit) {
    Require.nonNull(credit, "credit");
    ObjectNode node = JSON.createObjectNode();
    node.put("month", credit.month().toString());
    node.put("uptimePercent", credit.availability().percent(DECIMALS).toPlainString());
    node.put("creditPercent", credit.creditPercent());
    Money amount = credit.amount();
    node.put("creditAmount", amount == null ? null : amount.toPlainString());
    node.put("currency", amount == null ? null : amount.currency().getCurrencyCode());
    node.put("eligible", credit.eligible());
    node.put("reason", credit.reason());
    return node;
  }

  /** The whole monthly report as one object. */
  public static ObjectNode report(SlaReport report) {
    Require.nonNull(report, "report");
    ZoneId zone = report.month().zone();
    ObjectNode node = JSON.createObjectNode();
    node.put("month", report.month().month().toString());
    node.put("zone", zone.getId());
    node.put("allMet", report.allMet());
    ArrayNode targets = node.putArray("targets");
    for (Availability a : report.availability()) {
      ObjectNode target = targets.addObject();
      target.put("target", a.target().id());
      target.put("objectivePercent", a.objectivePercent().toPlainString());
      target.put("measuredPercent", a.uptime().percent(DECIMALS).toPlainString());
      target.put("met", a.met());
      target.put("measuredSeconds", a.measuredSeconds());
      target.put("downtimeSeconds", a.downtimeSeconds());
      target.put("errorBudgetSeconds", a.errorBudgetSeconds().toPlainString());
      target.put("errorBudgetUsedPercent", a.errorBudgetUsed().percent(DECIMALS).toPlainString());
    }
    node.put("unknownSeconds", report.unknownSeconds());
    node.put("incomplete", report.incomplete());
    ArrayNode periods = node.putArray("periods");
    for (DowntimePeriod p : report.periods()) {
      ObjectNode period = periods.addObject();
      period.put("start", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p.start().atZone(zone)));
      period.put("end", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p.end().atZone(zone)));
      period.put("seconds", p.seconds());
      period.put("cause", p.cause().id());
      period.put("target", p.target().id());
      period.put("excluded", p.cause().excluded());
      period.put("note", p.note());
    }
    PostSuccessRate posts = report.posts();
    if (posts != null) {
      ObjectNode post = node.putObject("posts");
      post.put("published", posts.published());
      post.put("failedAgainstUs", posts.failedAgainstUs());
      post.put("excludedUserCaused", posts.excludedUserCaused());
      post.put("successPercent", posts.rate().percent(DECIMALS).toPlainString());
      post.put("objectivePercent", PostSuccessRate.OBJECTIVE_PERCENT.toPlainString());
      post.put("met", posts.met());
    }
    ArrayNode latency = node.putArray("latency");
    for (LatencySlo.Result r : report.latency()) {
      ObjectNode result = latency.addObject();
      result.put("slo", r.slo().name());
      result.put("thresholdMillis", r.slo().threshold().toMillis());
      result.put("p95Millis", r.percentile().value().toMillis());
      result.put("aboveLargestBucket", r.percentile().aboveLargestBucket());
      result.put("samples", r.percentile().samples());
      result.put("method", r.percentile().method().name().toLowerCase(java.util.Locale.ROOT));
      result.put("met", r.met());
    }
    node.set("credit", credit(report.credit()));
    return node;
  }

  /** {@code node} as compact JSON text. */
  public static String toJson(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }
}
