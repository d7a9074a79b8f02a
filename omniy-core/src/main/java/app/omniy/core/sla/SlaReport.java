package app.omniy.core.sla;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Money;
import app.omniy.core.Require;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A month's SLA report (SLA-8): each target, its measured value, met or missed, the error budget
 * used, the downtime periods with their causes and the credit due. Render it with {@link
 * SlaReportMarkdown} for people; {@code omniy-files} renders it as JSON.
 *
 * @param month the month, in the zone it was measured in
 * @param availability the availability of every target, system first
 * @param periods the ledger's periods inside the month, cut at its boundaries, excluded ones too
 * @param unknownSeconds seconds without probe data (SLA-5); 0 when measured from a ledger alone
 * @param posts the post success rate (SLA-3), or {@code null} when not measured
 * @param latency the latency objectives measured (SLA-4); may be empty
 * @param credit the credit the system availability earns (SLA-6, SLA-7)
 */
public record SlaReport(
    SlaMonth month,
    List<Availability> availability,
    List<DowntimePeriod> periods,
    long unknownSeconds,
    @Nullable PostSuccessRate posts,
    List<LatencySlo.Result> latency,
    ServiceCredit credit) {

  /**
   * @throws InvalidValueException if a required value is missing or the unknown time negative
   */
  public SlaReport {
    Require.nonNull(month, "month");
    if (availability == null || availability.isEmpty()) {
      throw new InvalidValueException("availability", availability, "must not be empty");
    }
    Require.nonNull(periods, "periods");
    if (unknownSeconds < 0) {
      throw new InvalidValueException("unknownSeconds", unknownSeconds, "must not be negative");
    }
    Require.nonNull(latency, "latency");
    Require.nonNull(credit, "credit");
    availability = List.copyOf(availability);
    periods = List.copyOf(periods);
    latency = List.copyOf(latency);
  }

  /**
   * The report of {@code month} from {@code ledger}: the system and the core API against their
   * objectives, the credit from the system availability under {@code policy}, with its amount when
   * a {@code fee} is given. Add post and latency figures with the {@code with…} methods.
   */
  public static SlaReport of(
      DowntimeLedger ledger, SlaMonth month, CreditPolicy policy, @Nullable Money fee) {
    Require.nonNull(ledger, "ledger");
    Require.nonNull(month, "month");
    List<Availability> measured =
        List.of(
            ledger.availability(SlaTarget.SYSTEM, month),
            ledger.availability(SlaTarget.CORE_API, month));
    ServiceCredit credit =
        ServiceCredit.assess(policy, month.month(), measured.get(0).uptime(), fee, null);
    return new SlaReport(month, measured, ledger.periodsIn(month), 0, null, List.of(), credit);
  }

  /** This report with the unknown time from probes (SLA-5). */
  public SlaReport withUnknownSeconds(long seconds) {
    return new SlaReport(month, availability, periods, seconds, posts, latency, credit);
  }

  /** This report with the post success rate (SLA-3). */
  public SlaReport withPosts(PostSuccessRate rate) {
    return new SlaReport(month, availability, periods, unknownSeconds, rate, latency, credit);
  }

  /** This report with latency results (SLA-4). */
  public SlaReport withLatency(List<LatencySlo.Result> results) {
    return new SlaReport(month, availability, periods, unknownSeconds, posts, results, credit);
  }

  /** The system's availability: the one credits are decided on. */
  public Availability system() {
    return availability.get(0);
  }

  /**
   * Whether the month's figures are incomplete: the unknown time exceeds the system's error budget
   * (SLA-5).
   */
  public boolean incomplete() {
    return BigDecimal.valueOf(unknownSeconds).compareTo(system().errorBudgetSeconds()) > 0;
  }

  /** Whether every measured objective was met. */
  public boolean allMet() {
    return availability.stream().allMatch(Availability::met)
        && (posts == null || posts.met())
        && latency.stream().allMatch(LatencySlo.Result::met);
  }
}
