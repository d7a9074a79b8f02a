package app.omniy.stripe;

/**
 * What became of one webhook delivery, and the HTTP status the endpoint must answer with. Stripe
 * retries every delivery not answered with 2xx (for up to three days in live mode), so the status
 * decides whether the event comes again: 2xx when it was handled or never will be, 409/500 when a
 * retry can succeed, 400 when the request itself is bad or belongs to another mode or account (it
 * comes again only until Stripe's retry window ends, and each refusal counts as a failure, so a
 * misconfigured endpoint pages).
 */
public enum WebhookOutcome {
  /** The event's handler ran and succeeded. */
  PROCESSED(200, "processed"),
  /** The event was processed before; nothing ran again. */
  DUPLICATE(200, "duplicate"),
  /** No handler is registered for the event's type; acknowledged so Stripe stops sending it. */
  IGNORED(200, "ignored"),
  /** Another worker is processing the same event right now; Stripe's retry will find it done. */
  IN_PROGRESS(409, "in_progress"),
  /** The handler (or the processed-event store) failed; the event is left for Stripe's retry. */
  FAILED(500, "failed"),
  /** No {@code Stripe-Signature} header, or no {@code v1} signature in it. */
  UNSIGNED(400, "unsigned"),
  /** No signature matches the payload and the secret: tampered, or the wrong secret. */
  BAD_SIGNATURE(400, "bad_signature"),
  /** The signature is right but older than the tolerance: a replay, or a clock far off. */
  STALE_TIMESTAMP(400, "stale_timestamp"),
  /** Correctly signed, but not a Stripe event (not JSON, or no id or type). */
  MALFORMED_PAYLOAD(400, "malformed_payload"),
  /**
   * Correctly signed, but a live-mode event at an endpoint expecting test mode or the reverse (or
   * an event without {@code livemode}): a secret or endpoint mixed up between the modes. Never
   * processed; Stripe retries it for its retry window and then gives up.
   */
  WRONG_MODE(400, "wrong_mode"),
  /**
   * Correctly signed, but the event's connected {@code account} is not the one the endpoint
   * expects: another account's, none where one is expected, or one where the endpoint expects the
   * platform's own events. Never processed; Stripe retries it for its retry window and then gives
   * up.
   */
  WRONG_ACCOUNT(400, "wrong_account");

  private final int httpStatus;
  private final String tag;

  WebhookOutcome(int httpStatus, String tag) {
    this.httpStatus = httpStatus;
    this.tag = tag;
  }

  /** The HTTP status the endpoint answers Stripe with. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether Stripe will deliver the event again (any non-2xx answer). */
  public boolean retriedByStripe() {
    return httpStatus / 100 != 2;
  }

  /** Whether the delivery was refused before processing (a 400). */
  public boolean rejected() {
    return httpStatus == 400;
  }

  /** The value of the {@code reason} tag this delivery is counted with (ALERT-C2). */
  public String tag() {
    return tag;
  }
}
