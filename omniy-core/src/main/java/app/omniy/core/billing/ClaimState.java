package app.omniy.core.billing;

/** Where a customer's claim for a month's service credit stands (SLA-7). */
public enum ClaimState {
  /** Being applied right now by the holder of the claim; it lapses at the claim's {@code until}. */
  PENDING,
  /** Applied through the payment provider (Stripe); the claim's reference is the provider's id. */
  APPLIED,
  /** Accepted and recorded without a payment provider: the host pays it its own way. */
  RECORDED;

  /** Whether the claim is settled: applied or recorded, never to be applied again. */
  public boolean settled() {
    return this != PENDING;
  }
}
