package app.omniy.core.billing;

/**
 * Names of the meters that count payment webhooks, defined once here (ALERT-6) so the alert rules
 * and the adapter that counts agree. ALERT-C2's failure share over a window is {@code
 * increase(FAILED) / increase(RECEIVED)}; {@link #REJECTED} deliveries (bad signatures, stale or
 * malformed payloads) are counted apart because they point at a misconfigured secret or a forger
 * rather than at failing payment processing, and an alert may add them in.
 */
public final class WebhookMeters {
  private WebhookMeters() {}

  /** Every delivery, before any check. Tags: {@link #TAG_PROVIDER}, {@link #TAG_TYPE}. */
  public static final String RECEIVED = "omniy.stripe.webhooks.received";

  /**
   * Deliveries acknowledged with 2xx after a successful handler, a duplicate or an event nobody
   * handles. Tags: {@link #TAG_PROVIDER}, {@link #TAG_TYPE}, {@link #TAG_OUTCOME}.
   */
  public static final String PROCESSED = "omniy.stripe.webhooks.processed";

  /**
   * Deliveries whose handler threw, answered with a status that makes the sender retry. Tags:
   * {@link #TAG_PROVIDER}, {@link #TAG_TYPE}, {@link #TAG_OUTCOME}.
   */
  public static final String FAILED = "omniy.stripe.webhooks.failed";

  /**
   * Deliveries refused before processing (400). Tags: {@link #TAG_PROVIDER}, {@link #TAG_TYPE},
   * {@link #TAG_OUTCOME} naming the reason.
   */
  public static final String REJECTED = "omniy.stripe.webhooks.rejected";

  /**
   * Deliveries of an event that another worker was processing at that moment, answered with a
   * status that makes the sender retry later. Neither processed nor failed.
   */
  public static final String DEFERRED = "omniy.stripe.webhooks.deferred";

  /** Tag: the payment provider ({@code stripe}). */
  public static final String TAG_PROVIDER = "provider";

  /** Tag: the event type, e.g. {@code invoice.paid}; {@code unverified} when rejected. */
  public static final String TAG_TYPE = "type";

  /** Tag: the outcome, e.g. {@code processed}, {@code duplicate}, {@code bad_signature}. */
  public static final String TAG_OUTCOME = "outcome";
}
