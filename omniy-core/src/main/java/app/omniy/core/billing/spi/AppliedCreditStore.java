package app.omniy.core.billing.spi;

import app.omniy.core.billing.AppliedCredit;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Remembers the service credits applied per customer and month (SLA-6, SLA-7), so re-running a
 * month never credits a customer twice. There is at most one record per customer and month; the
 * first one recorded wins.
 *
 * <p>Implementations must be safe for concurrent use: of two concurrent {@link #recordIfAbsent}
 * calls for the same customer and month, exactly one stores its record and both get that record
 * back.
 */
public interface AppliedCreditStore {

  /** The credit applied to {@code customerId} for {@code month}, if any. */
  Optional<AppliedCredit> find(String customerId, YearMonth month);

  /**
   * Stores {@code credit} unless a credit for the same customer and month is stored already.
   *
   * @return the stored record: {@code credit} itself, or the one that was there first
   */
  AppliedCredit recordIfAbsent(AppliedCredit credit);

  /** Every credit applied for {@code month}, in no particular order. */
  List<AppliedCredit> findByMonth(YearMonth month);
}
