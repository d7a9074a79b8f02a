package app.omniy.core.billing.spi;

/** What {@link ProcessedEventStore#claim} found for an event. */
public enum EventClaim {
  /** The caller holds the claim now and must either mark the event processed or release it. */
  CLAIMED,
  /** The event was processed before: do nothing and acknowledge it. */
  ALREADY_PROCESSED,
  /**
   * Another worker holds a live claim: do not process it now. The sender should retry later, when
   * the event is either processed or released.
   */
  IN_PROGRESS
}
