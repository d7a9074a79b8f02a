package app.omniy.core.billing.service;

/** What {@link CreditDesk#claim} did with a customer's claim (SLA-7). */
public enum ClaimOutcome {
  /** The credit was applied through the payment provider now. */
  APPLIED,
  /** No payment provider is configured: the claim was accepted and recorded; the host pays it. */
  RECORDED,
  /** An earlier claim for the same customer and month applied or recorded it; nothing more. */
  ALREADY_APPLIED,
  /** Another claim for the same customer and month is being applied right now; ask again. */
  IN_PROGRESS,
  /** Asked after the deadline: the last day of the month after the credited month (SLA-7). */
  PAST_DEADLINE,
  /** The month earns no credit: the SLA was met, or the amount rounds to zero. */
  NOTHING_OWED,
  /** The customer list has no such customer for the month. */
  NOT_A_CUSTOMER,
  /** The month has not ended yet, or the request is dated before it began. */
  TOO_EARLY;

  /** Whether the credit is (now or before) applied or recorded. */
  public boolean credited() {
    return this == APPLIED || this == RECORDED || this == ALREADY_APPLIED;
  }
}
