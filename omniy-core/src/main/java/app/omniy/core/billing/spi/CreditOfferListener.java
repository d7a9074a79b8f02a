package app.omniy.core.billing.spi;

import app.omniy.core.billing.MonthClose;

/**
 * Hears of each closed month (SLA-7, SLA-8), so the host can tell every customer the credit they
 * could claim and by when: an e-mail, a notice in its dashboard, a notifier.
 *
 * <p>Called on the maintenance scheduler's thread after the offers were stored. Delivery is at
 * least once: when the listener throws, the run fails (and alerts, MNT-3), and the job's next run
 * for the same month offers and calls again.
 */
@FunctionalInterface
public interface CreditOfferListener {

  /** {@code close}'s month was closed: its SLA report and every customer's offer. */
  void monthClosed(MonthClose close);
}
