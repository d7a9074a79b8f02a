package app.omniy.examples.trial;

import app.omniy.core.Money;
import app.omniy.core.alert.AlertEvent;
import app.omniy.core.incident.Incident;
import app.omniy.core.sla.PostSuccessRate;
import app.omniy.core.sla.SlaReport;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What happened in the simulated month: every figure counted from the store, the fake API, the
 * alert engine, the incident store and the SLA ledger, none made up.
 *
 * @param month the simulated month (JST)
 * @param postsScheduled posts accepted by validation
 * @param rejected posts refused by validation (POST-2), never scheduled
 * @param published posts that went out
 * @param failedByReason final failures that count against the service, by reason code (POST-9)
 * @param excludedByReason outcomes of the user's own doing, excluded from the rate: {@code
 *     CANCELLED}, {@code NEEDS_REAUTH}, {@code USER_CAUSED}
 * @param pending posts not final when the month ended
 * @param publishedTwice containers the fake API saw published more than once (must be 0)
 * @param successRate POST-9's rate over the final outcomes
 * @param alertsFired rule ids that fired, each once, in firing order
 * @param firings how many times each rule fired
 * @param resolutions how many times each rule resolved
 * @param incidents the incidents, as recorded at the end of the month
 * @param rca each incident's RCA document (Markdown), by incident id
 * @param report the month's SLA report, with probes' unknown time and the post success rate
 * @param credits the credit due for each sample plan
 * @param hostRequests simulated host requests, and how many failed with 5xx
 * @param probes external probes run, and how many failed
 * @param faultsInjected Graph API faults injected, by kind
 * @param notifications the local notification log, one line per message and channel
 * @param alertEvents every notification sent, once each, in order
 */
public record TrialResult(
    YearMonth month,
    int postsScheduled,
    int rejected,
    long published,
    Map<String, Long> failedByReason,
    Map<String, Long> excludedByReason,
    long pending,
    int publishedTwice,
    PostSuccessRate successRate,
    List<String> alertsFired,
    Map<String, Integer> firings,
    Map<String, Integer> resolutions,
    List<Incident> incidents,
    Map<String, String> rca,
    SlaReport report,
    List<PlanCredit> credits,
    Counts hostRequests,
    Counts probes,
    Map<String, Integer> faultsInjected,
    List<String> notifications,
    List<AlertEvent> alertEvents) {

  /** The success objective (SLA-3). */
  public static final BigDecimal TARGET_PERCENT = PostSuccessRate.OBJECTIVE_PERCENT;

  /**
   * A sample plan's credit.
   *
   * @param plan the plan's name
   * @param fee its monthly fee
   * @param amount the credit due for the month (SLA-6), payable on request (SLA-7)
   */
  public record PlanCredit(String plan, Money fee, Money amount) {}

  /**
   * A total and how many of it failed.
   *
   * @param total how many
   * @param failed how many of them failed
   */
  public record Counts(long total, long failed) {}

  /** Final failures that count against the service. */
  public long failed() {
    return failedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Outcomes excluded as the user's own doing. */
  public long excluded() {
    return excludedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Whether the month met the 99.5% success objective, compared exactly. */
  public boolean successTargetMet() {
    return successRate.meets(TARGET_PERCENT);
  }

  /** The success rate as a ratio truncated to 4 decimals, e.g. {@code 0.9987}. */
  public String successRatio() {
    return successRate.rate().decimal(4).toPlainString();
  }
}
