package app.omniy.ops.report;

import app.omniy.core.InvalidValueException;
import app.omniy.core.Require;
import app.omniy.core.sla.ExactRatio;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Friday capacity and cost review (MNT-2): each account's publishing in the week against
 * Instagram's limit (POST-3), the posts still waiting, and the cost ratios of KPI-1 from the
 * figures the host supplies. The capacity plan itself stays with people.
 *
 * @param zone the zone the days are counted in (JST for the guide)
 * @param weekStart the first of the seven days
 * @param asOf when the review was made
 * @param accounts one row per account, in the order the host listed them
 * @param costs the cost figures, or {@code null} when the host supplied none
 */
public record WeeklyCapacityReview(
    ZoneId zone,
    LocalDate weekStart,
    Instant asOf,
    List<AccountCapacity> accounts,
    @Nullable CostFigures costs) {

  /**
   * @throws InvalidValueException if a value is missing
   */
  public WeeklyCapacityReview {
    Require.nonNull(zone, "zone");
    Require.nonNull(weekStart, "weekStart");
    Require.nonNull(asOf, "asOf");
    if (accounts == null) {
      throw new InvalidValueException("accounts", null, "is required (use an empty list)");
    }
    accounts = List.copyOf(accounts);
  }

  /** The last of the seven days. */
  public LocalDate weekEnd() {
    return weekStart.plusDays(WeeklySystemReview.DAYS - 1);
  }

  /** Publishing slots taken in the week, all accounts. */
  public long slotsTaken() {
    return accounts.stream().mapToLong(AccountCapacity::slotsTaken).sum();
  }

  /** Posts waiting to be published at {@link #asOf}, all accounts. */
  public long pending() {
    return accounts.stream().mapToLong(AccountCapacity::pending).sum();
  }

  /**
   * One account's week (POST-3).
   *
   * @param accountId the account
   * @param slotsTaken publishing slots taken in the week (posts published, or publishing at the
   *     review)
   * @param peakSlots the most slots the account held in any rolling quota window ending in the week
   * @param peakAt when that peak was reached (the slot that completed it), or {@code null} without
   *     slots
   * @param limit the posts allowed per window
   * @param pending posts not yet finished (scheduled, waiting to retry, publishing, needing
   *     re-authorisation) at the review
   */
  public record AccountCapacity(
      String accountId,
      long slotsTaken,
      int peakSlots,
      @Nullable Instant peakAt,
      int limit,
      long pending) {

    /**
     * @throws InvalidValueException if the account is blank or a figure is negative
     */
    public AccountCapacity {
      if (accountId == null || accountId.isBlank()) {
        throw new InvalidValueException("accountId", accountId, "must not be blank");
      }
      if (slotsTaken < 0) {
        throw new InvalidValueException("slotsTaken", slotsTaken, "must not be negative");
      }
      if (peakSlots < 0) {
        throw new InvalidValueException("peakSlots", peakSlots, "must not be negative");
      }
      if (pending < 0) {
        throw new InvalidValueException("pending", pending, "must not be negative");
      }
      if (limit < 1) {
        throw new InvalidValueException("limit", limit, "must be positive");
      }
    }

    /** The peak's share of the limit. */
    public ExactRatio peakUsage() {
      return ExactRatio.of(peakSlots, limit);
    }
  }
}
