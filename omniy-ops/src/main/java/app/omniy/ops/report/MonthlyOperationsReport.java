package app.omniy.ops.report;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.incident.Incident;
import app.omniy.core.incident.Milestone;
import app.omniy.core.sla.Availability;
import app.omniy.core.sla.LatencySlo;
import app.omniy.core.sla.PostSuccessRate;
import app.omniy.core.sla.SlaReport;
import app.omniy.core.support.SupportKpis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The monthly operations report of the 1st–5th (MNT-2, KPI-1): SLA attainment per objective, posts
 * and their success rate, the month's incidents with their deadlines met or breached, the support
 * indicators and the cost ratios. Every figure comes from plain inputs the host fills; build it
 * with {@link #builder(SlaReport)}.
 *
 * @param sla the month's SLA report (availability, posts, latency, credit)
 * @param incidents the incidents detected in the month, oldest first, with their breaches
 * @param support the support indicators, or {@code null} when not supplied
 * @param costs the cost figures, or {@code null} when not supplied
 * @param asOf the moment deadlines of open incidents are judged at
 */
public record MonthlyOperationsReport(
    SlaReport sla,
    List<IncidentOutcome> incidents,
    @Nullable SupportKpis support,
    @Nullable CostFigures costs,
    Instant asOf) {

  /**
   * @throws InvalidValueException if a value is missing, or the support figures are for another
   *     month
   */
  public MonthlyOperationsReport {
    Require.nonNull(sla, "sla");
    Require.nonNull(incidents, "incidents");
    Require.nonNull(asOf, "asOf");
    if (support != null && !support.month().equals(sla.month())) {
      throw new InvalidValueException(
          "support", support.month(), "must be for the report's month (" + sla.month() + ")");
    }
    incidents = List.copyOf(incidents);
  }

  /** A builder for the report on {@code sla}'s month. */
  public static Builder builder(SlaReport sla) {
    return new Builder(sla);
  }

  /** Every objective with its measured value, in the order the guide lists them. */
  public List<Attainment> attainments() {
    List<Attainment> rows = new ArrayList<>();
    for (Availability a : sla.availability()) {
      rows.add(
          Attainment.of(
              "availability." + a.target().id(),
              "Uptime (" + a.target().id() + ")",
              "≥ " + a.objectivePercent().toPlainString() + "%",
              Text.percent4(a.uptime()),
              a.met()));
    }
    PostSuccessRate posts = sla.posts();
    String postsObjective = "≥ " + PostSuccessRate.OBJECTIVE_PERCENT.toPlainString() + "%";
    rows.add(
        posts == null
            ? Attainment.noData("posts.success", "Post success", postsObjective)
            : Attainment.of(
                "posts.success",
                "Post success",
                postsObjective,
                Text.percent4(posts.rate()),
                posts.met()));
    for (LatencySlo.Result r : sla.latency()) {
      rows.add(
          Attainment.of(
              "latency." + r.slo().name(),
              "Latency p95 (" + r.slo().name() + ")",
              "≤ " + Text.millis(r.slo().threshold()),
              (r.percentile().aboveLargestBucket() ? "> " : "")
                  + Text.millis(r.percentile().value()),
              r.met()));
    }
    supportRows(rows);
    costRows(rows);
    return List.copyOf(rows);
  }

  /** Whether every measured objective was met and every incident deadline kept. */
  public boolean allMet() {
    return attainments().stream().noneMatch(a -> a.result() == Attainment.Result.MISSED)
        && incidents.stream().allMatch(IncidentOutcome::deadlinesMet);
  }

  private void supportRows(List<Attainment> rows) {
    String fcr = "support.first-contact-resolution";
    String fcrObjective = "≥ " + SupportKpis.FIRST_CONTACT_OBJECTIVE_PERCENT + "%";
    String sat = "support.satisfaction";
    String satObjective = "≥ 4.5 / 5";
    String mean = "support.mean-resolution";
    String meanObjective = "≤ " + SupportKpis.MEAN_RESOLUTION_OBJECTIVE.toHours() + " h";
    SupportKpis s = support;
    if (s == null) {
      rows.add(Attainment.noData(fcr, "First-contact resolution", fcrObjective));
      rows.add(Attainment.noData(sat, "Satisfaction", satObjective));
      rows.add(Attainment.noData(mean, "Mean resolution time", meanObjective));
      return;
    }
    rows.add(
        s.firstContactResolution()
            .map(
                r ->
                    Attainment.of(
                        fcr,
                        "First-contact resolution",
                        fcrObjective,
                        Text.percent2(r),
                        s.firstContactResolutionMet()))
            .orElse(Attainment.noData(fcr, "First-contact resolution", fcrObjective)));
    rows.add(
        s.satisfaction()
            .map(
                r ->
                    Attainment.of(
                        sat,
                        "Satisfaction",
                        satObjective,
                        Text.decimal2(r) + " / 5",
                        s.satisfactionMet()))
            .orElse(Attainment.noData(sat, "Satisfaction", satObjective)));
    rows.add(
        s.meanResolutionSeconds()
            .map(
                r ->
                    Attainment.of(
                        mean,
                        "Mean resolution time",
                        meanObjective,
                        Text.hours(r),
                        s.meanResolutionMet()))
            .orElse(Attainment.noData(mean, "Mean resolution time", meanObjective)));
  }

  private void costRows(List<Attainment> rows) {
    String infraObjective = "≤ " + CostFigures.INFRASTRUCTURE_MAX_PERCENT + "% of revenue";
    String supportObjective = "≤ " + CostFigures.SUPPORT_MAX_PERCENT + "% of revenue";
    String autoObjective = "≥ " + CostFigures.AUTOMATION_MIN_PERCENT + "% of tasks";
    CostFigures c = costs;
    if (c == null) {
      rows.add(Attainment.noData("cost.infrastructure", "Infrastructure cost", infraObjective));
      rows.add(Attainment.noData("cost.support", "Support cost", supportObjective));
      rows.add(Attainment.noData("automation", "Automation", autoObjective));
      return;
    }
    rows.add(
        Attainment.of(
            "cost.infrastructure",
            "Infrastructure cost",
            infraObjective,
            Text.percent2(c.infrastructureShare()),
            c.infrastructureMet()));
    rows.add(
        Attainment.of(
            "cost.support",
            "Support cost",
            supportObjective,
            Text.percent2(c.supportShare()),
            c.supportMet()));
    rows.add(
        c.automation()
            .map(
                a ->
                    Attainment.of(
                        "automation",
                        "Automation",
                        autoObjective,
                        Text.percent2(a),
                        c.automationMet()))
            .orElse(Attainment.noData("automation", "Automation", autoObjective)));
  }

  /** Builds a {@link MonthlyOperationsReport}; only the SLA report is required. */
  public static final class Builder {
    private final SlaReport sla;
    private final List<Incident> incidents = new ArrayList<>();
    private @Nullable SupportKpis support;
    private @Nullable CostFigures costs;
    private @Nullable Instant asOf;

    private Builder(SlaReport sla) {
      Require.nonNull(sla, "sla");
      this.sla = sla;
    }

    /**
     * Incidents to consider: those detected in the month are reported, the others ignored, so the
     * host may pass everything its store returned for a wider range.
     */
    public Builder incidents(List<Incident> all) {
      Require.nonNull(all, "incidents");
      incidents.addAll(all);
      return this;
    }

    /** The month's support indicators (SUP-3). */
    public Builder support(SupportKpis kpis) {
      this.support = kpis;
      return this;
    }

    /** The month's cost figures (KPI-1). */
    public Builder costs(CostFigures figures) {
      this.costs = figures;
      return this;
    }

    /**
     * When open incidents' deadlines are judged; the end of the month unless set (a report written
     * on the 1st judges at that moment).
     */
    public Builder asOf(Instant instant) {
      this.asOf = instant;
      return this;
    }

    /** The report; incidents detected in the month, oldest first, with their breaches. */
    public MonthlyOperationsReport build() {
      Instant at = asOf == null ? sla.month().end() : asOf;
      List<IncidentOutcome> outcomes =
          incidents.stream()
              .filter(i -> sla.month().range().contains(i.timeline().get(Milestone.DETECTED)))
              .sorted(Comparator.comparing((Incident i) -> i.timeline().get(Milestone.DETECTED)))
              .map(i -> new IncidentOutcome(i, i.breaches(at)))
              .toList();
      return new MonthlyOperationsReport(sla, outcomes, support, costs, at);
    }
  }
}
