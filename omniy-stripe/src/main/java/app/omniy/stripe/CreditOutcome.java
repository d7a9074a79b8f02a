package app.omniy.stripe;

/** What {@link ServiceCredits} did, or in a dry run would do, for one {@link CreditRequest}. */
public enum CreditOutcome {
  /** The credit was added to the customer's Stripe balance now. */
  APPLIED,
  /** Dry run: the credit would be added. */
  WOULD_APPLY,
  /** The applied-credit store already records a credit for this customer and month. */
  ALREADY_APPLIED,
  /**
   * The customer's Stripe balance already holds this month's credit, though the store did not know
   * it (a fresh store, or a crash between Stripe's answer and the record); now recorded.
   */
  ALREADY_IN_STRIPE,
  /**
   * The assessed credit is zero: the availability earns none (SLA-6: at least 99.9%), or the amount
   * is zero in Stripe's unit of the currency.
   */
  NO_CREDIT_DUE,
  /**
   * The credit was not asked for in time (SLA-7): after the last day of the following month, or
   * before the month began. The decision's detail is the assessed credit's reason.
   */
  REQUESTED_TOO_LATE,
  /** Stripe could not be reached or refused; nothing was recorded, a re-run is safe. */
  FAILED
}
